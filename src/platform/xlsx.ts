import ExcelJS from 'exceljs';
import type { CsvRecord } from './csv.ts';
import { AppError } from './http/errors.ts';

/**
 * XLSX files for imports and exports (exceljs): the first worksheet read as records like the CSV
 * parser's, with the sheet's row numbers for rejection reports; a sheet written from a header and
 * rows.
 */
export function isXlsxFile(file: string): boolean {
  return file.toLowerCase().endsWith('.xlsx');
}

/** Text of a cell as a person sees it: numbers without grouping, dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function* readXlsxRecords(file: string): AsyncGenerator<CsvRecord> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} is not a readable XLSX workbook (${(error as Error).message}); save it again as .xlsx or export it as CSV.`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return;
  let width = 0;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (r === 1) width = row.cellCount;
    const fields: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++)
      fields.push(cellText(row.getCell(c).value).trim());
    while (fields.length > width && fields[fields.length - 1] === '') fields.pop();
    if (fields.every((f) => f === '')) continue;
    yield { line: r, fields };
  }
}

function workbookOf(
  sheetName: string,
  header: readonly string[],
  rows: Iterable<readonly (string | number)[]>,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return workbook;
}

export async function writeXlsx(
  file: string,
  sheetName: string,
  header: readonly string[],
  rows: Iterable<readonly (string | number)[]>,
): Promise<void> {
  await workbookOf(sheetName, header, rows).xlsx.writeFile(file);
}

/** The same workbook as bytes, for an HTTP download. */
export async function xlsxBytes(
  sheetName: string,
  header: readonly string[],
  rows: Iterable<readonly (string | number)[]>,
): Promise<Buffer> {
  return Buffer.from(await workbookOf(sheetName, header, rows).xlsx.writeBuffer());
}
