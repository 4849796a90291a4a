import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../platform/http/errors.ts';
import { leafHash } from './log-entry.ts';
import { consistencyProof, inclusionProof, rootHash } from './merkle.ts';
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

/**
 * The verifiable side of the exchange log: leaf hashes in memory (appended as the log grows), signed
 * tree heads, inclusion and consistency proofs, and a full verification.
 */
export function exchangeLog(pool: pg.Pool) {
  const leaves: Buffer[] = [];
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

  /** Reads the leaf hashes appended since the last call (by any node). */
  async function sync(): Promise<number> {
    const { rows } = await pool.query<{ leaf_hash: Buffer }>(
      'select leaf_hash from exchange_log where leaf_index >= $1 order by leaf_index',
      [leaves.length],
    );
    for (const r of rows) leaves.push(r.leaf_hash);
    return leaves.length;
  }

  async function requireSize(size: number): Promise<void> {
    if (size > leaves.length) await sync();
    if (size > leaves.length)
      throw new AppError(
        'VALIDATION_FAILED',
        `the log has ${leaves.length} entries, fewer than ${size}.`,
      );
  }

  return {
    async verifierKey(): Promise<string> {
      return verifierKey(LOG_ORIGIN, (await key()).publicKey);
    },

    /** Signs and keeps a checkpoint of the log as it is now, unless the latest one covers it. */
    async publishCheckpoint(): Promise<{ size: number; note: string }> {
      const size = await sync();
      const latest = await pool.query<{ tree_size: string; note: string }>(
        'select tree_size, note from exchange_checkpoints order by tree_size desc limit 1',
      );
      const last = latest.rows[0];
      if (last !== undefined && Number(last.tree_size) >= size)
        return { size: Number(last.tree_size), note: last.note };
      const root = rootHash(leaves, 0, size);
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

    async latestCheckpoint(): Promise<string> {
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
      return inclusionProof(leaves.slice(0, treeSize), leafIndex);
    },

    async consistency(from: number, to: number): Promise<Buffer[]> {
      if (from > to)
        throw new AppError(
          'VALIDATION_FAILED',
          `from (${from}) must not be larger than to (${to}).`,
        );
      await requireSize(to);
      return consistencyProof(leaves, from, to);
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
        `select e->>'providerAgency' || '/' || (e->>'providerSystem') || '/' || (e->>'service') as service,
                e->>'consumerAgency' || '/' || (e->>'consumerSystem') as consumer,
                count(*)::int as calls,
                count(*) filter (where (e->>'status')::int between 400 and 499)::int as client_errors,
                count(*) filter (where (e->>'status')::int >= 500)::int as server_errors,
                percentile_cont(0.5) within group (order by (e->>'latencyMs')::int) as p50,
                percentile_cont(0.95) within group (order by (e->>'latencyMs')::int) as p95,
                percentile_cont(0.99) within group (order by (e->>'latencyMs')::int) as p99
         from (select convert_from(entry, 'UTF8')::jsonb as e from exchange_log where logged_at >= $1) x
         where $2::text is null or e->>'providerAgency' = $2 or e->>'consumerAgency' = $2
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
      const recomputed: Buffer[] = [];
      let problem: string | null = null;
      const { rows: counts } = await pool.query<{ n: string }>(
        'select count(*) as n from exchange_log',
      );
      const total = Number(counts[0]?.n ?? 0);
      const batch = 10_000;
      for (let from = 0; problem === null; from += batch) {
        const { rows } = await pool.query<{
          leaf_index: string;
          request_id: string;
          entry: Buffer;
          leaf_hash: Buffer;
        }>(
          'select leaf_index, request_id, entry, leaf_hash from exchange_log where leaf_index >= $1 order by leaf_index limit $2',
          [from, batch],
        );
        for (const row of rows) {
          const index = Number(row.leaf_index);
          if (index !== recomputed.length) {
            problem = `entry ${recomputed.length} is missing (the next stored entry is ${index}, request ${row.request_id})`;
            break;
          }
          const hash = leafHash(row.entry);
          if (!hash.equals(row.leaf_hash)) {
            problem = `entry ${index} (request ${row.request_id}) was altered: its bytes no longer hash to its leaf hash`;
            break;
          }
          recomputed.push(hash);
        }
        onProgress?.(recomputed.length, total);
        if (rows.length < batch) break;
      }
      const { rows: checkpoints } = await pool.query<{ tree_size: string; note: string }>(
        'select tree_size, note from exchange_checkpoints order by tree_size',
      );
      let previous = 0;
      for (const c of checkpoints) {
        if (problem !== null) break;
        const opened = openCheckpoint(c.note, verifier);
        if (!opened.ok) {
          problem = `checkpoint ${c.tree_size} is not validly signed (${opened.reason})`;
          break;
        }
        if (opened.size > recomputed.length) {
          problem = `checkpoint ${opened.size} covers entries that are missing (the log has ${recomputed.length})`;
          break;
        }
        if (!rootHash(recomputed, 0, opened.size).equals(opened.root)) {
          // Entries and leaf hashes were changed together, or moved: the signed root tells which span.
          problem =
            `the entries ${previous}–${opened.size - 1} do not match the signed checkpoint of size ${opened.size}: ` +
            `one of them was altered, removed or reordered (the first candidate is entry ${previous})`;
          break;
        }
        previous = opened.size;
      }
      return {
        ok: problem === null,
        entries: recomputed.length,
        checkpoints: checkpoints.length,
        problem,
      };
    },
  };
}

export type ExchangeLog = ReturnType<typeof exchangeLog>;
