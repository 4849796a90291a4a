import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (§2.1; RFC 9162 §2.1) over leaf hashes: a node is
 * SHA-256(0x01 || left || right), the tree of n leaves splits at the largest power of two below n,
 * and the empty tree's hash is SHA-256(""). Audit paths (inclusion proofs) and consistency proofs
 * as §2.1.1 and §2.1.2 define them, and their verification as RFC 9162 §2.1.3.2 and §2.1.4.2.
 */

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[from:to]). */
export function rootHash(leaves: readonly Buffer[], from = 0, to = leaves.length): Buffer {
  const n = to - from;
  if (n === 0) return createHash('sha256').digest();
  if (n === 1) return leaves[from] as Buffer;
  // Iteratively, level by level: the same result as the recursive definition, without recursion
  // depth and with one pass per level.
  let level: Buffer[] = leaves.slice(from, to);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Buffer);
    level = next;
  }
  return level[0] as Buffer;
}

/** PATH(m, D[from:to]): the audit path of leaf m (relative to `from`). */
export function inclusionProof(
  leaves: readonly Buffer[],
  m: number,
  from = 0,
  to = leaves.length,
): Buffer[] {
  const n = to - from;
  if (n <= 1) return [];
  const k = split(n);
  if (m < k) return [...inclusionProof(leaves, m, from, from + k), rootHash(leaves, from + k, to)];
  return [...inclusionProof(leaves, m - k, from + k, to), rootHash(leaves, from, from + k)];
}

/** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
export function consistencyProof(leaves: readonly Buffer[], m: number, n: number): Buffer[] {
  if (m === 0 || m === n) return [];
  return subproof(leaves, m, 0, n, true);
}

function subproof(
  leaves: readonly Buffer[],
  m: number,
  from: number,
  to: number,
  complete: boolean,
): Buffer[] {
  const n = to - from;
  if (m === n) return complete ? [] : [rootHash(leaves, from, to)];
  const k = split(n);
  if (m <= k)
    return [...subproof(leaves, m, from, from + k, complete), rootHash(leaves, from + k, to)];
  return [...subproof(leaves, m - k, from + k, to, false), rootHash(leaves, from, from + k)];
}

/** RFC 9162 §2.1.3.2: does the audit path lead from the leaf hash to the root? */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  size: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: is the tree of size n, with root `second`, an extension of the one of size m? */
export function verifyConsistency(
  m: number,
  n: number,
  first: Buffer,
  second: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (m > n) return false;
  if (m === n) return proof.length === 0 && first.equals(second);
  if (m === 0) return proof.length === 0;
  let path = [...proof];
  // If m is an exact power of two, the first tree's root is the proof's implicit first element.
  if ((m & (m - 1)) === 0) path = [first, ...path];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  if (fr === undefined || sr === undefined) return false;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(first) && sr.equals(second);
}
