import type { Mount } from '../http/https-endpoint';
import { RouteTable } from '../http/route-table';
import type { SandboxContext } from '../sandbox-context';
import { messagesDelta } from './delta-route';
import { addAttachment, createDraft, getAttachment, listAttachments, sendDraft } from './draft-routes';
import { createFolder, getFolder, listFolders } from './folder-routes';
import { graphGate, graphNotFound, type GraphHandler } from './graph-call';
import { deleteMessage, getMessage, getMessageMime, listMessages, moveMessage, updateMessage } from './message-routes';
import { sendMail } from './send-mail-route';
import { UploadSessions } from './upload-sessions';
import { getUser } from './user-routes';

// Microsoft Graph v1.0 mail endpoints. Every path exists under /me and under /users/{id|userPrincipalName}.

export function graphMounts(context: SandboxContext): Mount[] {
  const routes = new RouteTable();
  const uploads = new UploadSessions();
  const both = (method: string, path: string, handler: GraphHandler) => {
    routes.add(method, `/v1.0/me${path}`, graphGate(context, handler));
    routes.add(method, `/v1.0/users/:user${path}`, graphGate(context, handler));
  };

  both('GET', '', getUser);
  both('POST', '/sendMail', sendMail);

  both('GET', '/mailFolders', listFolders);
  both('POST', '/mailFolders', createFolder);
  both('GET', '/mailFolders/:folder', getFolder);
  both('GET', '/mailFolders/:folder/childFolders', listFolders);
  both('POST', '/mailFolders/:folder/childFolders', createFolder);
  both('GET', '/mailFolders/:folder/messages/delta', messagesDelta);
  both('GET', '/mailFolders/:folder/messages', listMessages);
  both('POST', '/mailFolders/:folder/messages', createDraft);

  for (const prefix of ['', '/mailFolders/:folder']) {
    both('GET', `${prefix}/messages/:message`, getMessage);
    both('PATCH', `${prefix}/messages/:message`, updateMessage);
    both('DELETE', `${prefix}/messages/:message`, deleteMessage);
    both('GET', `${prefix}/messages/:message/$value`, getMessageMime);
    both('POST', `${prefix}/messages/:message/move`, moveMessage);
  }
  both('GET', '/messages', listMessages);
  both('POST', '/messages', createDraft);
  both('POST', '/messages/:message/send', sendDraft);
  both('GET', '/messages/:message/attachments', listAttachments);
  both('POST', '/messages/:message/attachments', addAttachment);
  both('GET', '/messages/:message/attachments/:attachment', getAttachment);
  both('POST', '/messages/:message/attachments/createUploadSession', (call) => uploads.create(call));

  return [{ prefix: '/v1.0', routes, notFound: (exchange) => graphNotFound(exchange) }, uploads.mount(context)];
}
