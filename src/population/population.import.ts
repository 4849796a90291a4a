import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyRows } from '../platform/db/copy.ts';
import {
  CsvParser,
  CsvSplitter,
  CsvSyntaxError,
  parseCsv,
  toCsvLine,
  type CsvPiece,
  type CsvRecord,
} from '../platform/csv.ts';
import { AppError } from '../platform/http/errors.ts';
import { WorkerPool } from '../platform/workers.ts';
import {
  createImmunizationStaging,
  createPeopleStaging,
  IMMUNIZATION_STAGING_COLUMNS,
  mergeImmunizations,
  mergePeople,
  PEOPLE_STAGING_COLUMNS,
  type MergeCounts,
  type MergeResult,
} from './population.repository.ts';
import { NikSet } from './nik-set.ts';
import { CountEvents } from './population.counts.ts';
import {
  IMMUNIZATION_RECORDS,
  PERSON_RECORDS,
  processPiece,
  processRecords,
  rawLine,
  type PieceResult,
  type RecordKind,
  type RecordKindName,
  type ReportLine,
} from './population.import.piece.ts';
import type {
  ImportWorkerError,
  ImportWorkerSetup,
  ImportWorkerTask,
} from './population.import.worker.ts';
import type {
  FieldProblem,
  ImmunizationRecord,
  PersonRecord,
  RawRecord,
  ValidationContext,
} from './population.records.ts';

export interface ImportSummary extends MergeCounts {
  rejected: number;
  warnings: number;
  rows: number;
  rejectsFile: string;
  warningsFile: string | null;
}

/** How one kind of record is imported: its records (checks and staging rows), staging table and merge. */
interface ImportKind<T> {
  readonly name: RecordKindName;
  readonly records: RecordKind<T>;
  stagingTable: string;
  /** Tables whose statistics a large merge changes. */
  analyzeTables: readonly string[];
  stagingColumns: readonly string[];
  createStaging(client: pg.PoolClient): Promise<void>;
  merge(
    client: pg.PoolClient,
    options?: {
      withLines?: boolean;
      knownUnique?: boolean;
      stagedEvents?: CountEvents;
      onPhase?: (phase: string) => void;
    },
  ): Promise<MergeResult>;
}

export const PEOPLE_IMPORT: ImportKind<PersonRecord> = {
  name: 'people',
  records: PERSON_RECORDS,
  stagingTable: 'people_staging',
  analyzeTables: ['people', 'count_series'],
  stagingColumns: PEOPLE_STAGING_COLUMNS,
  createStaging: createPeopleStaging,
  merge: mergePeople,
};

export const IMMUNIZATIONS_IMPORT: ImportKind<ImmunizationRecord> = {
  name: 'immunizations',
  records: IMMUNIZATION_RECORDS,
  stagingTable: 'immunization_staging',
  analyzeTables: ['immunizations', 'count_series'],
  stagingColumns: IMMUNIZATION_STAGING_COLUMNS,
  createStaging: createImmunizationStaging,
  merge: mergeImmunizations,
};

/** Checks the header before anything is written: every required column, no unknown or repeated one. */
export function checkHeader(
  header: readonly string[],
  columns: RecordKind<unknown>['columns'],
): void {
  const known = new Set([...columns.required, ...columns.optional]);
  const missing = columns.required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        `the header must name ${columns.required.join(',')} (optional: ${columns.optional.join(',')}). Nothing was imported.`,
    );
  }
  const unknown = header.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (columns are ${[...known].join(',')}); ` +
        'rename or remove it so that no data is silently dropped. Nothing was imported.',
    );
  }
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The column ${repeated.join(', ')} appears twice in the header. Nothing was imported.`,
    );
  }
}

