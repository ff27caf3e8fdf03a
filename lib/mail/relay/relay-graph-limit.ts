// Graph's MIME send takes one request of at most 4 MB, with the message base64-encoded: the largest relayed message
// that fits (headroom for the Bcc header added for envelope-only recipients). Universal.
export const RELAY_GRAPH_MAX_BYTES = Math.floor(((4 * 1024 * 1024 - 64 * 1024) * 3) / 4) - 8 * 1024;
