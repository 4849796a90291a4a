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
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * What separates fields: RFC 4180's comma, or the semicolon that spreadsheets write where the
 * comma is the decimal sign (Excel set to Indonesian among them).
 */
export type CsvDelimiter = ',' | ';';

/**
 * The delimiter a header line uses: the semicolon when it has more semicolons than commas outside
 * quotes, else the comma.
 */
export function sniffDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function positionOf(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? Infinity : at;
}

/**
 * An RFC 4180 CSV parser (comma separated, or semicolon separated when asked; fields optionally in
 * double quotes, "" for a quote inside quotes, CRLF, LF or CR line ends) fed text piece by piece.
 * It is a small state machine, so a quote or a CRLF split across two pieces is handled. Lines are counted from `firstLine`, so that
 * a piece cut from the middle of a file (see CsvSplitter) reports the file's line numbers.
 */
export class CsvParser {
  // fieldStart: nothing read in this field yet; unquoted/quoted: inside a field; quoteInQuoted: a
  // quote inside a quoted field, which either doubles ("") or closes it; closed: after the closing quote.
  private state: 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'closed' = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line: number;
  private recordLine: number;
  private afterCr = false;

  private readonly special: RegExp;

  constructor(
    firstLine = 1,
    private readonly delimiter: CsvDelimiter = ',',
  ) {
    this.special = new RegExp(`[${delimiter}"\r\n]`, 'g');
    this.line = firstLine;
    this.recordLine = firstLine;
  }

  private takeRecord(records: CsvRecord[]): void {
    this.fields.push(this.field);
    const record = { line: this.recordLine, fields: this.fields };
    this.field = '';
    this.fields = [];
    this.state = 'fieldStart';
    // A blank line is not a record.
    if (!(record.fields.length === 1 && record.fields[0] === '')) records.push(record);
  }

  /** The records completed by this piece of text. */
  feed(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    // Runs of ordinary characters are copied with one slice; only the delimiter, ", CR and LF are
    // looked at alone.
    const length = text.length;
    let i = 0;
    // Where the next quote and CR are (Infinity: none): a line without either is split whole.
    let nextQuote = -1;
    let nextCr = -1;
    while (i < length) {
      if (this.afterCr) {
        this.afterCr = false;
        if (text.charCodeAt(i) === 10) {
          i++;
          continue;
        }
      }
      if (this.state === 'fieldStart' && this.fields.length === 0) {
        // The fast path, at the start of a record: most lines have no quotes and end with LF.
        const lineEnd = text.indexOf('\n', i);
        if (nextQuote < i) nextQuote = positionOf(text, '"', i);
        if (nextCr < i) nextCr = positionOf(text, '\r', i);
        const end = nextCr === lineEnd - 1 ? lineEnd - 1 : lineEnd;
        if (lineEnd !== -1 && nextQuote > lineEnd && (nextCr > lineEnd || nextCr === end)) {
          if (end > i)
            records.push({ line: this.line, fields: text.slice(i, end).split(this.delimiter) });
          this.line++;
          this.recordLine = this.line;
          i = lineEnd + 1;
          continue;
        }
      }
      if (this.state === 'quoted') {
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? length : quote;
        for (let nl = text.indexOf('\n', i); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1))
          this.line++;
        this.field += text.slice(i, end);
        if (quote !== -1) this.state = 'quoteInQuoted';
        i = end + 1;
        continue;
      }
      const c = text[i];
      if (this.state === 'quoteInQuoted') {
        if (c === '"') {
          this.field += '"';
          this.state = 'quoted';
          i++;
          continue;
        }
        this.state = 'closed';
      }
      if (c === this.delimiter) {
        this.fields.push(this.field);
        this.field = '';
        this.state = 'fieldStart';
        i++;
      } else if (c === '\n' || c === '\r') {
        this.takeRecord(records);
        this.line++;
        this.recordLine = this.line;
        this.afterCr = c === '\r';
        i++;
      } else if (this.state === 'closed') {
        throw new CsvSyntaxError(
          this.recordLine,
          `text after a closing quote; a quoted field must end at a ${this.delimiter === ',' ? 'comma' : 'semicolon'} or line end`,
        );
      } else if (c === '"') {
        if (this.state === 'unquoted') {
          throw new CsvSyntaxError(
            this.recordLine,
            'a double quote inside an unquoted field; quote the whole field and double the quote ("")',
          );
        }
        this.state = 'quoted';
        i++;
      } else {
        this.special.lastIndex = i;
        const end = this.special.exec(text)?.index ?? length;
        this.field += text.slice(i, end);
        this.state = 'unquoted';
        i = end;
      }
    }
    return records;
  }

  /** The last record, if the text did not end with a line end. */
  end(): CsvRecord[] {
    if (this.state === 'quoted')
      throw new CsvSyntaxError(this.recordLine, 'a quoted field is never closed');
    const records: CsvRecord[] = [];
    this.takeRecord(records);
    return records;
  }
}

