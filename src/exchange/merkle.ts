import { createHash, hash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (§2.1; RFC 9162 §2.1) over leaf hashes: a node is
 * SHA-256(0x01 || left || right), the tree of n leaves splits at the largest power of two below n,
 * and the empty tree's hash is SHA-256(""). Audit paths (inclusion proofs) and consistency proofs
 * as §2.1.1 and §2.1.2 define them, and their verification as RFC 9162 §2.1.3.2 and §2.1.4.2.
 */

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  // 0x01 || left || right assembled in a buffer kept for it (hashes are 32 bytes) and hashed in
  // one call: a third less CPU than a Hash object with three updates (a sync walks thousands).
  if (left.length !== 32 || right.length !== 32)
    return createHash('sha256')
      .update(Buffer.from([1]))
      .update(left)
      .update(right)
      .digest();
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return hash('sha256', NODE_INPUT, 'buffer');
}
const NODE_INPUT = Buffer.alloc(65, 1);

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

/** MTH(D[from:to]) for the ranges the proofs ask about. */
export type RangeHash = (from: number, to: number) => Buffer;

/** PATH(m, D[from:to]): the audit path of leaf m (relative to `from`). */
function path(hash: RangeHash, m: number, from: number, to: number): Buffer[] {
  const n = to - from;
  if (n <= 1) return [];
  const k = split(n);
  if (m < k) return [...path(hash, m, from, from + k), hash(from + k, to)];
  return [...path(hash, m - k, from + k, to), hash(from, from + k)];
}

/** SUBPROOF(m, D[from:to], complete). */
function subproof(
  hash: RangeHash,
  m: number,
  from: number,
  to: number,
  complete: boolean,
): Buffer[] {
  const n = to - from;
  if (m === n) return complete ? [] : [hash(from, to)];
  const k = split(n);
  if (m <= k) return [...subproof(hash, m, from, from + k, complete), hash(from + k, to)];
  return [...subproof(hash, m - k, from + k, to, false), hash(from, from + k)];
}

/** PATH(m, D[from:to]) over leaf hashes in memory. */
export function inclusionProof(
  leaves: readonly Buffer[],
  m: number,
  from = 0,
  to = leaves.length,
): Buffer[] {
  return path((f, t) => rootHash(leaves, f, t), m, from, to);
}

/** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), over leaf hashes in memory. */
export function consistencyProof(leaves: readonly Buffer[], m: number, n: number): Buffer[] {
  if (m === 0 || m === n) return [];
  return subproof((f, t) => rootHash(leaves, f, t), m, 0, n, true);
}

/**
 * An append-only tree that keeps in memory only the hashes of complete subtrees of 2^height leaves
 * and larger (a tile of 256 leaves by default, as C2SP tlog-tiles has it) and the leaves of the last,
 * incomplete tile: 1/256 of the leaf hashes, so that a log of a billion entries fits in memory.
 * Roots of the current size need nothing else; proofs and older roots need the leaves of at most a
 * few complete tiles, which the caller reads from storage (`tilesNeeded`, then pass them in).
 */
export class TiledTree {
  private readonly tileSize: number;
  /** levels[j][i]: the hash of complete subtree i of 2^(height + j) leaves. */
  private readonly levels: Buffer[][] = [[]];
  private tail: Buffer[] = [];

  constructor(private readonly height = 8) {
    this.tileSize = 2 ** height;
  }

  get size(): number {
    return (this.levels[0] as Buffer[]).length * this.tileSize + this.tail.length;
  }

  /** Appends a leaf; returns the hash of the tile it completes, if it completes one. */
  append(leaf: Buffer): Buffer | undefined {
    this.tail.push(leaf);
    if (this.tail.length < this.tileSize) return undefined;
    const hash = rootHash(this.tail);
    this.tail = [];
    this.addTile(hash);
    return hash;
  }

  /**
   * Appends a whole tile by its hash (as kept in storage), when the tree ends on a tile boundary:
   * a node catching up on a long log reads one hash per 256 leaves.
   */
  appendTile(hash: Buffer): void {
    if (this.tail.length > 0) throw new Error('a whole tile can only follow a complete tile');
    this.addTile(hash);
  }

  private addTile(tileHash: Buffer): void {
    let hash = tileHash;
    for (let j = 0; ; j++) {
      const level = (this.levels[j] ??= []);
      level.push(hash);
      if (level.length % 2 === 1) break;
      hash = nodeHash(level[level.length - 2] as Buffer, level[level.length - 1] as Buffer);
    }
  }

