import type { Kysely } from 'kysely';
import type { Database, Role } from '../platform/db/schema.ts';
import type { Principal } from '../platform/auth/principal.ts';

export interface AccountRow {
  readonly id: number;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly agencyCode: string | null;
  readonly isDisabled: boolean;
}

export interface ApiTokenRow {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly agencyCode: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export function accountsRepository(db: Kysely<Database>) {
  return {
    async findAccount(username: string): Promise<AccountRow | undefined> {
      const row = await db
        .selectFrom('accounts')
        .select(['id', 'username', 'password_hash', 'role', 'agency_code', 'disabled_at'])
        .where('username', '=', username)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          username: row.username,
          passwordHash: row.password_hash,
          role: row.role,
          agencyCode: row.agency_code,
          isDisabled: row.disabled_at !== null,
        }
      );
    },

    /** Inserts an account; returns `undefined` when the username is taken. */
    async insertAccount(account: {
      username: string;
      passwordHash: string;
      role: Role;
      agencyCode: string | null;
    }): Promise<number | undefined> {
      const row = await db
        .insertInto('accounts')
        .values({
          username: account.username,
          password_hash: account.passwordHash,
          role: account.role,
          agency_code: account.agencyCode,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async insertSession(tokenHash: string, accountId: number, expiresAt: Date): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, account_id: accountId, expires_at: expiresAt })
        .execute();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteExpiredSessions(): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
    },

    async findSessionPrincipal(tokenHash: string): Promise<Principal | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
        .select(['accounts.id', 'accounts.username', 'accounts.role', 'accounts.agency_code'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', new Date())
        .where('accounts.disabled_at', 'is', null)
        .executeTakeFirst();
      return (
        row && {
          via: 'session',
          name: row.username,
          accountId: row.id,
          role: row.role,
          agencyCode: row.agency_code,
        }
      );
    },

    async insertApiToken(token: {
      tokenHash: string;
      name: string;
      role: Role;
      agencyCode: string | null;
    }): Promise<number> {
      const row = await db
        .insertInto('api_tokens')
        .values({
          token_hash: token.tokenHash,
          name: token.name,
          role: token.role,
          agency_code: token.agencyCode,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Finds a live token and notes its use (at most once a minute, to spare writes). */
    async findTokenPrincipal(tokenHash: string): Promise<Principal | undefined> {
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'role', 'agency_code', 'last_used_at'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.last_used_at === null || Date.now() - row.last_used_at.getTime() > 60_000) {
        await db
          .updateTable('api_tokens')
          .set({ last_used_at: new Date() })
          .where('id', '=', row.id)
          .execute();
      }
      return {
        via: 'token',
        name: row.name,
        accountId: null,
        role: row.role,
        agencyCode: row.agency_code,
      };
    },

    async listApiTokens(): Promise<ApiTokenRow[]> {
      const rows = await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'role', 'agency_code', 'created_at', 'last_used_at', 'revoked_at'])
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        agencyCode: r.agency_code,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },

    /** Returns false when no live token has this id. */
    async revokeApiToken(id: number): Promise<boolean> {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
