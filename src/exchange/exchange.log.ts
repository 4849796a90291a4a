import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type pg from 'pg';
import { AppError } from '../platform/http/errors.ts';
import { leafHash } from './log-entry.ts';
import { TiledTree, type RangeHash } from './merkle.ts';
import { checkpointBody, openCheckpoint, signNote, verifierKey } from './note.ts';

/** The log's origin: the first line of its checkpoints and the name of its note key. */
export const LOG_ORIGIN = 'padu/exchange-log';

export interface LogEntryRecord {
  leafIndex: number;
  /** The exact bytes hashed as the leaf (UTF-8 canonical JSON). */
  entry: Buffer;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** The first problem found, naming the entry (leaf index and request id) or checkpoint. */
  problem: string | null;
}

/** A checkpoint asked for is signed on the spot when the latest is at least this old (ms). */
const CHECKPOINT_ON_DEMAND_MS = 100;

/** Leaf hashes read from the database at once while catching up. */
const SYNC_BATCH = 100_000;
/**
 * Complete tiles' leaf hashes kept for proofs (8 KiB each): a complete tile never changes, and a
 * citizen's "who accessed my data" asks for many proofs at once.
 */
const TILE_CACHE = 2048;

/**
 * The verifiable side of the exchange log: the Merkle tree (in memory only its complete subtrees of
 * 256 leaves and up; the rest is read from the table when a proof needs it), signed tree heads,
 * inclusion and consistency proofs, and a full verification.
 */
