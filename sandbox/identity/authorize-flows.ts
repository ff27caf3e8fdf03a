import { randomUUID } from 'node:crypto';
import type { AppRecord, TenantRecord } from '../store/directory';
import type { RequestedScopes } from './parse-scopes';

// A sign-in in progress: the validated /authorize request, carried from the sign-in page to the consent page
// by an id in a hidden form field.

export type ResponseMode = 'query' | 'fragment' | 'form_post';

export interface AuthorizeFlow {
  id: string;
  tenant: TenantRecord;
  app: AppRecord;
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
  nonce?: string;
  scope: string;
  scopes: RequestedScopes;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  prompt?: string;
  loginHint?: string;
  wantClientInfo: boolean;
  createdAt: number;
  userId?: string;
  sessionId?: string;
  /** Set when the flow came from the admin consent endpoint (v1 `/adminconsent`, v2 `/v2.0/adminconsent`). */
  adminConsent?: { version: 'v1' | 'v2' };
}

const FLOW_LIFETIME_MS = 30 * 60 * 1000;

export class AuthorizeFlows {
  private readonly flows = new Map<string, AuthorizeFlow>();

  start(flow: Omit<AuthorizeFlow, 'id' | 'createdAt'>): AuthorizeFlow {
    this.prune();
    const started = { ...flow, id: randomUUID(), createdAt: Date.now() };
    this.flows.set(started.id, started);
    return started;
  }

  find(id: string | null | undefined): AuthorizeFlow | undefined {
    const flow = id ? this.flows.get(id) : undefined;
    return flow && Date.now() - flow.createdAt < FLOW_LIFETIME_MS ? flow : undefined;
  }

  finish(id: string): void {
    this.flows.delete(id);
  }

  private prune(): void {
    const cutoff = Date.now() - FLOW_LIFETIME_MS;
    for (const [id, flow] of this.flows) if (flow.createdAt < cutoff) this.flows.delete(id);
  }
}
