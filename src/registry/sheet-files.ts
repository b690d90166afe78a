/**
 * Spreadsheet files as rows of cells: `.xlsx` through exceljs, `.csv` through csv-parse and
 * csv-stringify. A CSV may come in UTF-8 or, as Excel saves it in China, GBK; it is written in
 * UTF-8 with a byte-order mark, which Excel needs to open Chinese text.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { IngestError } from '../core/errors.js';
import { decodeText } from '../ingest/decode-text.js';
import type { Cell } from './project-sheet.js';

export type SheetFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The format of a spreadsheet file, by its content first and its name second. */
export function sheetFormat(bytes: Uint8Array, path: string): SheetFormat {
  if (ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return 'xlsx';
  if (/\.xlsx$/i.test(path)) {
    throw new IngestError('SHEET_INVALID', path, 'XLSX 文件损坏：不是 ZIP 压缩包 (not a valid .xlsx file)');
  }
  return 'csv';
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

/** The rows of the file's first sheet, header first. */
export async function readSheet(bytes: Uint8Array, path: string): Promise<Cell[][]> {
  if (sheetFormat(bytes, path) === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch (error) {
      throw new IngestError(
        'SHEET_INVALID',
        path,
        `XLSX 文件损坏或不完整 (the .xlsx file is damaged): ${String(error)}`,
        {
          cause: error,
        },
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet)
      throw new IngestError('SHEET_INVALID', path, 'XLSX 文件中没有工作表 (the workbook has no sheet)');
    const rows: Cell[][] = [];
    // exceljs counts the columns over every row each time it is asked: asked once.
    const columns = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: Cell[] = [];
      for (let column = 1; column <= columns; column++) cells.push(cellValue(row.getCell(column).value));
      rows[number - 1] = cells;
    });
    return Array.from(rows, (row) => row ?? []);
  }
  const { text } = decodeText(bytes, path);
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as Cell[][];
  } catch (error) {
    throw new IngestError(
      'SHEET_INVALID',
      path,
      `CSV 文件无法解析 (cannot parse the CSV): ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** A file of the rows, header first: CSV in UTF-8 with a byte-order mark, or a one-sheet workbook. */
export async function writeSheet(
  rows: readonly (readonly Cell[])[],
  format: SheetFormat,
  sheetName: string,
): Promise<Buffer> {
  if (format === 'csv') {
    return Buffer.from(
      `\uFEFF${stringify(rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))))}`,
      'utf8',
    );
  }
  const workbook = new ExcelJS.Workbook();
  // A fixed time, so that the same rows give the same workbook.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [i, cell] of (rows[0] ?? []).entries()) {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, String(cell ?? '').length + 4));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