export function exchangeLog(pool: pg.Pool) {
  const tree = new TiledTree();
  /** When this node last signed a checkpoint asked for by a client. */
  let publishedAt = 0;
  let noteKey: { privateKey: KeyObject; publicKey: Buffer } | undefined;

  async function key() {
    if (noteKey !== undefined) return noteKey;
    let { rows } = await pool.query<{ private_key: string; public_key: Buffer }>(
      'select private_key, public_key from exchange_note_keys where name = $1',
      [LOG_ORIGIN],
    );
    if (rows[0] === undefined) {
      const pair = generateKeyPairSync('ed25519');
      const x = pair.publicKey.export({ format: 'jwk' }).x ?? '';
      await pool.query(
        'insert into exchange_note_keys (name, private_key, public_key) values ($1, $2, $3) on conflict do nothing',
        [
          LOG_ORIGIN,
          pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
          Buffer.from(x, 'base64url'),
        ],
      );
      ({ rows } = await pool.query<{ private_key: string; public_key: Buffer }>(
        'select private_key, public_key from exchange_note_keys where name = $1',
        [LOG_ORIGIN],
      ));
    }
    const row = rows[0];
    if (row === undefined) throw new Error('no note key');
    noteKey = { privateKey: createPrivateKey(row.private_key), publicKey: row.public_key };
    return noteKey;
  }

  /**
   * Reads the leaf hashes appended since the last call (by any node), one reader at a time, and
   * gives the tree's size and root as they were when it finished.
   */
  let syncing: Promise<{ size: number; root: Buffer }> = Promise.resolve({
    size: 0,
    root: tree.root(),
  });
  function sync(): Promise<{ size: number; root: Buffer }> {
    syncing = syncing
      .catch(() => undefined)
      .then(async () => {
        const width = tree.tileLeaves;
        for (;;) {
          // On a tile boundary, whole tiles whose hashes some node has stored: one row per tile.
          if (tree.size % width === 0) {
            const { rows: tiles } = await pool.query<{ tile: number; hash: Buffer }>(
              'select tile, hash from exchange_log_tiles where tile >= $1 order by tile limit $2',
              [tree.size / width, SYNC_BATCH],
            );
            const first = tree.size / width;
            let next = first;
            for (const t of tiles) {
              if (Number(t.tile) !== next) break;
              tree.appendTile(t.hash);
              next++;
            }
            if (next === first + SYNC_BATCH) continue;
          }
          const from = tree.size;
          // The hashes in one value, 32 bytes each in leaf order: one row to parse, not one per leaf.
          const { rows } = await pool.query<{ n: number; hashes: Buffer | null }>(
            `select count(*)::int as n, string_agg(leaf_hash, ''::bytea order by leaf_index) as hashes
             from (select leaf_index, leaf_hash from exchange_log
                   where leaf_index >= $1 order by leaf_index limit $2) l`,
            [from, SYNC_BATCH],
          );
          const read = rows[0]?.n ?? 0;
          const hashes = rows[0]?.hashes ?? Buffer.alloc(0);
          if (hashes.length !== read * 32)
            throw new Error(
              'the exchange log holds a leaf hash that is not 32 bytes; run padu exchange verify',
            );
          const completed: { tile: number; hash: Buffer }[] = [];
          for (let k = 0; k < read; k++) {
            const tile = tree.append(hashes.subarray(k * 32, k * 32 + 32));
            if (tile === undefined) continue;
            completed.push({ tile: (from + k + 1) / width - 1, hash: tile });
            // Hashing a tile takes about a millisecond: let calls waiting on this process go
            // between tiles, rather than hold them all for the whole catch-up.
            await setImmediate();
          }
          if (completed.length > 0)
            await pool.query(
              `insert into exchange_log_tiles (tile, hash)
               select * from unnest($1::bigint[], $2::bytea[]) on conflict (tile) do nothing`,
              [completed.map((c) => c.tile), completed.map((c) => c.hash)],
            );
          if (read < SYNC_BATCH) return { size: tree.size, root: tree.root() };
        }
      });
    return syncing;
  }

  async function requireSize(size: number): Promise<void> {
    if (size > tree.size) await sync();
    if (size > tree.size)
      throw new AppError(
        'VALIDATION_FAILED',
        `the log has ${tree.size} entries, fewer than ${size}.`,
      );
  }

  const tileCache = new Map<number, Buffer[]>();

  /** The leaves of the complete tiles a computation needs, from the cache or the table. */
  async function tilesFor(compute: (hash: RangeHash) => unknown) {
    const tiles = new Map<number, Buffer[]>();
    const width = tree.tileLeaves;
    for (const tile of tree.tilesNeeded(compute)) {
      const cached = tileCache.get(tile);
      if (cached !== undefined) {
        // Most recently used last, so that the oldest is the first key.
        tileCache.delete(tile);
        tileCache.set(tile, cached);
        tiles.set(tile, cached);
        continue;
      }
      const { rows } = await pool.query<{ leaf_hash: Buffer }>(
        'select leaf_hash from exchange_log where leaf_index >= $1 and leaf_index < $2 order by leaf_index',
        [tile * width, (tile + 1) * width],
      );
      if (rows.length !== width)
        throw new Error(
          `the exchange log is missing entries of tile ${tile}; run padu exchange verify`,
        );
      const leaves = rows.map((r) => r.leaf_hash);
      tiles.set(tile, leaves);
      tileCache.set(tile, leaves);
      if (tileCache.size > TILE_CACHE) tileCache.delete(tileCache.keys().next().value!);
    }
    return tiles;
  }

  return {
    async verifierKey(): Promise<string> {
      return verifierKey(LOG_ORIGIN, (await key()).publicKey);
    },

    /** Signs and keeps a checkpoint of the log as it is now, unless the latest one covers it. */
    async publishCheckpoint(): Promise<{ size: number; note: string }> {
      const { size, root } = await sync();
      const latest = await pool.query<{ tree_size: string; note: string }>(
        'select tree_size, note from exchange_checkpoints order by tree_size desc limit 1',
      );
      const last = latest.rows[0];
      if (last !== undefined && Number(last.tree_size) >= size)
        return { size: Number(last.tree_size), note: last.note };
      const { privateKey, publicKey } = await key();
      const note = signNote(
        checkpointBody(LOG_ORIGIN, size, root),
        LOG_ORIGIN,
        privateKey,
        publicKey,
      );
      await pool.query(
        'insert into exchange_checkpoints (tree_size, root_hash, note) values ($1, $2, $3) on conflict do nothing',
        [size, root, note],
      );
      return { size, note };
    },

    /**
     * The latest checkpoint, signed now if the log has grown since the last one and that is older
     * than CHECKPOINT_ON_DEMAND_MS: a client that has just made a call can prove it at once, and
     * asking often signs at most ten heads a second.
     */
    async latestCheckpoint(): Promise<string> {
      if (Date.now() - publishedAt >= CHECKPOINT_ON_DEMAND_MS) {
        publishedAt = Date.now();
        return (await this.publishCheckpoint()).note;
      }
      const { rows } = await pool.query<{ note: string }>(
        'select note from exchange_checkpoints order by tree_size desc limit 1',
      );
      return rows[0]?.note ?? (await this.publishCheckpoint()).note;
    },

    async entry(requestId: string): Promise<LogEntryRecord | undefined> {
      const { rows } = await pool.query<{ leaf_index: string; entry: Buffer }>(
        'select leaf_index, entry from exchange_log where request_id = $1',
        [requestId],
      );
      const row = rows[0];
      return row === undefined
        ? undefined
        : { leafIndex: Number(row.leaf_index), entry: row.entry };
    },

    async inclusion(leafIndex: number, treeSize: number): Promise<Buffer[]> {
      if (leafIndex >= treeSize)
        throw new AppError(
          'VALIDATION_FAILED',
          `leafIndex ${leafIndex} is not in a tree of ${treeSize} entries.`,
        );
      await requireSize(treeSize);
      const compute = TiledTree.inclusionOf(leafIndex, treeSize);
      return tree.inclusionProof(leafIndex, treeSize, await tilesFor(compute));
    },

    async consistency(from: number, to: number): Promise<Buffer[]> {
      if (from > to)
        throw new AppError(
          'VALIDATION_FAILED',
          `from (${from}) must not be larger than to (${to}).`,
        );
      await requireSize(to);
      const compute = TiledTree.consistencyOf(from, to);
      return tree.consistencyProof(from, to, await tilesFor(compute));
    },

    /**
     * Calls per provider service and consumer since a time, with error counts and latency
     * percentiles, from the log (calls refused before forwarding are not in it). `agencyCode`
     * limits to exchanges where that agency is provider or consumer.
     */
    async stats(since: string, agencyCode: string | null) {
      const { rows } = await pool.query<{
        service: string;
        consumer: string;
        calls: number;
        client_errors: number;
        server_errors: number;
        p50: number | null;
        p95: number | null;
        p99: number | null;
      }>(
        `select ps.agency_code || '/' || ps.slug || '/' || v.slug as service,
                cs.agency_code || '/' || cs.slug as consumer,
                count(*)::int as calls,
                count(*) filter (where l.status between 400 and 499)::int as client_errors,
                count(*) filter (where l.status >= 500)::int as server_errors,
                percentile_cont(0.5) within group (order by l.latency_ms) as p50,
                percentile_cont(0.95) within group (order by l.latency_ms) as p95,
                percentile_cont(0.99) within group (order by l.latency_ms) as p99
         from exchange_log l
           join exchange_services v on v.id = l.service_id
           join exchange_systems ps on ps.id = v.system_id
           join exchange_systems cs on cs.id = l.consumer_system_id
         where l.logged_at >= $1
           and ($2::text is null or ps.agency_code = $2 or cs.agency_code = $2)
         group by 1, 2
         order by calls desc, 1, 2`,
        [since, agencyCode],
      );
      return rows.map((r) => ({
        service: r.service,
        consumer: r.consumer,
        calls: r.calls,
        clientErrors: r.client_errors,
        serverErrors: r.server_errors,
        errorRate: r.calls === 0 ? 0 : (r.client_errors + r.server_errors) / r.calls,
        latencyMs: { p50: r.p50, p95: r.p95, p99: r.p99 },
      }));
    },

    /**
     * Recomputes everything from the stored bytes: every leaf hash, gapless numbering, and the root
     * of every kept checkpoint (with its signature). Names the first entry altered, missing or
     * out of place.
     */
    async verify(onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
      const verifier = await this.verifierKey();
      // The whole tree again from the stored bytes, checked against each signed head as it is reached.
      const recomputed = new TiledTree();
      let problem: string | null = null;
      const { rows: counts } = await pool.query<{ n: number }>(
        'select count(*) as n from exchange_log',
      );
      const total = Number(counts[0]?.n ?? 0);
      const { rows: checkpoints } = await pool.query<{ tree_size: number; note: string }>(
        'select tree_size, note from exchange_checkpoints order by tree_size',
      );
      // Stored tile hashes (one per 256 entries), each checked when its entries are recomputed.
      const { rows: tileRows } = await pool.query<{ tile: number; hash: Buffer }>(
        'select tile, hash from exchange_log_tiles order by tile',
      );
      const storedTiles = new Map(tileRows.map((t) => [Number(t.tile), t.hash]));
      const width = recomputed.tileLeaves;
      let next = 0;
      let previous = 0;
      /** Checks the checkpoints of the size reached; false once one fails. */
      const checkReached = (): boolean => {
        for (; next < checkpoints.length; next++) {
          const c = checkpoints[next] as (typeof checkpoints)[number];
          const opened = openCheckpoint(c.note, verifier);
          if (!opened.ok) {
            problem = `checkpoint ${c.tree_size} is not validly signed (${opened.reason})`;
            return false;
          }
          if (opened.size > recomputed.size) return true;
          if (!recomputed.root(opened.size).equals(opened.root)) {
            // Entries and leaf hashes were changed together, or moved: the signed root tells which span.
            problem =
              `the entries ${previous}–${opened.size - 1} do not match the signed checkpoint of size ${opened.size}: ` +
              `one of them was altered, removed or reordered (the first candidate is entry ${previous})`;
            return false;
          }
          previous = opened.size;
        }
        return true;
      };
      const batch = 10_000;
      reading: for (;;) {
        if (!checkReached()) break;
        const { rows } = await pool.query<{
          leaf_index: number;
          request_id: string;
          entry: Buffer;
          leaf_hash: Buffer;
        }>(
          'select leaf_index, request_id, entry, leaf_hash from exchange_log where leaf_index >= $1 order by leaf_index limit $2',
          [recomputed.size, batch],
        );
        for (const row of rows) {
          const index = Number(row.leaf_index);
          if (index !== recomputed.size) {
            problem = `entry ${recomputed.size} is missing (the next stored entry is ${index}, request ${row.request_id})`;
            break reading;
          }
          const hash = leafHash(row.entry);
          if (!hash.equals(row.leaf_hash)) {
            problem = `entry ${index} (request ${row.request_id}) was altered: its bytes no longer hash to its leaf hash`;
            break reading;
          }
          const tile = recomputed.append(hash);
          if (tile !== undefined) {
            const t = recomputed.size / width - 1;
            const stored = storedTiles.get(t);
            if (stored !== undefined && !stored.equals(tile)) {
              problem = `the stored hash of tile ${t} (entries ${t * width}–${(t + 1) * width - 1}) does not match those entries: delete its row in exchange_log_tiles and the next sync writes it again`;
              break reading;
            }
          }
          if (next < checkpoints.length && checkpoints[next]?.tree_size === recomputed.size)
            if (!checkReached()) break reading;
        }
        onProgress?.(recomputed.size, total);
        if (rows.length < batch) {
          checkReached();
          break;
        }
      }
      const beyond = tileRows.find((t) => (Number(t.tile) + 1) * width > recomputed.size);
      if (problem === null && beyond !== undefined)
        problem = `tile ${beyond.tile} is stored, but the log has only ${recomputed.size} entries`;
      if (problem === null && next < checkpoints.length) {
        const c = checkpoints[next] as (typeof checkpoints)[number];
        problem = `checkpoint ${c.tree_size} covers entries that are missing (the log has ${recomputed.size})`;
      }
      return {
        ok: problem === null,
        entries: recomputed.size,
        checkpoints: checkpoints.length,
        problem,
      };
    },
  };
}

export type ExchangeLog = ReturnType<typeof exchangeLog>;
