import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** One parsed CSV record with the (1-based) line on which it starts, for rejection reports. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** A CSV syntax error, with the line on which the broken record starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Streams RFC 4180 CSV (comma separated, fields optionally in double quotes, "" for a quote inside
 * quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark) record by record. The parser is a
 * small state machine, so a quote or a CRLF split across two chunks is handled.
 */
const SPECIAL = /[,"\r\n]/g;

export async function* parseCsv(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<CsvRecord> {
  // fieldStart: nothing read in this field yet; unquoted/quoted: inside a field; quoteInQuoted: a
  // quote inside a quoted field, which either doubles ("") or closes it; closed: after the closing quote.
  type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'closed';
  let state: State = 'fieldStart';
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let first = true;
  let afterCr = false;

  const takeRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const record = { line: recordLine, fields };
    field = '';
    fields = [];
    state = 'fieldStart';
    // A blank line is not a record.
    return record.fields.length === 1 && record.fields[0] === '' ? undefined : record;
  };

  // A multi-byte character may be split between two chunks; the decoder keeps the partial bytes.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // Runs of ordinary characters are copied with one slice; only , " CR and LF are looked at alone.
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (afterCr) {
        afterCr = false;
        if (text.charCodeAt(i) === 10) {
          i++;
          continue;
        }
      }
      if (state === 'quoted') {
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? length : quote;
        for (let nl = text.indexOf('\n', i); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1))
          line++;
        field += text.slice(i, end);
        if (quote !== -1) state = 'quoteInQuoted';
        i = end + 1;
        continue;
      }
      const c = text[i];
      if (state === 'quoteInQuoted') {
        if (c === '"') {
          field += '"';
          state = 'quoted';
          i++;
          continue;
        }
        state = 'closed';
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        state = 'fieldStart';
        i++;
      } else if (c === '\n' || c === '\r') {
        const record = takeRecord();
        if (record) yield record;
        line++;
        recordLine = line;
        afterCr = c === '\r';
        i++;
      } else if (state === 'closed') {
        throw new CsvSyntaxError(
          recordLine,
          'text after a closing quote; a quoted field must end at a comma or line end',
        );
      } else if (c === '"') {
        if (state === 'unquoted') {
          throw new CsvSyntaxError(
            recordLine,
            'a double quote inside an unquoted field; quote the whole field and double the quote ("")',
          );
        }
        state = 'quoted';
        i++;
      } else {
        SPECIAL.lastIndex = i;
        const end = SPECIAL.exec(text)?.index ?? length;
        field += text.slice(i, end);
        state = 'unquoted';
        i = end;
      }
    }
  }
  if (state === 'quoted') throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  const record = takeRecord();
  if (record) yield record;
}

/** Parses a CSV file with a header row into objects keyed by header name. */
export async function* readCsvObjects(
  file: string,
): AsyncGenerator<{ line: number; row: Record<string, string> }> {
  let header: string[] | undefined;
  for await (const record of parseCsv(createReadStream(file, { encoding: 'utf8' }))) {
    if (header === undefined) {
      header = record.fields.map((h) => h.trim());
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = record.fields[i] ?? ''));
    yield { line: record.line, row };
  }
}

/** One CSV line (with a trailing newline), quoting fields that need it. */
export function toCsvLine(fields: readonly (string | number)[]): string {
  return (
    fields
      .map((field) => {
        const text = String(field);
        return /[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ')
          ? `"${text.replace(/"/g, '""')}"`
          : text;
      })
      .join(',') + '\n'
  );
}
