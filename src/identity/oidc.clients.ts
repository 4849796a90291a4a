import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../platform/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { AppError } from '../platform/http/errors.ts';
import { slugify } from '../platform/text.ts';

export interface NewOidcClient {
  readonly name: string;
  readonly redirectUris: readonly string[];
  /** Whether the application may receive the citizen's NIK (scope "nik"). */
  readonly nikAllowed: boolean;
}

export interface OidcClientSummary {
  readonly clientId: string;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly nikAllowed: boolean;
  readonly createdAt: string;
}

/** A redirect URI a browser may be sent to with a code: absolute http(s), no fragment (RFC 6749 §3.1.2). */
function checkRedirectUri(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${uri}" is not an absolute URL; write it like https://app.example.go.id/callback.`,
    );
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.hash !== '') {
    throw new AppError('VALIDATION_FAILED', `"${uri}" must be an http(s) URL without a #fragment.`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !local) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${uri}" must use https (plain http is allowed only for localhost).`,
    );
  }
  return uri;
}

/** Registers a government application as an OpenID Connect client; the secret is shown only here. */
export async function addOidcClient(
  db: Kysely<Database>,
  client: NewOidcClient,
  actor: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const name = client.name.trim();
  if (name === '' || name.length > 100)
    throw new AppError('VALIDATION_FAILED', 'Give the application a name of 1–100 characters.');
  if (client.redirectUris.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Give at least one --redirect-uri.');
  const redirectUris = client.redirectUris.map(checkRedirectUri);
  const clientId = `${slugify(name).slice(0, 40) || 'app'}-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('oidc_clients')
      .values({
        client_id: clientId,
        name,
        nik_allowed: client.nikAllowed,
        metadata: JSON.stringify({
          client_secret: clientSecret,
          client_name: name,
          redirect_uris: redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        }),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'oidc.client_add',
      subject: clientId,
      details: { name, redirectUris, nikAllowed: client.nikAllowed },
    });
  });
  return { clientId, clientSecret };
}

export async function listOidcClients(db: Kysely<Database>): Promise<OidcClientSummary[]> {
  const rows = await db
    .selectFrom('oidc_clients')
    .select(['client_id', 'name', 'metadata', 'nik_allowed', 'created_at'])
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    clientId: row.client_id,
    name: row.name,
    redirectUris: (row.metadata as { redirect_uris: string[] }).redirect_uris,
    nikAllowed: row.nik_allowed,
    createdAt: row.created_at.toISOString(),
  }));
}
