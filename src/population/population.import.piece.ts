import { copyTextValue } from '../platform/db/copy.ts';
import { CsvParser, toCsvLine, type CsvRecord } from '../platform/csv.ts';
import { CountEvents, epochDay, regionId, type PackedEvents } from './population.counts.ts';
import {
  IMMUNIZATION_COLUMNS,
  PERSON_COLUMNS,
  validateImmunization,
  validatePerson,
  type FieldProblem,
  type ImmunizationRecord,
  type PersonRecord,
  type RawRecord,
  type Validated,
  type ValidationContext,
} from './population.records.ts';

/**
 * The per-record half of an import: checking each record of a piece of a CSV file and turning the
 * valid ones into staging rows. It needs no database, so that pieces can be processed on worker
 * threads (population.import.worker.ts) while the importer streams their results into COPY.
 */

/** How one kind of record is checked and staged. */
export interface RecordKind<T> {
  readonly columns: { readonly required: readonly string[]; readonly optional: readonly string[] };
  /** Every column, in the order toRaw expects their positions. */
  readonly columnOrder: readonly string[];
  /**
   * A record's cells by column name, from its fields and the position of each column (in
   * columnOrder). Written out per kind, so that every record has one shape, which the validator
   * reads several times faster than an object built key by key from the header.
   */
  toRaw(fields: readonly string[], at: readonly number[]): RawRecord;
  validate(raw: RawRecord, context: ValidationContext): Validated<T>;
  stagingValues(record: T): (string | number | null)[];
  /** Adds a valid record's count events as if it were new (people), while streaming. */
  addEvents?(record: T, events: CountEvents): void;
  /** The NIK of a record that may appear only once per import (people), if any. */
  uniqueNik?(record: T): string;
}

export const PERSON_RECORDS: RecordKind<PersonRecord> = {
  columns: PERSON_COLUMNS,
  columnOrder: [...PERSON_COLUMNS.required, ...PERSON_COLUMNS.optional],
  toRaw: (f, at) => ({
    nik: f[at[0] ?? -1],
    name: f[at[1] ?? -1],
    sex: f[at[2] ?? -1],
    birth_date: f[at[3] ?? -1],
    village_code: f[at[4] ?? -1],
    family_card_number: f[at[5] ?? -1],
    mother_name: f[at[6] ?? -1],
    death_date: f[at[7] ?? -1],
  }),
  validate: validatePerson,
  stagingValues: (p) => [
    p.nik,
    p.name,
    p.sex,
    p.birthDate,
    p.villageCode,
    p.familyCardNumber,
    p.motherName,
    p.deathDate,
  ],
  uniqueNik: (p) => p.nik,
  addEvents: (p, events) =>
    events.addPerson(
      regionId(p.villageCode),
      epochDay(p.birthDate),
      p.deathDate === null ? null : epochDay(p.deathDate),
      1,
    ),
};

export const IMMUNIZATION_RECORDS: RecordKind<ImmunizationRecord> = {
  columns: IMMUNIZATION_COLUMNS,
  columnOrder: [...IMMUNIZATION_COLUMNS.required, ...IMMUNIZATION_COLUMNS.optional],
  toRaw: (f, at) => ({
    nik: f[at[0] ?? -1],
    vaccine: f[at[1] ?? -1],
    dose: f[at[2] ?? -1],
    date: f[at[3] ?? -1],
    facility_village_code: f[at[4] ?? -1],
  }),
  validate: validateImmunization,
  stagingValues: (i) => [i.nik, i.vaccine, i.dose, i.date, i.facilityVillageCode],
};

export type RecordKindName = 'people' | 'immunizations';

/** A line for the rejects or warnings file: line, columns, reason, the row as written. */
export type ReportLine = [number, string, string, string];