/** Pieces of about a megabyte: a few milliseconds of work each, small enough to keep many in flight. */
const PIECE_BYTES = 1 << 20;
/** Smaller files are checked on the calling thread: starting workers would take longer. */
const WORKER_THRESHOLD_BYTES = 8 << 20;
/**
 * Workers: one per core, at most four, sharing 128 MB of young generation. More would mostly add
 * memory: one main thread takes their results in order into one COPY (not measured beyond this
 * machine's two cores). Measured with 2 M people on two cores: 64 MB each gives 16.0 s, 32 MB
 * 17.9 s, 16 MB 18.7 s; a worker adds about twice its young generation to the process's memory.
 */
const MAX_WORKERS = 4;
const WORKERS_YOUNG_MB = 128;

class ReportWriter {
  count = 0;
  private constructor(private readonly stream: WriteStream) {}

  static async open(file: string): Promise<ReportWriter> {
    const stream = createWriteStream(file);
    await once(stream, 'open');
    const writer = new ReportWriter(stream);
    await writer.write(['line', 'column', 'reason', 'row']);
    writer.count = 0;
    return writer;
  }

  async write(fields: readonly (string | number)[]): Promise<void> {
    this.count++;
    if (!this.stream.write(toCsvLine(fields))) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }
}

async function* piecesOf(file: string, size: number, onRead: (bytes: number) => void) {
  const splitter = new CsvSplitter(size);
  for await (const chunk of createReadStream(file, { highWaterMark: size })) {
    onRead((chunk as Buffer).length);
    yield* splitter.push(chunk as Buffer);
  }
  yield* splitter.end();
}

/**
 * The first record (the header) and a way to parse the rest of its piece: the header is checked
 * before anything else in the file is looked at.
 */
async function readHeader(
  pieces: AsyncIterator<CsvPiece>,
): Promise<{ header: string[]; rest: () => CsvRecord[] } | undefined> {
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
    const parser = new CsvParser(next.value.firstLine);
    const text = next.value.bytes.toString('utf8');
    let records: CsvRecord[] = [];
    let at = 0;
    while (records.length === 0 && at < text.length) {
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd === -1 ? text.length : lineEnd + 1;
      records = parser.feed(text.slice(at, end));
      at = end;
    }
    if (records.length === 0) records = parser.end();
    const [first, ...parsed] = records;
    if (first) {
      return {
        header: first.fields.map((h) => h.trim().toLowerCase()),
        rest: () => [...parsed, ...parser.feed(text.slice(at)), ...parser.end()],
      };
    }
  }
  return undefined;
}

/**
 * Imports a CSV file in ONE transaction: valid rows stream through COPY into a staging table and
 * are merged at the end, so an interrupted import (even kill -9) leaves nothing behind and can
 * simply be run again. Every rejected row goes to the rejects file with its line, column and reason.
 *
 * The file is cut into pieces of whole records (CsvSplitter) that worker threads parse and check in
 * parallel (population.import.worker.ts); their results are taken in file order, so the rejects
 * file is in line order and the outcome does not depend on the number of workers.
 */
