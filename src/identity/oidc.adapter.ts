import { sql, type Kysely } from 'kysely';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Database } from '../platform/db/schema.ts';

/**
 * oidc-provider's storage in PostgreSQL, so that every node sees the same sessions, grants and
 * codes and a restart loses nothing. Clients come from `oidc_clients` (registered with
 * `padu oidc clients add`); everything else is one row per object in `oidc_payloads`.
 */
/** An id the provider was sent that no stored object can have (PostgreSQL text holds no NUL). */
const impossible = (id: string) => id.includes('\0');

export function oidcAdapterFactory(db: Kysely<Database>) {
  return (model: string): Adapter => {
    if (model === 'Client') {
      return {
        async find(id) {
          if (impossible(id)) return undefined;
          const row = await db
            .selectFrom('oidc_clients')
            .select(['client_id', 'metadata', 'nik_allowed'])
            .where('client_id', '=', id)
            .where('disabled_at', 'is', null)
            .executeTakeFirst();
          if (row === undefined) return undefined;
          return {
            ...(row.metadata as AdapterPayload),
            client_id: row.client_id,
            padu_nik_allowed: row.nik_allowed,
          };
        },
        upsert: () =>
          Promise.reject(new Error('clients are registered with `padu oidc clients add`')),
        findByUid: () => Promise.resolve(undefined),
        findByUserCode: () => Promise.resolve(undefined),
        consume: () => Promise.resolve(),
        destroy: () => Promise.resolve(),
        revokeByGrantId: () => Promise.resolve(),
      };
    }

    const live = () =>
      db
        .selectFrom('oidc_payloads')
        .select(['payload', 'consumed_at'])
        .where('model', '=', model)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]));
    const present = (row: { payload: unknown; consumed_at: Date | null } | undefined) =>
      row === undefined
        ? undefined
        : ({
            ...(row.payload as AdapterPayload),
            ...(row.consumed_at === null
              ? {}
              : { consumed: Math.floor(row.consumed_at.getTime() / 1000) }),
          } as AdapterPayload);

    return {
      async upsert(id, payload, expiresIn) {
        const values = {
          model,
          id,
          payload: JSON.stringify(payload),
          grant_id: payload.grantId ?? null,
          uid: payload.uid ?? null,
          user_code: payload.userCode ?? null,
          expires_at: expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
        };
        await db
          .insertInto('oidc_payloads')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['model', 'id']).doUpdateSet({
              payload: values.payload,
              grant_id: values.grant_id,
              uid: values.uid,
              user_code: values.user_code,
              expires_at: values.expires_at,
            }),
          )
          .execute();
      },
      async find(id) {
        if (impossible(id)) return undefined;
        return present(await live().where('id', '=', id).executeTakeFirst());
      },
      async findByUid(uid) {
        if (impossible(uid)) return undefined;
        return present(await live().where('uid', '=', uid).executeTakeFirst());
      },
      async findByUserCode(userCode) {
        if (impossible(userCode)) return undefined;
        return present(await live().where('user_code', '=', userCode).executeTakeFirst());
      },
      async consume(id) {
        if (impossible(id)) return;
        await db
          .updateTable('oidc_payloads')
          .set({ consumed_at: sql`now()` })
          .where('model', '=', model)
          .where('id', '=', id)
          .execute();
      },
      async destroy(id) {
        if (impossible(id)) return;
        await db
          .deleteFrom('oidc_payloads')
          .where('model', '=', model)
          .where('id', '=', id)
          .execute();
      },
      async revokeByGrantId(grantId) {
        await db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
      },
    };
  };
}

/** Removes expired provider objects (called now and then; expired rows are never read anyway). */
export async function deleteExpiredOidcPayloads(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('oidc_payloads').where('expires_at', '<', new Date()).execute();
}
