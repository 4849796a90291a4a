import type pg from 'pg';
import { encodeEntry, leafHash, type LogEntry } from './log-entry.ts';

/** Any number unique to the exchange log, for the advisory lock that orders appends across nodes. */
const LOG_LOCK = 7_364_201;

/**
 * Appends entries to the exchange log with group commit: entries that arrive while a write is in
 * flight go together in the next transaction. Appends from several gateway nodes are serialised by
 * an advisory lock, so leaf indexes stay contiguous. A caller's promise resolves only once its
 * entry is committed.
 */
export class LogWriter {
  private queue: {
    entry: LogEntry;
    resolve: (index: number) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private writing = false;
  /** False after a failed write, until a write succeeds again. */
  healthy = true;

  constructor(private readonly pool: pg.Pool) {}

  append(entry: LogEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  /** Whether the log can be written now (asks the database when the last write failed). */
  async available(): Promise<boolean> {
    if (this.healthy) return true;
    try {
      await this.pool.query('select 1 from exchange_log limit 1');
      return true;
    } catch {
      return false;
    }
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 1000);
      const encoded = batch.map((b) => encodeEntry(b.entry));
      const client = await this.pool.connect().catch((error: unknown) => error as Error);
      if (client instanceof Error) {
        this.healthy = false;
        for (const b of batch) b.reject(client);
        continue;
      }
      try {
        await client.query('begin');
        await client.query('select pg_advisory_xact_lock($1)', [LOG_LOCK]);
        const { rows } = await client.query<{ next: string }>(
          'select coalesce(max(leaf_index) + 1, 0) as next from exchange_log',
        );
        const first = Number(rows[0]?.next ?? 0);
        await client.query(
          `insert into exchange_log (leaf_index, request_id, entry, leaf_hash)
           select * from unnest($1::bigint[], $2::text[], $3::bytea[], $4::bytea[])`,
          [
            batch.map((_, i) => first + i),
            batch.map((b) => b.entry.requestId),
            encoded,
            encoded.map(leafHash),
          ],
        );
        await client.query('commit');
        this.healthy = true;
        batch.forEach((b, i) => b.resolve(first + i));
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        this.healthy = false;
        for (const b of batch) b.reject(error);
      } finally {
        client.release();
      }
    }
    this.writing = false;
  }
}
