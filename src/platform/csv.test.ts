import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

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
