import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Access tokens of the exchange: JWTs signed with Ed25519 ("EdDSA", RFC 8037), verifiable by
 * anyone with the public keys at /.well-known/jwks.json. Built on node:crypto alone.
 */

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface SigningKeyMaterial {
  kid: string;
  privatePem: string;
  jwk: PublicJwk;
}

/** A new Ed25519 key; its kid is the RFC 7638 thumbprint of the public key. */
export function generateSigningKey(): SigningKeyMaterial {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('Ed25519 public key without x');
  // RFC 7638: SHA-256 over the required members in lexicographic order, no spaces.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
  return {
    kid,
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    jwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
  };
}

export function privateKeyOf(pem: string): KeyObject {
  return createPrivateKey(pem);
}

export function publicKeyOf(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

export interface AccessClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  /** The calling system's id and agency, so that the gateway needs no lookup to name them. */
  padu_system: number;
  padu_agency: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signAccessToken(
  key: { kid: string; privateKey: KeyObject },
  claims: Omit<AccessClaims, 'iat' | 'exp' | 'jti'>,
  lifetimeSeconds: number,
  now = Date.now(),
): { token: string; claims: AccessClaims } {
  const iat = Math.floor(now / 1000);
  const full: AccessClaims = { ...claims, iat, exp: iat + lifetimeSeconds, jti: randomUUID() };
  const input = `${encode({ alg: 'EdDSA', typ: 'at+jwt', kid: key.kid })}.${encode(full)}`;
  const signature = sign(null, Buffer.from(input), key.privateKey).toString('base64url');
  return { token: `${input}.${signature}`, claims: full };
}

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: string };

/** Clocks of the nodes that issue and check tokens may differ this much (seconds). */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies signature, algorithm, audience, expiry and lifetime (a token valid for longer than
 * `maxLifetimeSeconds`, or issued in the future, was not issued by this exchange's rules, whatever
 * key signed it); says why a token is refused.
 */
export function verifyAccessToken(
  token: string,
  keys: ReadonlyMap<string, KeyObject>,
  audience: string,
  now = Date.now(),
  maxLifetimeSeconds = Infinity,
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the token is not a JWT' };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  let header: { alg?: unknown; kid?: unknown };
  let claims: AccessClaims;
  try {
    header = JSON.parse(Buffer.from(headerPart, 'base64url').toString()) as typeof header;
    claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString()) as AccessClaims;
  } catch {
    return { ok: false, reason: 'the token cannot be decoded' };
  }
  if (
    typeof header !== 'object' ||
    header === null ||
    typeof claims !== 'object' ||
    claims === null
  )
    return { ok: false, reason: 'the token cannot be decoded' };
  if (header.alg !== 'EdDSA') return { ok: false, reason: 'the token is not signed with EdDSA' };
  const key = typeof header.kid === 'string' ? keys.get(header.kid) : undefined;
  if (key === undefined) return { ok: false, reason: 'the token is signed with an unknown key' };
  const valid = verify(
    null,
    Buffer.from(`${headerPart}.${payloadPart}`),
    key,
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!valid) return { ok: false, reason: 'the token signature is not valid' };
  if (claims.aud !== audience) return { ok: false, reason: 'the token is not for this gateway' };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now)
    return { ok: false, reason: 'the token has expired; request a new one at /oauth/token' };
  if (
    typeof claims.iat !== 'number' ||
    claims.iat > now / 1000 + CLOCK_SKEW_SECONDS ||
    claims.exp - claims.iat > maxLifetimeSeconds
  )
    return { ok: false, reason: 'the token was not issued as this exchange issues tokens' };
  return { ok: true, claims };
}
