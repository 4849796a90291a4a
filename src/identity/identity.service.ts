import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../platform/audit.ts';
import {
  dummyPasswordHash,
  hashPassword,
  hashSecret,
  isPasswordCorrect,
  newSecret,
} from '../platform/auth/secrets.ts';
import type { CitizenSessionStage, Database } from '../platform/db/schema.ts';
import { AppError } from '../platform/http/errors.ts';
import type { Notifier } from '../platform/notifier.ts';
import type { PopulationRegister } from '../population/register.ts';
import {
  identityRepository,
  type CitizenRow,
  type PasskeyRow,
  type SessionRow,
} from './identity.repository.ts';
import { passkeyCeremonies, type PasskeyJson } from './passkeys.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.ts';

/** The citizen a request acts for (an active session). */
export interface CitizenPrincipal {
  readonly id: number;
  readonly nik: string;
  readonly name: string;
  readonly email: string;
}

/** A session just opened: the cookie values, shown once. */
export interface NewSession {
  readonly secret: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface TotpSetup {
  readonly secret: string;
  readonly otpauthUri: string;
}

export type LoginResult =
  | { stage: 'totp'; session: NewSession; passkey: boolean }
  | { stage: 'enrol'; session: NewSession; totp: TotpSetup };

export interface Registration {
  readonly nik: string;
  readonly name: string;
  readonly birthDate: string;
  readonly email: string;
  readonly password: string;
}

export interface PasskeySummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

function presentPasskey(row: PasskeyRow): PasskeySummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export const MIN_PASSWORD_LENGTH = 10;
/** Active sessions last a working day; a half-finished login ten minutes. */
export const ACTIVE_SESSION_MS = 8 * 60 * 60 * 1000;
export const PENDING_SESSION_MS = 10 * 60 * 1000;
/**
 * Five wrong passwords or codes for one NIK from one client address within 15 minutes lock that
 * address out of that NIK for 15; fifty from all addresses together lock the NIK. So a stranger
 * cannot lock a citizen out by failing five times, and many addresses still cannot guess at
 * length. Wrong registration details count apart, five per NIK.
 */
const WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT = { maxFailures: 5, windowMs: WINDOW_MS, lockMs: WINDOW_MS };
export const NIK_LOCKOUT = { maxFailures: 50, windowMs: WINDOW_MS, lockMs: WINDOW_MS };

interface Attempt {
  readonly key: string;
  readonly policy: typeof LOCKOUT;
}

/** What a login attempt on the NIK from the client counts against. */
function loginAttempt(nik: string, client: string): Attempt[] {
  return [
    { key: `login:${nik}:${client}`, policy: LOCKOUT },
    { key: `login:${nik}`, policy: NIK_LOCKOUT },
  ];
}
const RESET_TTL_MS = 30 * 60 * 1000;
/** At most one reset message per account per minute, so the outbox cannot be flooded. */
const RESET_INTERVAL_MS = 60 * 1000;

export interface IdentityService {
  /** `client` is the caller's address: failures count per NIK and client (see LOCKOUT). */
  register(
    registration: Registration,
    client: string,
  ): Promise<{ session: NewSession; totp: TotpSetup }>;
  /** Confirms the first code of a new authenticator; the session becomes active (a new id). */
  confirmTotp(
    sessionSecret: string,
    code: string,
    client: string,
  ): Promise<{ session: NewSession; citizen: CitizenPrincipal }>;
  login(nik: string, password: string, client: string): Promise<LoginResult>;
  /** The second step of a login; the session becomes active (a new id). */
  loginTotp(
    sessionSecret: string,
    code: string,
    client: string,
  ): Promise<{ session: NewSession; citizen: CitizenPrincipal }>;
  logout(sessionSecret: string): Promise<void>;
  /** WebAuthn options to add a passkey to the logged-in citizen's account. */
  passkeyRegistrationOptions(sessionSecret: string): Promise<PasskeyJson>;
  addPasskey(sessionSecret: string, name: string, response: PasskeyJson): Promise<PasskeySummary>;
  listPasskeys(citizenId: number): Promise<PasskeySummary[]>;
  deletePasskey(citizenId: number, id: string): Promise<void>;
  /** WebAuthn options for the second step of a login, instead of a TOTP code. */
  passkeyLoginOptions(sessionSecret: string, client: string): Promise<PasskeyJson>;
  loginPasskey(
    sessionSecret: string,
    response: PasskeyJson,
    client: string,
  ): Promise<{ session: NewSession; citizen: CitizenPrincipal }>;
  /** The session's citizen and stage, and whether the CSRF token matches it. */
  session(sessionSecret: string): Promise<
    | {
        citizen: CitizenPrincipal;
        stage: CitizenSessionStage;
        /** For an active session: when the citizen authenticated, and how (RFC 8176 values). */
        authenticatedAt: Date;
        amr: readonly string[];
        csrfMatches: (token: string) => boolean;
      }
    | undefined
  >;
  /** An enabled citizen by id (the OpenID Connect subject). */
  citizenById(citizenId: number): Promise<CitizenPrincipal | undefined>;
  /**
   * Releases the NIK's account after an operator has checked the citizen in person (their KTP-el):
   * the account is disabled with all it holds, and the citizen can register anew.
   */
  releaseCitizen(nik: string, reason: string, actor: string): Promise<void>;
  /** Where to reach a citizen outside the app (for notifications of other modules). */
  contact(citizenId: number): Promise<{ name: string; email: string } | undefined>;
  requestPasswordReset(nik: string): Promise<void>;
  confirmPasswordReset(token: string, password: string): Promise<void>;
}

/** Names compared as the register writes them: case, accents, punctuation and spacing do not count. */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function principalOf(citizen: CitizenRow): CitizenPrincipal {
  return { id: citizen.id, nik: citizen.nik, name: citizen.name, email: citizen.email };
}

function rateLimited(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const error = new AppError(
    'RATE_LIMITED',
    `Too many failed attempts for this NIK; try again in ${Math.ceil(seconds / 60)} minute(s), or reset the password.`,
  );
  error.retryAfterSeconds = seconds;
  return error;
}

function matchesHash(token: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(token), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function identityService(
  db: Kysely<Database>,
  register: PopulationRegister,
  notifier: Notifier,
  publicUrl: string,
): IdentityService {
  const repository = identityRepository(db);

  async function openSession(
    repo: ReturnType<typeof identityRepository>,
    citizenId: number,
    stage: CitizenSessionStage,
    amr: readonly string[] = [],
  ): Promise<NewSession> {
    const secret = newSecret('padu_cit');
    const csrfToken = newSecret('padu_csrf');
    const expiresAt = new Date(
      Date.now() + (stage === 'active' ? ACTIVE_SESSION_MS : PENDING_SESSION_MS),
    );
    await repo.insertSession({
      tokenHash: hashSecret(secret),
      citizenId,
      stage,
      csrfHash: hashSecret(csrfToken),
      expiresAt,
      amr,
    });
    return { secret, csrfToken, expiresAt };
  }

  async function throwIfLocked(attempt: readonly Attempt[]): Promise<void> {
    const until = await repository.lockedUntil(attempt.map((a) => a.key));
    if (until !== undefined) throw rateLimited(until);
  }

  async function fail(attempt: readonly Attempt[], error: AppError): Promise<never> {
    let locked: Date | undefined;
    for (const { key, policy } of attempt) {
      const until = await repository.recordFailure(key, policy);
      if (until !== undefined && (locked === undefined || until > locked)) locked = until;
    }
    throw locked === undefined ? error : rateLimited(locked);
  }

  /** The session of a half-done registration or login in the given stage. */
  async function pending(
    sessionSecret: string,
    stage: 'enrol' | 'totp',
    client: string,
  ): Promise<SessionRow> {
    const found = await repository.findSession(hashSecret(sessionSecret));
    if (found === undefined || found.stage !== stage || found.citizen.isDisabled) {
      throw new AppError(
        'UNAUTHENTICATED',
        stage === 'enrol'
          ? 'No registration is waiting for its authenticator code; register or log in again.'
          : 'No login is waiting for its second factor; log in with NIK and password again.',
      );
    }
    await throwIfLocked(loginAttempt(found.citizen.nik, client));
    return found;
  }

  /**
   * Replaces a pending session with an active one (a new id, so a session id seen before the
   * second factor is worth nothing after it), once `use` has recorded the factor in the same
   * transaction; `use` returns false when the factor was used meanwhile by another request.
   */
  async function activate(
    sessionSecret: string,
    citizen: CitizenRow,
    action: string,
    amr: readonly string[],
    client: string,
    use: (repo: ReturnType<typeof identityRepository>) => Promise<boolean>,
  ): Promise<{ session: NewSession; citizen: CitizenPrincipal }> {
    return db.transaction().execute(async (trx) => {
      const repo = identityRepository(trx);
      if (!(await repo.deleteSession(hashSecret(sessionSecret))) || !(await use(repo))) {
        throw new AppError('INVALID_CODE', 'This second factor was used already; try again.');
      }
      await repo.clearFailures(loginAttempt(citizen.nik, client).map((a) => a.key));
      const session = await openSession(repo, citizen.id, 'active', amr);
      await recordAudit(trx, { actor: `citizen:${citizen.id}`, action });
      return { session, citizen: principalOf(citizen) };
    });
  }

  /** Checks a TOTP code for a pending session, then activates it. */
  async function promote(
    sessionSecret: string,
    stage: 'enrol' | 'totp',
    code: string,
    client: string,
  ): Promise<{ session: NewSession; citizen: CitizenPrincipal }> {
    const { citizen } = await pending(sessionSecret, stage, client);
    const step = verifyTotp(citizen.totpSecret, code, { lastUsedStep: citizen.totpLastStep });
    if (step === null) {
      await fail(
        loginAttempt(citizen.nik, client),
        new AppError(
          'INVALID_CODE',
          'The code is wrong or expired; enter the 6-digit code your authenticator app shows now.',
        ),
      );
    }
    return activate(
      sessionSecret,
      citizen,
      stage === 'enrol' ? 'citizen.totp_enable' : 'citizen.login',
      ['pwd', 'otp'],
      client,
      async (repo) => {
        if (!(await repo.useTotpStep(citizen.id, step!))) return false;
        if (stage === 'enrol') await repo.enableTotp(citizen.id, step!);
        return true;
      },
    );
  }

  const passkeys = passkeyCeremonies(publicUrl);

  return {
    async register(registration, _client) {
      const { nik } = registration;
      // Wrong details count per NIK, apart from logins: registration can be tried once per person.
      const attempt: Attempt[] = [{ key: `register:${nik}`, policy: LOCKOUT }];
      await throwIfLocked(attempt);
      const person = await register.person(nik);
      const matches =
        person !== undefined &&
        person.deathDate === null &&
        person.birthDate === registration.birthDate &&
        normalizePersonName(person.name) === normalizePersonName(registration.name);
      if (!matches) {
        // One answer for an unknown NIK, a wrong name and a wrong birth date; wrong guesses count
        // towards the NIK's lock-out, so a birth date cannot be found by trying them all.
        await fail(
          attempt,
          new AppError(
            'IDENTITY_MISMATCH',
            'The NIK, name and birth date do not match the population register together. Write the name and birth date exactly as on your KTP-el; if they are right, ask your Dinas Dukcapil to check your record.',
          ),
        );
      }
      const totpSecret = newTotpSecret();
      const passwordHash = await hashPassword(registration.password);
      const session = await db.transaction().execute(async (trx) => {
        const repo = identityRepository(trx);
        const id = await repo.insertCitizen({
          nik,
          name: person!.name,
          email: registration.email,
          passwordHash,
          totpSecret,
        });
        if (id === undefined) {
          throw new AppError(
            'CONFLICT',
            'This NIK has an account already; log in, or reset the password if it is forgotten. ' +
              'If you did not create it, ask your Dinas Dukcapil or Padu’s operator to release it after checking your KTP-el.',
          );
        }
        await recordAudit(trx, { actor: `citizen:${id}`, action: 'citizen.register' });
        return openSession(repo, id, 'enrol');
      });
      return { session, totp: { secret: totpSecret, otpauthUri: otpauthUri(totpSecret, nik) } };
    },

    confirmTotp: (sessionSecret, code, client) => promote(sessionSecret, 'enrol', code, client),

    async login(nik, password, client) {
      const attempt = loginAttempt(nik, client);
      await throwIfLocked(attempt);
      const citizen = await repository.findByNik(nik);
      const correct = await isPasswordCorrect(
        citizen?.passwordHash ?? (await dummyPasswordHash()),
        password,
      );
      if (citizen === undefined || !correct || citizen.isDisabled) {
        return fail(attempt, new AppError('INVALID_CREDENTIALS', 'The NIK or password is wrong.'));
      }
      await repository.deleteExpiredSessions();
      if (!citizen.totpEnabled) {
        const session = await openSession(repository, citizen.id, 'enrol');
        return {
          stage: 'enrol',
          session,
          totp: { secret: citizen.totpSecret, otpauthUri: otpauthUri(citizen.totpSecret, nik) },
        };
      }
      return {
        stage: 'totp',
        session: await openSession(repository, citizen.id, 'totp'),
        passkey: (await repository.passkeys(citizen.id)).length > 0,
      };
    },

    loginTotp: (sessionSecret, code, client) => promote(sessionSecret, 'totp', code, client),

    async logout(sessionSecret) {
      await repository.deleteSession(hashSecret(sessionSecret));
    },

    async passkeyRegistrationOptions(sessionSecret) {
      const found = await repository.findSession(hashSecret(sessionSecret));
      if (found?.stage !== 'active')
        throw new AppError('UNAUTHENTICATED', 'Log in to add a passkey.');
      const existing = await repository.passkeys(found.citizen.id);
      const options = await passkeys.registrationOptions(found.citizen, existing);
      await repository.setChallenge(hashSecret(sessionSecret), options.challenge);
      return options.json;
    },

    async addPasskey(sessionSecret, name, response) {
      const found = await repository.findSession(hashSecret(sessionSecret));
      if (found?.stage !== 'active')
        throw new AppError('UNAUTHENTICATED', 'Log in to add a passkey.');
      const challenge = await repository.takeChallenge(hashSecret(sessionSecret));
      const credential = await passkeys.verifyRegistration(response, challenge);
      const saved = await db.transaction().execute(async (trx) => {
        const repo = identityRepository(trx);
        const inserted = await repo.insertPasskey({
          ...credential,
          citizenId: found.citizen.id,
          name,
        });
        if (!inserted) throw new AppError('CONFLICT', 'This passkey is registered already.');
        await recordAudit(trx, {
          actor: `citizen:${found.citizen.id}`,
          action: 'citizen.passkey_add',
          subject: credential.id,
        });
        return (await repo.passkeys(found.citizen.id)).find((p) => p.id === credential.id)!;
      });
      return presentPasskey(saved);
    },

    async listPasskeys(citizenId) {
      return (await repository.passkeys(citizenId)).map(presentPasskey);
    },

    async deletePasskey(citizenId, id) {
      await db.transaction().execute(async (trx) => {
        if (!(await identityRepository(trx).deletePasskey(citizenId, id)))
          throw new AppError('NOT_FOUND', 'You have no passkey with this id.');
        await recordAudit(trx, {
          actor: `citizen:${citizenId}`,
          action: 'citizen.passkey_delete',
          subject: id,
        });
      });
    },

    async passkeyLoginOptions(sessionSecret, client) {
      const { citizen } = await pending(sessionSecret, 'totp', client);
      const registered = await repository.passkeys(citizen.id);
      if (registered.length === 0)
        throw new AppError(
          'CONFLICT',
          'This account has no passkey; enter the authenticator code.',
        );
      const options = await passkeys.authenticationOptions(registered);
      await repository.setChallenge(hashSecret(sessionSecret), options.challenge);
      return options.json;
    },

    async loginPasskey(sessionSecret, response, client) {
      const { citizen } = await pending(sessionSecret, 'totp', client);
      const challenge = await repository.takeChallenge(hashSecret(sessionSecret));
      const registered = await repository.passkeys(citizen.id);
      const used = await passkeys.verifyAuthentication(response, challenge, registered);
      if (used === null) {
        await fail(
          loginAttempt(citizen.nik, client),
          new AppError(
            'INVALID_CODE',
            'The passkey did not sign in; try again, or enter the authenticator code instead.',
          ),
        );
      }
      return activate(
        sessionSecret,
        citizen,
        'citizen.login_passkey',
        ['pwd', 'hwk'],
        client,
        async (repo) => {
          await repo.usePasskey(used!.id, used!.counter);
          return true;
        },
      );
    },

    async session(sessionSecret) {
      const found = await repository.findSession(hashSecret(sessionSecret));
      if (found === undefined || found.citizen.isDisabled) return undefined;
      return {
        citizen: principalOf(found.citizen),
        stage: found.stage,
        authenticatedAt: found.createdAt,
        amr: found.amr,
        csrfMatches: (token) => matchesHash(token, found.csrfHash),
      };
    },

    async releaseCitizen(nik, reason, actor) {
      await db.transaction().execute(async (trx) => {
        const id = await identityRepository(trx).releaseCitizen(nik);
        if (id === undefined)
          throw new AppError('NOT_FOUND', `No account is registered with NIK ${nik}.`);
        await recordAudit(trx, {
          actor,
          action: 'citizen.release',
          subject: `citizen:${id}`,
          details: { reason },
        });
      });
    },

    async citizenById(citizenId) {
      const citizen = await repository.findById(citizenId);
      return citizen === undefined || citizen.isDisabled ? undefined : principalOf(citizen);
    },

    async contact(citizenId) {
      const citizen = await repository.findById(citizenId);
      return citizen === undefined || citizen.isDisabled
        ? undefined
        : { name: citizen.name, email: citizen.email };
    },

    async requestPasswordReset(nik) {
      const citizen = await repository.findByNik(nik);
      if (citizen === undefined || citizen.isDisabled) return;
      if (await repository.hasResetSince(citizen.id, new Date(Date.now() - RESET_INTERVAL_MS)))
        return;
      const token = newSecret('padu_rst');
      await db.transaction().execute(async (trx) => {
        await identityRepository(trx).insertPasswordReset({
          tokenHash: hashSecret(token),
          citizenId: citizen.id,
          expiresAt: new Date(Date.now() + RESET_TTL_MS),
        });
        const link = `${publicUrl}/portal/#/atur-ulang-sandi?token=${encodeURIComponent(token)}`;
        await notifier.send(trx, {
          channel: 'email',
          recipient: citizen.email,
          subject: 'Padu: atur ulang kata sandi / reset your password',
          body:
            `Yth. ${citizen.name},\n\nBuka tautan ini dalam 30 menit untuk membuat kata sandi baru:\n${link}\n\n` +
            'Jika Anda tidak memintanya, abaikan pesan ini; kata sandi Anda tidak berubah.\n\n' +
            `Open this link within 30 minutes to set a new password. If you did not ask for it, ignore this message.`,
        });
        await recordAudit(trx, {
          actor: `citizen:${citizen.id}`,
          action: 'citizen.password_reset_request',
        });
      });
    },

    async confirmPasswordReset(token, password) {
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const repo = identityRepository(trx);
        const citizenId = await repo.useResetToken(hashSecret(token));
        const citizen = citizenId === undefined ? undefined : await repo.findById(citizenId);
        if (citizen === undefined) {
          throw new AppError(
            'RESET_TOKEN_INVALID',
            'This reset link is unknown, used or older than 30 minutes; ask for a new one.',
          );
        }
        await repo.setPassword(citizen.id, passwordHash);
        // Whoever held a session with the old password loses it; the lock-out is lifted.
        await repo.deleteSessionsOf(citizen.id);
        await repo.clearLoginFailures(citizen.nik);
        await recordAudit(trx, {
          actor: `citizen:${citizen.id}`,
          action: 'citizen.password_reset',
        });
      });
    },
  };
}