/** What processing a piece yields, in plain data that crosses threads. */
export interface PieceResult {
  rows: number;
  /** Staging rows in COPY text format (UTF-8), each starting with its line number. */
  copy: Uint8Array;
  rejects: ReportLine[];
  warnings: ReportLine[];
  /** The NIK of every staged row that must be unique, as its two 8-digit halves. */
  nikHigh?: Uint32Array;
  nikLow?: Uint32Array;
  /** Count events of the staged rows as if all were new (see RecordKind.addEvents). */
  events?: PackedEvents;
}

const encoder = new TextEncoder();

/** A record as it appeared in the file, for the rejects and warnings files. */
export function rawLine(fields: readonly string[]): string {
  return toCsvLine(fields).slice(0, -1);
}

function describe(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${p.column}: ${p.reason}`).join('; ');
}

/** Checks and stages the records of one piece (the header already checked and removed). */
export function processRecords<T>(
  kind: RecordKind<T>,
  header: readonly string[],
  context: ValidationContext,
  records: readonly CsvRecord[],
): PieceResult {
  const rejects: ReportLine[] = [];
  const warnings: ReportLine[] = [];
  const nikHigh = kind.uniqueNik ? new Uint32Array(records.length) : undefined;
  const nikLow = kind.uniqueNik ? new Uint32Array(records.length) : undefined;
  const events = kind.addEvents ? new CountEvents() : undefined;
  let staged = 0;
  let copy = '';
  // Where each of the kind's columns is in the header (missing: past the end, so undefined).
  const at = kind.columnOrder.map((column) => {
    const index = header.indexOf(column);
    return index === -1 ? header.length : index;
  });
  for (const { line, fields } of records) {
    if (fields.length !== header.length) {
      rejects.push([
        line,
        '',
        `has ${fields.length} fields; the header has ${header.length}`,
        rawLine(fields),
      ]);
      continue;
    }
    const result = kind.validate(kind.toRaw(fields, at), context);
    if (!result.ok) {
      const columns = result.problems.map((p) => p.column).join(';');
      rejects.push([line, columns, describe(result.problems), rawLine(fields)]);
      continue;
    }
    if (result.warnings.length > 0) {
      const columns = result.warnings.map((w) => w.column).join(';');
      warnings.push([line, columns, describe(result.warnings), rawLine(fields)]);
    }
    if (kind.uniqueNik && nikHigh && nikLow) {
      const nik = kind.uniqueNik(result.record);
      nikHigh[staged] = Number(nik.slice(0, 8));
      nikLow[staged] = Number(nik.slice(8));
    }
    if (events) kind.addEvents?.(result.record, events);
    staged++;
    let row = String(line);
    for (const value of kind.stagingValues(result.record)) row += '\t' + copyTextValue(value);
    copy += row + '\n';
  }
  return {
    rows: records.length,
    copy: encoder.encode(copy),
    rejects,
    warnings,
    ...(nikHigh && nikLow
      ? { nikHigh: nikHigh.slice(0, staged), nikLow: nikLow.slice(0, staged) }
      : {}),
    ...(events ? { events: events.packed() } : {}),
  };
}

/** Parses one piece of a CSV file, starting on `firstLine`, and checks and stages its records. */
export function processPiece(
  kind: RecordKindName,
  header: readonly string[],
  context: ValidationContext,
  text: string,
  firstLine: number,
): PieceResult {
  const parser = new CsvParser(firstLine);
  const records = parser.feed(text);
  records.push(...parser.end());
  return kind === 'people'
    ? processRecords(PERSON_RECORDS, header, context, records)
    : processRecords(IMMUNIZATION_RECORDS, header, context, records);
}

/** The buffers of a result that can be moved to another thread rather than copied. */
export function transferables(result: PieceResult): ArrayBuffer[] {
  const buffers = [result.copy, result.nikHigh, result.nikLow]
    .filter((b) => b !== undefined)
    .map((b) => b.buffer);
  for (const { plus, minus } of result.events ?? []) buffers.push(plus.buffer, minus.buffer);
  return buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
