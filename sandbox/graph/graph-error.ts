// Microsoft Graph's failures, with Graph's codes and messages and its error shape:
// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function graphErrorBody(error: GraphError, requestId: string, clientRequestId: string): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d+Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

const unauthorized = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });

export const graphErrors = {
  emptyToken: () => unauthorized('Access token is empty.'),
  malformedToken: () => unauthorized('IDX14100: JWT is not well formed, there are no dots (.).'),
  invalidSignature: () => unauthorized('Access token validation failure.'),
  expiredToken: () => unauthorized('Lifetime validation failed, the token is expired.'),
  invalidAudience: () => unauthorized('Access token validation failure. Invalid audience.'),
  accessDenied: () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  insufficientPrivileges: () =>
    new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  blockedByAccessPolicy: () =>
    new GraphError(
      403,
      'ErrorAccessDenied',
      'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    ),
  sendAsDenied: () =>
    new GraphError(
      403,
      'ErrorSendAsDenied',
      'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.',
    ),
  mailboxNotEnabled: () =>
    new GraphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    ),
  invalidUser: (identifier: string) =>
    new GraphError(404, 'ErrorInvalidUser', `The requested user '${identifier}' is invalid.`),
  userNotFound: (identifier: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${identifier}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  meNeedsDelegatedToken: () =>
    new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  itemNotFound: () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  folderExists: () => new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.'),
  throttled: (retryAfterSeconds: number) =>
    new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
      'Retry-After': String(retryAfterSeconds),
    }),
  syncStateNotFound: (generation: number) =>
    new GraphError(
      410,
      'SyncStateNotFound',
      `The sync state generation is not found; generation=${generation};[highest=${generation + 1}].`,
    ),
  invalidSyncState: () =>
    new GraphError(400, 'ErrorInvalidSyncStateData', 'The sync state data is corrupted or otherwise invalid.'),
  unreadableJson: () =>
    new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ),
  emptyPayload: () => new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.'),
  invalidRequest: (message: string) => new GraphError(400, 'ErrorInvalidRequest', message),
  noRecipients: () =>
    new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    ),
  unresolvedRecipient: (address: string) =>
    new GraphError(
      400,
      'ErrorInvalidRecipients',
      `At least one recipient is not valid., Recipient '${address}' is not resolved. All recipients must be resolved before a message can be submitted.`,
    ),
  invalidMimeBase64: () =>
    new GraphError(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.'),
  invalidHeader: (name: string) =>
    new GraphError(
      400,
      'InvalidInternetMessageHeader',
      `The internet message header name '${name}' should start with 'x-' or 'X-'.`,
    ),
  tooManyHeaders: () =>
    new GraphError(
      400,
      'InvalidInternetMessageHeaderCollection',
      'The number of internet message headers is invalid: it should be less than or equal to 5.',
    ),
  // Reported as 413 (sendMail) and as 400 "The maximum request length supported is 4MB." (creating a message).
  requestTooLarge: () => new GraphError(413, 'RequestEntityTooLarge', 'The maximum request length supported is 4MB.'),
  invalidFilter: () =>
    new GraphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.'),
  segmentNotFound: (segment: string) =>
    new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  notDraft: () => new GraphError(400, 'ErrorInvalidOperation', 'The operation is only valid on draft messages.'),
};
