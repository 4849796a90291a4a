import { sql, type Kysely } from 'kysely';
import type { CitizenSessionStage, Database } from '../platform/db/schema.ts';

export interface CitizenRow {
  readonly id: number;
  readonly nik: string;
  readonly name: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly totpSecret: string;
  readonly totpEnabled: boolean;
  readonly totpLastStep: number | null;
  readonly isDisabled: boolean;
}

export interface SessionRow {
  readonly citizen: CitizenRow;
  readonly stage: CitizenSessionStage;
  readonly csrfHash: string;
  readonly webauthnChallenge: string | null;
  /** When the session was opened: for an active one, when the citizen authenticated. */
  readonly createdAt: Date;
  readonly amr: readonly string[];
}

export interface PasskeyRow {
  readonly id: string;
  readonly citizenId: number;
  readonly publicKey: Buffer;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

const CITIZEN_COLUMNS = [
  'c.id',
  'c.nik',
  'c.name',
  'c.email',
  'c.password_hash',
  'c.totp_secret',
  'c.totp_enabled_at',
  'c.totp_last_step',
  'c.disabled_at',
] as const;

function toCitizen(row: {
  id: number;
  nik: string;
  name: string;
  email: string;
  password_hash: string;
  totp_secret: string;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  disabled_at: Date | null;
}): CitizenRow {
  return {
    id: row.id,
    nik: row.nik,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpEnabled: row.totp_enabled_at !== null,
    totpLastStep: row.totp_last_step,
    isDisabled: row.disabled_at !== null,
  };
}

export function identityRepository(db: Kysely<Database>) {
  return {
    async findByNik(nik: string): Promise<CitizenRow | undefined> {
      const row = await db
        .selectFrom('citizens as c')
        .select(CITIZEN_COLUMNS)
        .where('c.nik', '=', nik)
        .where('c.disabled_at', 'is', null)
        .executeTakeFirst();
      return row && toCitizen(row);
    },

    async findById(id: number): Promise<CitizenRow | undefined> {
      const row = await db
        .selectFrom('citizens as c')
        .select(CITIZEN_COLUMNS)
        .where('c.id', '=', id)
        .executeTakeFirst();
      return row && toCitizen(row);
    },

    /** Inserts a citizen; `undefined` when the NIK is registered already. */
    async insertCitizen(citizen: {
      nik: string;
      name: string;
      email: string;
      passwordHash: string;
      totpSecret: string;
    }): Promise<number | undefined> {
      const row = await db
        .insertInto('citizens')
        .values({
          nik: citizen.nik,
          name: citizen.name,
          email: citizen.email,
          password_hash: citizen.passwordHash,
          totp_secret: citizen.totpSecret,
        })
        .onConflict((oc) => oc.column('nik').where('disabled_at', 'is', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    /**
     * Disables the live account of a NIK and ends everything it holds (sessions, passkeys, reset
     * links); returns its id, or undefined when the NIK has no live account.
     */
    async releaseCitizen(nik: string): Promise<number | undefined> {
      const row = await db
        .updateTable('citizens')
        .set({ disabled_at: new Date() })
        .where('nik', '=', nik)
        .where('disabled_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (row === undefined) return undefined;
      await db.deleteFrom('citizen_sessions').where('citizen_id', '=', row.id).execute();
      await db.deleteFrom('citizen_passkeys').where('citizen_id', '=', row.id).execute();
      await db
        .updateTable('citizen_password_resets')
        .set({ used_at: new Date() })
        .where('citizen_id', '=', row.id)
        .where('used_at', 'is', null)
        .execute();
      return row.id;
    },

    async enableTotp(citizenId: number, step: number): Promise<void> {
      await db
        .updateTable('citizens')
        .set({ totp_enabled_at: sql`coalesce(totp_enabled_at, now())`, totp_last_step: step })
        .where('id', '=', citizenId)
        .execute();
    },

    /**
     * Marks a code's time step used; false when that step (or a later one) was used already, so
     * two requests racing with one code cannot both pass.
     */
    async useTotpStep(citizenId: number, step: number): Promise<boolean> {
      const result = await db
        .updateTable('citizens')
        .set({ totp_last_step: step })
        .where('id', '=', citizenId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setPassword(citizenId: number, passwordHash: string): Promise<void> {
      await db
        .updateTable('citizens')
        .set({ password_hash: passwordHash })
        .where('id', '=', citizenId)
        .execute();
    },

    async insertSession(session: {
      tokenHash: string;
      citizenId: number;
      stage: CitizenSessionStage;
      csrfHash: string;
      expiresAt: Date;
      amr: readonly string[];
    }): Promise<void> {
      await db
        .insertInto('citizen_sessions')
        .values({
          token_hash: session.tokenHash,
          citizen_id: session.citizenId,
          stage: session.stage,
          csrf_hash: session.csrfHash,
          expires_at: session.expiresAt,
          amr: [...session.amr],
        })
        .execute();
    },

    async findSession(tokenHash: string): Promise<SessionRow | undefined> {
      const row = await db
        .selectFrom('citizen_sessions as s')
        .innerJoin('citizens as c', 'c.id', 's.citizen_id')
        .select([
          ...CITIZEN_COLUMNS,
          's.stage',
          's.csrf_hash',
          's.webauthn_challenge',
          's.created_at',
          's.amr',
        ])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', new Date())
        .executeTakeFirst();
      return (
        row && {
          citizen: toCitizen(row),
          stage: row.stage,
          csrfHash: row.csrf_hash,
          webauthnChallenge: row.webauthn_challenge,
          createdAt: row.created_at,
          amr: row.amr,
        }
      );
    },

    async setChallenge(tokenHash: string, challenge: string | null): Promise<void> {
      await db
        .updateTable('citizen_sessions')
        .set({ webauthn_challenge: challenge })
        .where('token_hash', '=', tokenHash)
        .execute();
    },

    /** Takes the session's challenge away (a challenge is answered once); null if there was none. */
    async takeChallenge(tokenHash: string): Promise<string | null> {
      const row = await db
        .updateTable('citizen_sessions as s')
        .set({ webauthn_challenge: null })
        .from('citizen_sessions as old')
        .whereRef('old.token_hash', '=', 's.token_hash')
        .where('s.token_hash', '=', tokenHash)
        .returning('old.webauthn_challenge')
        .executeTakeFirst();
      return row?.webauthn_challenge ?? null;
    },

    async passkeys(citizenId: number): Promise<PasskeyRow[]> {
      const rows = await db
        .selectFrom('citizen_passkeys')
        .selectAll()
        .where('citizen_id', '=', citizenId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        citizenId: r.citizen_id,
        publicKey: r.public_key,
        counter: r.counter,
        transports: r.transports,
        name: r.name,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
      }));
    },

    /** Inserts a passkey; false when the credential is registered already. */
    async insertPasskey(passkey: {
      id: string;
      citizenId: number;
      publicKey: Buffer;
      counter: number;
      transports: readonly string[];
      name: string;
    }): Promise<boolean> {
      const result = await db
        .insertInto('citizen_passkeys')
        .values({
          id: passkey.id,
          citizen_id: passkey.citizenId,
          public_key: passkey.publicKey,
          counter: passkey.counter,
          transports: [...passkey.transports],
          name: passkey.name,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return result !== undefined;
    },

    async usePasskey(id: string, counter: number): Promise<void> {
      await db
        .updateTable('citizen_passkeys')
        .set({ counter, last_used_at: new Date() })
        .where('id', '=', id)
        .execute();
    },

    async deletePasskey(citizenId: number, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('citizen_passkeys')
        .where('citizen_id', '=', citizenId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Deletes a session; false when it was gone already (used by a concurrent request). */
    async deleteSession(tokenHash: string): Promise<boolean> {
      const result = await db
        .deleteFrom('citizen_sessions')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async deleteSessionsOf(citizenId: number): Promise<void> {
      await db.deleteFrom('citizen_sessions').where('citizen_id', '=', citizenId).execute();
    },

    async deleteExpiredSessions(): Promise<void> {
      await db.deleteFrom('citizen_sessions').where('expires_at', '<', new Date()).execute();
    },

    /**
     * Until when any of the keys is locked out, if one is now. (A key names what failures count
     * against: `login:<NIK>`, `login:<NIK>:<client address>`, `register:<NIK>`; the column is
     * called nik from when it held only the NIK.)
     */
    async lockedUntil(keys: readonly string[]): Promise<Date | undefined> {
      const row = await db
        .selectFrom('citizen_login_failures')
        .select((eb) => eb.fn.max('locked_until').as('until'))
        .where('nik', 'in', [...keys])
        .where('locked_until', '>', new Date())
        .executeTakeFirst();
      return row?.until ?? undefined;
    },

    /**
     * Counts a failure against the NIK within the window (older failures are forgotten) and locks
     * the NIK when it reaches the limit; returns the lock's end if it locked.
     */
    async recordFailure(
      key: string,
      policy: { maxFailures: number; windowMs: number; lockMs: number },
    ): Promise<Date | undefined> {
      const windowStart = new Date(Date.now() - policy.windowMs);
      const row = await db
        .insertInto('citizen_login_failures')
        .values({ nik: key, failures: 1, first_failed_at: new Date(), locked_until: null })
        .onConflict((oc) =>
          oc.column('nik').doUpdateSet({
            failures: sql`case when citizen_login_failures.first_failed_at < ${windowStart}
                               then 1 else citizen_login_failures.failures + 1 end`,
            first_failed_at: sql`case when citizen_login_failures.first_failed_at < ${windowStart}
                                      then now() else citizen_login_failures.first_failed_at end`,
          }),
        )
        .returning(['failures'])
        .executeTakeFirstOrThrow();
      if (row.failures < policy.maxFailures) return undefined;
      const until = new Date(Date.now() + policy.lockMs);
      await db
        .updateTable('citizen_login_failures')
        .set({ locked_until: until, failures: 0, first_failed_at: new Date() })
        .where('nik', '=', key)
        .execute();
      return until;
    },

    async clearFailures(keys: readonly string[]): Promise<void> {
      await db
        .deleteFrom('citizen_login_failures')
        .where('nik', 'in', [...keys])
        .execute();
    },

    /** Clears every login key of a NIK, from every client (after a password reset). */
    async clearLoginFailures(nik: string): Promise<void> {
      await db
        .deleteFrom('citizen_login_failures')
        .where((eb) => eb.or([eb('nik', '=', `login:${nik}`), eb('nik', 'like', `login:${nik}:%`)]))
        .execute();
    },

    async insertPasswordReset(reset: {
      tokenHash: string;
      citizenId: number;
      expiresAt: Date;
    }): Promise<void> {
      await db
        .insertInto('citizen_password_resets')
        .values({
          token_hash: reset.tokenHash,
          citizen_id: reset.citizenId,
          expires_at: reset.expiresAt,
        })
        .execute();
    },

    /** Whether a reset for the citizen was asked for after the instant (to refuse floods). */
    async hasResetSince(citizenId: number, since: Date): Promise<boolean> {
      const row = await db
        .selectFrom('citizen_password_resets')
        .select('token_hash')
        .where('citizen_id', '=', citizenId)
        .where('created_at', '>', since)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Marks a live reset token used and returns its citizen; `undefined` if it was not live. */
    async useResetToken(tokenHash: string): Promise<number | undefined> {
      const row = await db
        .updateTable('citizen_password_resets')
        .set({ used_at: new Date() })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date())
        .returning('citizen_id')
        .executeTakeFirst();
      if (row === undefined) return undefined;
      // The other links sent before are spent with it.
      await db
        .updateTable('citizen_password_resets')
        .set({ used_at: new Date() })
        .where('citizen_id', '=', row.citizen_id)
        .where('used_at', 'is', null)
        .execute();
      return row.citizen_id;
    },
  };
}
