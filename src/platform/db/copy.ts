import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const NEEDS_ESCAPE = /[\\\n\r\t]/;

/** Escapes one value for PostgreSQL's COPY text format; `null` becomes \N. */
export function copyTextValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/**
 * Bulk-loads rows with COPY ... FROM STDIN on a client the caller holds (usually inside its
 * transaction, into a temporary staging table). Rows are streamed, never joined into one string.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows:
    | Iterable<readonly (string | number | boolean | null)[]>
    | AsyncIterable<readonly (string | number | boolean | null)[]>,
): Promise<void> {
  const quoted = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
  const sink = client.query(copyFrom(`copy ${table} (${quoted}) from stdin`));
  async function* lines() {
    for await (const row of rows) yield row.map(copyTextValue).join('\t') + '\n';
  }
  await pipeline(Readable.from(lines()), sink);
}
