import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  nodeHash,
  rootHash,
  TiledTree,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

const sha = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const leafOf = (i: number) => sha(Buffer.from([0]), Buffer.from(`entry ${i}`));

/** RFC 6962 §2.1 MTH, written from the text, recursively: the reference for the fast one. */
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return sha();
  if (d.length === 1) return d[0] as Buffer;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return sha(Buffer.from([1]), mth(d.slice(0, k)), mth(d.slice(k)));
}

describe('RFC 6962 Merkle tree', () => {
  const leaves = Array.from({ length: 37 }, (_, i) => leafOf(i));

  it('computes the tree hash of the definition, for every size', () => {
    for (let n = 0; n <= leaves.length; n++)
      expect(rootHash(leaves.slice(0, n))).toEqual(mth(leaves.slice(0, n)));
    expect(rootHash([])).toEqual(
      Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'),
    );
    expect(nodeHash(leaves[0] as Buffer, leaves[1] as Buffer)).toEqual(
      sha(Buffer.from([1]), leaves[0] as Buffer, leaves[1] as Buffer),
    );
  });

  it('gives inclusion proofs that verify, and fail for another leaf, index or root', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = mth(tree);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(tree, m);
        expect(verifyInclusion(tree[m] as Buffer, m, n, proof, root), `${m} of ${n}`).toBe(true);
        if (n > 1) {
          expect(verifyInclusion(tree[(m + 1) % n] as Buffer, m, n, proof, root)).toBe(false);
          expect(verifyInclusion(tree[m] as Buffer, (m + 1) % n, n, proof, root)).toBe(false);
        }
        expect(verifyInclusion(tree[m] as Buffer, m, n, proof, leafOf(999))).toBe(false);
      }
    }
  });

  it('gives consistency proofs that verify, and fail for a changed history', () => {
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(leaves, m, n);
        const first = mth(leaves.slice(0, m));
        const second = mth(leaves.slice(0, n));
        expect(verifyConsistency(m, n, first, second, proof), `${m} -> ${n}`).toBe(true);
        if (m < n) {
          const altered = [...leaves.slice(0, n)];
          altered[0] = leafOf(1000);
          expect(verifyConsistency(m, n, first, mth(altered), proof)).toBe(false);
        }
      }
    }
  });

  it('keeps only complete subtrees and the last tile in memory, and gives the same roots and proofs', () => {
    // Tiles of 4 leaves, so that 37 leaves cross many tile and level boundaries.
    const tree = new TiledTree(2);
    const tileOf = (t: number) => leaves.slice(t * 4, t * 4 + 4);
    const read = (needed: number[]) => new Map(needed.map((t) => [t, tileOf(t)]));
    for (let n = 0; n <= leaves.length; n++) {
      expect(tree.size).toBe(n);
      // The current root needs nothing from storage.
      expect(tree.tilesNeeded(TiledTree.rootOf(n))).toEqual([]);
      expect(tree.root()).toEqual(mth(leaves.slice(0, n)));
      // Every older size, at a few tree sizes around tile and level boundaries.
      const checked = [1, 4, 5, 8, 9, 16, 17, 33, 37];
      for (let size = 1; checked.includes(n) && size <= n; size++) {
        expect(tree.root(size, read(tree.tilesNeeded(TiledTree.rootOf(size))))).toEqual(
          mth(leaves.slice(0, size)),
        );
        for (let m = 0; m < size; m++) {
          const needed = tree.tilesNeeded(TiledTree.inclusionOf(m, size));
          // At most the leaf's tile and the tree's last tile.
          expect(needed.length).toBeLessThanOrEqual(2);
          expect(tree.inclusionProof(m, size, read(needed))).toEqual(
            inclusionProof(leaves.slice(0, size), m),
          );
        }
        for (let m = 1; m <= size; m++) {
          const needed = tree.tilesNeeded(TiledTree.consistencyOf(m, size));
          expect(tree.consistencyProof(m, size, read(needed))).toEqual(
            consistencyProof(leaves, m, size),
          );
        }
      }
      if (n >= 9) expect(() => tree.inclusionProof(0, n, new Map())).toThrow(/tiles not given/);
      if (n < leaves.length) {
        const tile = tree.append(leaves[n] as Buffer);
        // A tile's hash comes back when its last leaf arrives.
        expect(tile).toEqual((n + 1) % 4 === 0 ? mth(leaves.slice(n - 3, n + 1)) : undefined);
      }
    }

    // A node catching up from stored tile hashes and the last leaves has the same tree.
    const caughtUp = new TiledTree(2);
    for (let t = 0; t < 9; t++) caughtUp.appendTile(mth(tileOf(t)));
    expect(() => caughtUp.append(leaves[36] as Buffer)).not.toThrow();
    expect(caughtUp.size).toBe(37);
    expect(caughtUp.root()).toEqual(mth(leaves));
    const needed = caughtUp.tilesNeeded(TiledTree.inclusionOf(5, 37));
    expect(caughtUp.inclusionProof(5, 37, read(needed))).toEqual(inclusionProof(leaves, 5));
    expect(() => caughtUp.appendTile(mth(tileOf(0)))).toThrow(/complete tile/);
  });
});
