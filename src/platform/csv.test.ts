import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvParser,
  CsvSplitter,
  CsvSyntaxError,
  decodeText,
  parseCsv,
  sniffDelimiter,
} from './csv.ts';

async function parse(chunks: string[]) {
  const records = [];
  for await (const record of parseCsv(chunks)) records.push(record);
  return records;
}

function toCsv(rows: string[][]): string {
  return rows
    .map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
    .join('\r\n');
}

describe('parseCsv', () => {
  it('parses quoted fields, doubled quotes, CRLF and a byte-order mark, with line numbers', async () => {
    const records = await parse([
      '\uFEFFcode,name\r\n12.07.28.1007,"Lubuk Pakam I,II"\r\n35.13.15.2017,"Soka""an"\n"a\nb",c\n',
    ]);
    expect(records).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 2, fields: ['12.07.28.1007', 'Lubuk Pakam I,II'] },
      { line: 3, fields: ['35.13.15.2017', 'Soka"an'] },
      { line: 4, fields: ['a\nb', 'c'] },
    ]);
  });

  it('reports broken quoting with the line', async () => {
    await expect(parse(['a,b\nx,"open\n'])).rejects.toThrow(CsvSyntaxError);
    await expect(parse(['a,b\nx,"y"z\n'])).rejects.toThrow(/line 2/);
    await expect(parse(['a,b\nx,y"z\n'])).rejects.toThrow(/line 2/);
  });

  it('gives the same records however the text is split into chunks', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é') });
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 })
          .filter((rows) => rows.every((r) => r.join('') !== '')),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, cuts) => {
          const text = toCsv(rows);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, text.length]
            .slice(1)
            .map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
          const records = await parse(chunks);
          expect(records.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});

describe('semicolon-separated CSV (spreadsheets where the comma is the decimal sign)', () => {
  it('tells the delimiter from the header line, outside quotes', () => {
    expect(sniffDelimiter('id;name;acronym;description\r\n1;a,b;c;d')).toBe(';');
    expect(sniffDelimiter('id,name,acronym,description\n1;2;3;4;5;6')).toBe(',');
    expect(sniffDelimiter('"a;b;c",d,e\n')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('parses a semicolon file with quotes, commas inside fields and line numbers', async () => {
    const text = '\uFEFFid;name\r\n1;Cepat, Akurat\r\n2;"a;b ""c"""\n';
    const records = [];
    for await (const record of parseCsv([text], { delimiter: 'auto' })) records.push(record);
    expect(records).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Cepat, Akurat'] },
      { line: 3, fields: ['2', 'a;b "c"'] },
    ]);
  });

  it('names the semicolon when a quoted field runs on', () => {
    expect(() => new CsvParser(1, ';').feed('a;"b"c\n')).toThrow(/semicolon/);
  });

  it('stays comma-separated unless asked to look', async () => {
    const records = [];
    for await (const record of parseCsv(['id;name\n1;2\n'])) records.push(record);
    expect(records.map((r) => r.fields)).toEqual([['id;name'], ['1;2']]);
  });
});

describe('decodeText', () => {
  it('keeps UTF-8, and reads other bytes as Windows-1252', () => {
    expect(decodeText(Buffer.from('Caf\u00e9 \u2013 \u20ac', 'utf8'))).toEqual({
      text: 'Caf\u00e9 \u2013 \u20ac',
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80, 0x81]))).toEqual(
      {
        text: 'Caf\u00e9 \u2013 \u20ac\x81',
        encoding: 'windows-1252',
      },
    );
  });
});

/** Parses every piece on its own, from its first line, and reports the first error as parseCsv would. */
function parsePieces(text: string, size: number, cuts: number[]) {
  const bytes = Buffer.from(text);
  const splitter = new CsvSplitter(size);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...points, bytes.length]
    .slice(1)
    .flatMap((end, i, all) => splitter.push(bytes.subarray(i === 0 ? 0 : all[i - 1], end)));
  pieces.push(...splitter.end());
  const records = [];
  for (const piece of pieces) {
    const parser = new CsvParser(piece.firstLine);
    records.push(...parser.feed(piece.bytes.toString('utf8')), ...parser.end());
  }
  return { records, pieces };
}

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error instanceof CsvSyntaxError ? error.message : error;
  }
}

describe('CsvSplitter', () => {
  it('cuts between records, never inside quotes, and counts lines as the parser does', () => {
    const text = 'a,b\r\n"x\ny",1\r\n\nc,"d\r\ne"\rlast,2';
    const { records, pieces } = parsePieces(text, 1, [3, 9]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '1'] },
      { line: 5, fields: ['c', 'd\r\ne'] },
      { line: 7, fields: ['last', '2'] },
    ]);
    expect(pieces.map((p) => p.firstLine)).toEqual([1, 2, 4, 5, 7]);
  });

  it('skips a byte-order mark only at the start', () => {
    const { records } = parsePieces('\uFEFFa,b\n\uFEFFc,d\n', 2, [1, 2, 6]);
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['\uFEFFc', 'd'],
    ]);
  });

  it('gives the records (or the first error) of parsing the whole text, for any cuts and sizes', async () => {
    const unit = fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', 'é', '""');
    await fc.assert(
      fc.asyncProperty(
        fc.array(unit, { maxLength: 40 }).map((units) => units.join('')),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, size, cuts) => {
          const whole = await outcome(() => parse([text]));
          const pieces = await outcome(() => parsePieces(text, size, cuts).records);
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
