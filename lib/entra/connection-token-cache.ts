import 'server-only';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

/**
 * MSAL's token cache for one connection, held in memory for one operation. MSAL rotates the refresh token on every
 * refresh and writes the new one into the cache: `changed` tells the caller to persist it, or the next refresh
 * would present a token Microsoft has already replaced.
 */
export class ConnectionTokenCache implements ICachePlugin {
  changed = false;

  constructor(public serialized: string | null) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    if (this.serialized) context.tokenCache.deserialize(this.serialized);
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (context.cacheHasChanged) {
      this.serialized = context.tokenCache.serialize();
      this.changed = true;
    }
  }
}
