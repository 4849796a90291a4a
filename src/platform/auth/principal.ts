import type { Role } from '../db/schema.ts';

export type { Role };
export const ROLES: readonly Role[] = ['platform_admin', 'agency_operator'];

/** Who is calling: an operator through a console session, or a script through an API token. */
export interface Principal {
  readonly via: 'session' | 'token';
  /** Username for sessions, token name for tokens. */
  readonly name: string;
  readonly accountId: number | null;
  readonly role: Role;
  /** The agency an `agency_operator` acts for; `null` for platform admins. */
  readonly agencyCode: string | null;
}

/** Audit-log actor string: `session:admin` or `token:ci-import`. */
export function actorOf(principal: Principal): string {
  return `${principal.via}:${principal.name}`;
}
