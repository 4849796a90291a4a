import type { Kysely } from 'kysely';
import { recordAudit } from '../platform/audit.ts';
import { actorOf, type Principal, type Role } from '../platform/auth/principal.ts';
import {
  dummyPasswordHash,
  hashPassword,
  hashSecret,
  isPasswordCorrect,
  newSecret,
} from '../platform/auth/secrets.ts';
import type { Database } from '../platform/db/schema.ts';
import { AppError } from '../platform/http/errors.ts';
import { accountsRepository, type ApiTokenRow } from './accounts.repository.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Usernames, minimal password length and the agency rule, checked before anything is written. */
export const USERNAME_PATTERN = '^[a-z0-9._-]{3,64}$';
export const MIN_PASSWORD_LENGTH = 10;

export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly agencyCode: string | null;
}

export interface AccountsService {
  createAccount(account: NewAccount, actor: string): Promise<{ id: number }>;
  /** Checks the password and opens a console session; the secret goes into the cookie. */
  login(
    username: string,
    password: string,
  ): Promise<{ sessionSecret: string; principal: Principal; expiresAt: Date }>;
  logout(sessionSecret: string): Promise<void>;
  principalForSession(sessionSecret: string): Promise<Principal | undefined>;
  principalForToken(token: string): Promise<Principal | undefined>;
  createApiToken(
    token: { name: string; role: Role; agencyCode: string | null },
    actor: string,
  ): Promise<{ id: number; token: string }>;
  listApiTokens(): Promise<ApiTokenRow[]>;
  revokeApiToken(id: number, by: Principal): Promise<void>;
  /** Demo accounts for a fresh install (PADU_DEMO=1); existing accounts are left alone. */
  seedDemoAccounts(): Promise<{ username: string; password: string; role: Role }[]>;
}

export const DEMO_ACCOUNTS: readonly NewAccount[] = [
  { username: 'admin', password: 'padu-demo-admin', role: 'platform_admin', agencyCode: null },
  // Kabupaten Sleman (DI Yogyakarta): a regional operator for trying agency-scoped work.
  {
    username: 'operator.sleman',
    password: 'padu-demo-operator',
    role: 'agency_operator',
    agencyCode: '34.04',
  },
];

export function accountsService(
  db: Kysely<Database>,
  agencyExists: (code: string) => Promise<boolean>,
): AccountsService {
  const repository = accountsRepository(db);

  async function checkRoleAndAgency(role: Role, agencyCode: string | null): Promise<void> {
    if (role === 'platform_admin' && agencyCode !== null) {
      throw new AppError(
        'VALIDATION_FAILED',
        'A platform_admin is not tied to an agency; leave agencyCode out.',
        [{ field: '/body/agencyCode', message: 'must be null for platform_admin' }],
      );
    }
    if (role === 'agency_operator') {
      if (agencyCode === null) {
        throw new AppError(
          'VALIDATION_FAILED',
          'An agency_operator needs the agency it works for.',
          [
            {
              field: '/body/agencyCode',
              message: 'is required for agency_operator (e.g. 34.04 or P.KEMENKES)',
            },
          ],
        );
      }
      if (!(await agencyExists(agencyCode))) {
        throw new AppError(
          'VALIDATION_FAILED',
          `No agency has code ${agencyCode}; find it with GET /api/v1/agencies?search=…`,
          [{ field: '/body/agencyCode', message: 'is not a known agency code' }],
        );
      }
    }
  }

  return {
    async createAccount(account, actor) {
      await checkRoleAndAgency(account.role, account.agencyCode);
      const passwordHash = await hashPassword(account.password);
      return db.transaction().execute(async (trx) => {
        const id = await accountsRepository(trx).insertAccount({ ...account, passwordHash });
        if (id === undefined) {
          throw new AppError(
            'CONFLICT',
            `The username ${account.username} is taken; choose another.`,
          );
        }
        await recordAudit(trx, {
          actor,
          action: 'account.create',
          subject: account.username,
          details: { role: account.role, agencyCode: account.agencyCode },
        });
        return { id };
      });
    },

    async login(username, password) {
      const account = await repository.findAccount(username);
      // Verify against a hash even for unknown users, so timing does not reveal which usernames exist.
      const hash = account?.passwordHash ?? (await dummyPasswordHash());
      const isCorrect = await isPasswordCorrect(hash, password);
      if (!account || !isCorrect || account.isDisabled) {
        throw new AppError('INVALID_CREDENTIALS', 'The username or password is wrong.');
      }
      const sessionSecret = newSecret('padu_ses');
      const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
      await repository.deleteExpiredSessions();
      await repository.insertSession(hashSecret(sessionSecret), account.id, expiresAt);
      const principal: Principal = {
        via: 'session',
        name: account.username,
        accountId: account.id,
        role: account.role,
        agencyCode: account.agencyCode,
      };
      await recordAudit(db, { actor: actorOf(principal), action: 'session.login' });
      return { sessionSecret, principal, expiresAt };
    },

    async logout(sessionSecret) {
      await repository.deleteSession(hashSecret(sessionSecret));
    },

    principalForSession: (secret) => repository.findSessionPrincipal(hashSecret(secret)),
    principalForToken: (token) => repository.findTokenPrincipal(hashSecret(token)),

    async createApiToken(token, actor) {
      await checkRoleAndAgency(token.role, token.agencyCode);
      const secret = newSecret('padu_tok');
      return db.transaction().execute(async (trx) => {
        const id = await accountsRepository(trx).insertApiToken({
          ...token,
          tokenHash: hashSecret(secret),
        });
        await recordAudit(trx, {
          actor,
          action: 'token.create',
          subject: String(id),
          details: { name: token.name, role: token.role, agencyCode: token.agencyCode },
        });
        return { id, token: secret };
      });
    },

    listApiTokens: () => repository.listApiTokens(),

    async revokeApiToken(id, by) {
      await db.transaction().execute(async (trx) => {
        if (!(await accountsRepository(trx).revokeApiToken(id))) {
          throw new AppError(
            'NOT_FOUND',
            `No live API token has id ${id}; list them with GET /api/v1/tokens.`,
          );
        }
        await recordAudit(trx, { actor: actorOf(by), action: 'token.revoke', subject: String(id) });
      });
    },

    async seedDemoAccounts() {
      const created: { username: string; password: string; role: Role }[] = [];
      for (const account of DEMO_ACCOUNTS) {
        if (await repository.findAccount(account.username)) continue;
        if (account.agencyCode !== null && !(await agencyExists(account.agencyCode))) continue;
        const id = await repository.insertAccount({
          ...account,
          passwordHash: await hashPassword(account.password),
        });
        if (id !== undefined)
          created.push({
            username: account.username,
            password: account.password,
            role: account.role,
          });
      }
      return created;
    },
  };
}
