// The fields of a Graph message the robot asks for in its delta query ($select), as Graph returns them. Universal.

export interface GraphRecipient {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphMessage {
  id: string;
  internetMessageId?: string | null;
  subject?: string | null;
  from?: GraphRecipient | null;
  sender?: GraphRecipient | null;
  toRecipients?: GraphRecipient[] | null;
  ccRecipients?: GraphRecipient[] | null;
  receivedDateTime?: string | null;
  isRead?: boolean | null;
  isDraft?: boolean | null;
  hasAttachments?: boolean | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  '@removed'?: { reason?: string } | null;
}

export const GRAPH_MESSAGE_SELECT =
  'id,internetMessageId,subject,from,sender,toRecipients,ccRecipients,receivedDateTime,isRead,isDraft,hasAttachments,body';