export async function importCsv<T>(
  pool: pg.Pool,
  kind: ImportKind<T>,
  file: string,
  options: {
    context: ValidationContext;
    rejectsFile?: string;
    onProgress?: (bytesRead: number, totalBytes: number) => void;
    /** Worker threads (0: check on this thread); by default one per core, up to 4, for files over 8 MB. */
    workers?: number;
    pieceBytes?: number;
    /** Called as each step ends, for benchmarks to see where the time goes. */
    onPhase?: (phase: string) => void;
  },
): Promise<ImportSummary> {
  const totalBytes = (await fs.stat(file)).size;
  const rejectsFile = options.rejectsFile ?? `${file}.rejects.csv`;
  const warningsFile = `${file}.warnings.csv`;
  let bytesRead = 0;
  const pieces = piecesOf(file, options.pieceBytes ?? PIECE_BYTES, (bytes) => {
    bytesRead += bytes;
    options.onProgress?.(bytesRead, totalBytes);
  });
  const first = await readHeader(pieces);
  if (first === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} is empty; it needs a header row. Nothing was imported.`,
    );
  }
  const { header } = first;
  checkHeader(header, kind.records.columns);

  const workerCount =
    options.workers ??
    (totalBytes < WORKER_THRESHOLD_BYTES ? 0 : Math.min(MAX_WORKERS, os.availableParallelism()));
  const setup: ImportWorkerSetup = {
    kind: kind.name,
    header,
    provinceCodes: [...options.context.provinceCodes],
    villageCodes: [...options.context.villageCodes],
    today: options.context.today,
  };
  const workers =
    workerCount > 0
      ? new WorkerPool<ImportWorkerTask, PieceResult>(
          new URL('./population.import.worker.ts', import.meta.url),
          setup,
          workerCount,
          (error) => {
            const { line, message } = error as ImportWorkerError;
            return line === undefined ? new Error(message) : new CsvSyntaxError(line, message);
          },
          {
            // A worker keeps little (the reference codes and one piece); its young generation,
            // where the rows live and die, decides its speed and most of its memory.
            maxOldGenerationSizeMb: 128,
            maxYoungGenerationSizeMb: Math.max(16, Math.floor(WORKERS_YOUNG_MB / workerCount)),
          },
        )
      : undefined;
  const rejects = await ReportWriter.open(rejectsFile);
  let warnings: ReportWriter | undefined;
  let rows = 0;
  const client = await pool.connect();
  let copy: ReturnType<typeof copyFrom> | undefined;
  try {
    await client.query('begin');
    await kind.createStaging(client);
    copy = client.query(
      copyFrom(`copy ${kind.stagingTable} (${kind.stagingColumns.join(', ')}) from stdin`),
    );
    const copyDone = finished(copy);
    copyDone.catch(() => undefined); // awaited below; when aborted, the error is the cause's
    // While every NIK is new, the merge need not look for repeats (dropped at the first repeat).
    let niks: NikSet | undefined = kind.records.uniqueNik ? new NikSet() : undefined;
    const stagedEvents = kind.records.addEvents ? new CountEvents() : undefined;

    const take = async (result: PieceResult) => {
      rows += result.rows;
      for (const reject of result.rejects) await rejects.write(reject);
      for (const warning of result.warnings) {
        warnings ??= await ReportWriter.open(warningsFile);
        await warnings.write(warning);
      }
      const { nikHigh, nikLow } = result;
      if (niks && nikHigh && nikLow) {
        for (let i = 0; i < nikHigh.length; i++) {
          if (!niks.addHalves(nikHigh[i] ?? 0, nikLow[i] ?? 0)) {
            niks = undefined;
            break;
          }
        }
      }
      if (niks && stagedEvents && result.events) stagedEvents.addPacked(result.events);
      const bytes = Buffer.from(result.copy.buffer, result.copy.byteOffset, result.copy.length);
      if (copy && !copy.write(bytes)) await once(copy, 'drain');
    };

    await take(processRecords(kind.records, header, options.context, first.rest()));
    const inFlight: Promise<PieceResult>[] = [];
    for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
      const { bytes, firstLine } = next.value;
      if (!workers) {
        const text = bytes.toString('utf8');
        await take(processPiece(kind.name, header, options.context, text, firstLine));
        continue;
      }
      // A copy of its own, so that the piece can be moved to the worker, not copied again.
      const own = new Uint8Array(bytes);
      const task = workers.run({ bytes: own, firstLine }, [own.buffer]);
      task.catch(() => undefined); // awaited in order below; an early failure is not "unhandled"
      inFlight.push(task);
      if (inFlight.length >= workerCount * 2) await take(await (inFlight.shift() as typeof task));
    }
    for (const task of inFlight) await take(await task);
    // The workers' memory is given back before the merge needs its own.
    await workers?.close();
    copy.end();
    await copyDone;
    copy = undefined;
    options.onPhase?.('streamed and checked');
    const knownUnique = niks !== undefined;
    niks = undefined; // 128 MB at 10 M people, not needed by the merge
    const merged = await kind.merge(client, {
      ...(options.onPhase ? { onPhase: options.onPhase } : {}),
      knownUnique,
      ...(knownUnique && stagedEvents ? { stagedEvents } : {}),
    });
    // Staging keeps no copy of each line; the few rows the merge refuses are read again.
    const refused = await linesOf(file, new Set(merged.rejects.map((r) => r.line)));
    for (const reject of merged.rejects)
      await rejects.write([
        reject.line,
        reject.column,
        reject.reason,
        refused.get(reject.line) ?? '',
      ] satisfies ReportLine);
    await client.query('commit');
    options.onPhase?.('committed');
    // After a large merge the planner's statistics are stale and its plans for the statistics
    // queries poor (measured: 121 ms instead of 25 ms for Indonesia at 200,000 people).
    if (merged.inserted + merged.updated > 10_000)
      await client.query(`analyze ${kind.analyzeTables.join(', ')}`);
    options.onPhase?.('analyzed');
    return {
      inserted: merged.inserted,
      updated: merged.updated,
      unchanged: merged.unchanged,
      rejected: rejects.count,
      warnings: warnings?.count ?? 0,
      rows,
      rejectsFile,
      warningsFile: warnings ? warningsFile : null,
    };
  } catch (error) {
    // A COPY still open must be aborted (CopyFail) before the connection takes another command.
    if (copy) {
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished(copy).catch(() => undefined);
    }
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pieces.return(undefined);
    await workers?.close();
    await rejects.close();
    await warnings?.close();
  }
}

/** The records starting on the given lines of a CSV file, as written there. */
async function linesOf(file: string, lines: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (lines.size === 0) return found;
  for await (const record of parseCsv(createReadStream(file))) {
    if (lines.has(record.line)) found.set(record.line, rawLine(record.fields));
    if (found.size === lines.size) break;
  }
  return found;
}

/** The outcome for one record of a batch sent over HTTP. */
export interface RecordResult {
  index: number;
  status: 'inserted' | 'updated' | 'unchanged' | 'rejected';
  problems?: readonly FieldProblem[];
  warnings?: readonly FieldProblem[];
}

export interface BatchResult {
  summary: MergeCounts & { rejected: number; warnings: number };
  results: RecordResult[];
}

/**
 * Merges a batch of records sent by an agency system, through the same validation, staging and
 * merge as a file import, in one transaction, and reports what happened to each record.
 */
export async function submitBatch<T>(
  pool: pg.Pool,
  kind: ImportKind<T>,
  records: readonly RawRecord[],
  options: { context: ValidationContext; actor: string },
): Promise<BatchResult> {
  const results: RecordResult[] = [];
  const staged: (string | number | null)[][] = [];
  records.forEach((record, index) => {
    const result = kind.records.validate(record, options.context);
    if (!result.ok) {
      results.push({ index, status: 'rejected', problems: result.problems });
      return;
    }
    results.push({
      index,
      status: 'unchanged',
      ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
    });
    // Staging lines are 1-based record positions.
    staged.push([index + 1, ...kind.records.stagingValues(result.record)]);
  });
  const client = await pool.connect();
  try {
    await client.query('begin');
    await kind.createStaging(client);
    await copyRows(client, kind.stagingTable, kind.stagingColumns, staged);
    const merged = await kind.merge(client, { withLines: true });
    for (const { line, existed } of merged.changedLines ?? []) {
      const result = results[line - 1];
      if (result) result.status = existed ? 'updated' : 'inserted';
    }
    for (const reject of merged.rejects) {
      const result = results[reject.line - 1];
      if (result) {
        result.status = 'rejected';
        result.problems = [{ column: reject.column, reason: reject.reason }];
      }
    }
    const count = (status: RecordResult['status']) =>
      results.filter((r) => r.status === status).length;
    const summary = {
      inserted: count('inserted'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      warnings: results.filter((r) => r.warnings).length,
    };
    await client.query('insert into audit_log (actor, action, details) values ($1, $2, $3)', [
      options.actor,
      `population.${kind.stagingTable.replace('_staging', '')}.submit`,
      summary,
    ]);
    await client.query('commit');
    return { summary, results };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
