/**
 * RFC 6962 / RFC 9162 inclusion proofs, checked in the browser with WebCrypto SHA-256.
 * The algorithm is RFC 9162 §2.1.3.2 ("Verifying an Inclusion Proof").
 */
import type { InclusionProof } from './api';

export type ProofOutcome = 'verified' | 'mismatch';

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

/** An interior node: SHA-256(0x01 || left || right). */
export async function hashChildren(
  left: Uint8Array<ArrayBuffer>,
  right: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * The root the audit path leads to from the leaf hash, or null when the path does not fit a tree
 * of that size. Plain arithmetic rather than bit operators: indexes may exceed 2^31.
 */
export async function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array<ArrayBuffer>,
  auditPath: readonly Uint8Array<ArrayBuffer>[],
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return null;
  if (leafIndex < 0 || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of auditPath) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/**
 * The tree size and root hash a checkpoint (a C2SP signed note: origin, size, base64 root, …)
 * states, or null when the text is not one.
 */
export function parseCheckpoint(text: string): { treeSize: number; rootHash: string } | null {
  const lines = text.split('\n');
  const size = lines[1]?.trim() ?? '';
  const root = lines[2]?.trim() ?? '';
  if (!/^\d+$/.test(size) || root === '') return null;
  return { treeSize: Number(size), rootHash: root };
}

/**
 * Recomputes the root from the leaf hash and audit path and compares it with the proof's root
 * hash (and, when the checkpoint states one, with the checkpoint's root and size too).
 */
export async function verifyInclusion(proof: InclusionProof): Promise<ProofOutcome> {
  let leaf: Uint8Array<ArrayBuffer>;
  let path: Uint8Array<ArrayBuffer>[];
  let root: Uint8Array<ArrayBuffer>;
  try {
    leaf = base64ToBytes(proof.leafHash);
    path = proof.auditPath.map(base64ToBytes);
    root = base64ToBytes(proof.rootHash);
  } catch {
    return 'mismatch';
  }
  if (leaf.length !== 32 || root.length !== 32 || path.some((p) => p.length !== 32))
    return 'mismatch';
  const computed = await rootFromInclusionProof(proof.leafIndex, proof.treeSize, leaf, path);
  if (computed === null || !equal(computed, root)) return 'mismatch';
  const checkpoint = parseCheckpoint(proof.checkpoint ?? '');
  if (checkpoint !== null) {
    if (checkpoint.treeSize !== proof.treeSize) return 'mismatch';
    try {
      if (!equal(base64ToBytes(checkpoint.rootHash), root)) return 'mismatch';
    } catch {
      return 'mismatch';
    }
  }
  return 'verified';
}