/**
 * Streams CSV (see CsvParser; an optional UTF-8 byte-order mark is skipped) record by record.
 * With `delimiter: 'auto'` the header line decides between comma and semicolon (sniffDelimiter).
 */
export async function* parseCsv(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options: { delimiter?: CsvDelimiter | 'auto' } = {},
): AsyncGenerator<CsvRecord> {
  const wanted = options.delimiter ?? ',';
  let parser = wanted === 'auto' ? undefined : new CsvParser(1, wanted);
  let first = true;
  // A multi-byte character may be split between two chunks; the decoder keeps the partial bytes.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    parser ??= new CsvParser(1, sniffDelimiter(text));
    yield* parser.feed(text);
  }
  yield* (parser ?? new CsvParser()).end();
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A run of whole CSV records cut from a file, with the line on which it starts. */
export interface CsvPiece {
  readonly bytes: Buffer;
  readonly firstLine: number;
}

/**
 * Cuts a CSV byte stream into pieces of whole records (about `size` bytes each) without parsing
 * them, so that the pieces can be parsed in parallel. A line end outside quotes ends a record, and
 * a byte is outside quotes when the quotes before it are even in number ("" inside a quoted field
 * counts twice); input that breaks this rule is a syntax error that the piece's parser reports.
 * Lines are counted as CsvParser counts them, so that each piece knows the line it starts on.
 */
export class CsvSplitter {
  /** Bytes not yet cut off, the line they start on, and how far they have been scanned. */
  private carry: Buffer = Buffer.alloc(0);
  private carryLine = 1;
  private scanned = 0;
  private inQuotes = false;
  private line = 1;
  private started = false;

  constructor(private readonly size = 1 << 20) {}

  /** The pieces completed by these bytes. */
  push(bytes: Buffer): CsvPiece[] {
    this.carry = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    if (!this.started) {
      if (this.carry.length < 3) return [];
      this.started = true;
      if (this.carry[0] === 0xef && this.carry[1] === 0xbb && this.carry[2] === 0xbf)
        this.carry = this.carry.subarray(3);
    }
    const pieces: CsvPiece[] = [];
    for (let cut = this.nextCut(); cut !== undefined; cut = this.nextCut()) {
      pieces.push({ bytes: this.carry.subarray(0, cut), firstLine: this.carryLine });
      this.carry = this.carry.subarray(cut);
      this.scanned -= cut;
      this.carryLine = this.line;
    }
    return pieces;
  }

  /** The rest of the stream, as the last piece. */
  end(): CsvPiece[] {
    if (!this.started && this.carry.toString('utf8').startsWith('\ufeff'))
      this.carry = this.carry.subarray(3);
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length === 0 ? [] : [{ bytes: rest, firstLine: this.carryLine }];
  }

  /** Scans on; the position after the first record end at or beyond `size` bytes, if any yet. */
  private nextCut(): number | undefined {
    const bytes = this.carry;
    // A CR at the very end may be the first half of a CRLF: it is looked at when more bytes arrive.
    const end = bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    let i = this.scanned;
    for (; i < end; i++) {
      const b = bytes[i];
      if (b === QUOTE) {
        this.inQuotes = !this.inQuotes;
      } else if (b === LF) {
        this.line++;
        if (!this.inQuotes && i + 1 >= this.size) {
          this.scanned = i + 1;
          return i + 1;
        }
      } else if (b === CR && !this.inQuotes) {
        this.line++;
        if (bytes[i + 1] === LF) i++;
        if (i + 1 >= this.size) {
          this.scanned = i + 1;
          return i + 1;
        }
      }
    }
    this.scanned = i;
    return undefined;
  }
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

/** How a text file's bytes were read. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/**
 * A whole text file's bytes as text: UTF-8 (a byte-order mark is left for the parser), or, when the
 * bytes are not valid UTF-8, Windows-1252 — what spreadsheets on Windows save as "CSV" — rather
 * than replacement characters in place of every accented letter or typographic dash.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node's TextDecoder reads "windows-1252" as Latin-1; the two differ only at 0x80–0x9F.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('latin1')
      .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
    return { text, encoding: 'windows-1252' };
  }
}

/** Windows-1252 at 0x80–0x9F (WHATWG's table; its five unassigned bytes stay C1 controls). */
const WINDOWS_1252_HIGH = [
  '\u20ac',
  '\x81',
  '\u201a',
  '\u0192',
  '\u201e',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02c6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  '\x8d',
  '\u017d',
  '\x8f',
  '\x90',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02dc',
  '\u2122',
  '\u0161',
  '\u203a',
  '\u0153',
  '\x9d',
  '\u017e',
  '\u0178',
];