  /**
   * A range hasher over what is in memory and the given tiles' leaves. Without `tiles` it only
   * finds what a computation needs: each complete tile it would read goes into `missing`, and
   * every hash is zeros (which ranges a proof asks for does not depend on the hashes).
   */
  private hasher(
    tiles: ReadonlyMap<number, readonly Buffer[]> | null,
    missing: Set<number>,
  ): RangeHash {
    const completeEnd = (this.levels[0] as Buffer[]).length * this.tileSize;
    const leafAt = (i: number): Buffer => {
      if (i >= completeEnd) return this.tail[i - completeEnd] as Buffer;
      const tile = Math.floor(i / this.tileSize);
      const leaves = tiles?.get(tile);
      if (leaves === undefined) {
        missing.add(tile);
        return ZERO;
      }
      return leaves[i - tile * this.tileSize] as Buffer;
    };
    const hash: RangeHash = (from, to) => {
      const n = to - from;
      if (n === 1) return leafAt(from);
      if (n >= this.tileSize && (n & (n - 1)) === 0 && from % n === 0 && to <= completeEnd)
        return this.levels[Math.log2(n) - this.height]?.[from / n] as Buffer;
      if (n <= this.tileSize) {
        const tile = Math.floor(from / this.tileSize);
        if (tiles === null) {
          for (let t = tile; t * this.tileSize < Math.min(to, completeEnd); t++) missing.add(t);
          return ZERO;
        }
        // An aligned power-of-two range inside a complete tile: a node of that tile's tree.
        const leaves = tiles.get(tile);
        const offset = from - tile * this.tileSize;
        if (leaves !== undefined && to <= completeEnd && (n & (n - 1)) === 0 && offset % n === 0)
          return (tileLevels(leaves)[Math.log2(n)] as Buffer[])[offset / n] as Buffer;
        const range: Buffer[] = [];
        for (let i = from; i < to; i++) range.push(leafAt(i));
        return rootHash(range);
      }
      const k = split(n);
      return nodeHash(hash(from, from + k), hash(from + k, to));
    };
    return hash;
  }

  /** The complete tiles whose leaves `compute` needs (read them, then call it with them). */
  tilesNeeded(compute: (hash: RangeHash) => unknown): number[] {
    const missing = new Set<number>();
    compute(this.hasher(null, missing));
    return [...missing].sort((a, b) => a - b);
  }

  private withTiles<T>(
    tiles: ReadonlyMap<number, readonly Buffer[]>,
    compute: (hash: RangeHash) => T,
  ): T {
    const missing = new Set<number>();
    const result = compute(this.hasher(tiles, missing));
    if (missing.size > 0) throw new Error(`tiles not given: ${[...missing].join(', ')}`);
    return result;
  }

  /** MTH(D[0:n]). */
  root(n = this.size, tiles: ReadonlyMap<number, readonly Buffer[]> = new Map()): Buffer {
    this.checkSize(n);
    return this.withTiles(tiles, (hash) => (n === 0 ? rootHash([]) : hash(0, n)));
  }

  /** What `root(n)`, `inclusionProof(m, n)` or `consistencyProof(m, n)` need from storage. */
  static rootOf = (n: number) => (hash: RangeHash) => (n === 0 ? undefined : hash(0, n));
  static inclusionOf = (m: number, n: number) => (hash: RangeHash) => path(hash, m, 0, n);
  static consistencyOf = (m: number, n: number) => (hash: RangeHash) =>
    m === 0 || m === n ? [] : subproof(hash, m, 0, n, true);

  inclusionProof(m: number, n: number, tiles: ReadonlyMap<number, readonly Buffer[]>): Buffer[] {
    this.checkSize(n);
    return this.withTiles(tiles, TiledTree.inclusionOf(m, n));
  }

  consistencyProof(m: number, n: number, tiles: ReadonlyMap<number, readonly Buffer[]>): Buffer[] {
    this.checkSize(n);
    return this.withTiles(tiles, TiledTree.consistencyOf(m, n));
  }

  get tileLeaves(): number {
    return this.tileSize;
  }

  private checkSize(n: number): void {
    if (n > this.size) throw new Error(`the tree has ${this.size} leaves, fewer than ${n}`);
  }
}

const ZERO = Buffer.alloc(32);

/**
 * Every level of a complete tile's tree (levels[0] are its leaves), computed once per leaves
 * array: proofs about the same tile (a citizen's accesses, one after another) then hash nothing.
 */
const TILE_LEVELS = new WeakMap<readonly Buffer[], Buffer[][]>();
function tileLevels(leaves: readonly Buffer[]): Buffer[][] {
  let levels = TILE_LEVELS.get(leaves);
  if (levels === undefined) {
    levels = [[...leaves]];
    for (let level = levels[0] as Buffer[]; level.length > 1;) {
      const next: Buffer[] = [];
      for (let i = 0; i + 1 < level.length; i += 2)
        next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
      levels.push(next);
      level = next;
    }
    TILE_LEVELS.set(leaves, levels);
  }
  return levels;
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
