import { createHash, sign, verify, type KeyObject, createPublicKey } from 'node:crypto';

/**
 * C2SP signed notes (https://c2sp.org/signed-note) and checkpoints (https://c2sp.org/tlog-checkpoint),
 * the format of the Go checksum database and Sigstore's logs:
 *   body       = "<origin>\n<tree size>\n<base64 root hash>\n"
 *   note       = body + "\n" + "— <key name> <base64(key hash[4] || Ed25519 signature of body)>\n"
 *   key hash   = SHA-256(<key name> || "\n" || 0x01 || public key)[0:4]
 *   verifier   = "<key name>+<hex key hash>+<base64(0x01 || public key)>"
 */

const ED25519 = 0x01;

export function keyHash(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`))
    .update(Buffer.from([ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

export function verifierKey(name: string, publicKey: Buffer): string {
  return `${name}+${keyHash(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

export function checkpointBody(origin: string, size: number, root: Buffer): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

export function signNote(
  body: string,
  name: string,
  privateKey: KeyObject,
  publicKey: Buffer,
): string {
  const signature = sign(null, Buffer.from(body), privateKey);
  const blob = Buffer.concat([keyHash(name, publicKey), signature]).toString('base64');
  return `${body}\n\u2014 ${name} ${blob}\n`;
}

export type OpenedCheckpoint =
  { ok: true; origin: string; size: number; root: Buffer } | { ok: false; reason: string };

/** Verifies a checkpoint note against a verifier key and reads its tree size and root. */
export function openCheckpoint(note: string, verifier: string): OpenedCheckpoint {
  // The key's base64 may itself hold '+': only the first two separate the parts.
  const first = verifier.indexOf('+');
  const second = verifier.indexOf('+', first + 1);
  const name = first < 0 ? undefined : verifier.slice(0, first);
  const hashHex = second < 0 ? undefined : verifier.slice(first + 1, second);
  const keyB64 = second < 0 ? undefined : verifier.slice(second + 1).trim();
  if (name === undefined || hashHex === undefined || keyB64 === undefined)
    return { ok: false, reason: 'the verifier key is malformed' };
  const key = Buffer.from(keyB64, 'base64');
  if (key[0] !== ED25519 || key.length !== 33)
    return { ok: false, reason: 'the verifier key is not Ed25519' };
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, reason: 'the note has no signature block' };
  const body = note.slice(0, split + 1);
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  const signed = note
    .slice(split + 2)
    .split('\n')
    .filter((l) => l !== '')
    .some((line) => {
      const match = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (match === null || match[1] !== name) return false;
      const blob = Buffer.from(match[2] ?? '', 'base64');
      if (blob.subarray(0, 4).toString('hex') !== hashHex) return false;
      return verify(null, Buffer.from(body), publicKey, blob.subarray(4));
    });
  if (!signed) return { ok: false, reason: 'no valid signature by the log’s key' };
  const [origin, size, root] = body.split('\n');
  if (origin === undefined || size === undefined || root === undefined || !/^\d+$/.test(size))
    return { ok: false, reason: 'the checkpoint body is malformed' };
  return { ok: true, origin, size: Number(size), root: Buffer.from(root, 'base64') };
}
