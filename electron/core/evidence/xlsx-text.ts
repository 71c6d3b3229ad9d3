import ExcelJS from 'exceljs';
import { CoreError } from '../errors';

/**
 * Cell text of every sheet of an XLSX (NFC), for search: one line per row, cells separated by
 * tabs, sheets by a blank line under their name. Read as a stream and stopped at `cap`
 * characters, so a workbook of a million rows costs no more than its first part.
 */
export async function xlsxText(filePath: string, cap: number): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    outer: for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name;
      if (name) parts.push(`${parts.length ? '\n' : ''}${name}`);
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell) => {
          const t = cellText(cell);
          if (t) cells.push(t);
        });
        if (cells.length === 0) continue;
        const line = cells.join('\t');
        parts.push(line);
        length += line.length + 1;
        if (length >= cap) break outer;
      }
    }
  } catch (e) {
    throw new CoreError('BAD_FILE', 'Không đọc được nội dung tệp Excel (.xlsx).', {
      path: filePath,
      cause: e instanceof Error ? e.message : String(e),
    });
  }
  return parts.join('\n').normalize('NFC').slice(0, cap);
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text.replace(/\s+/g, ' ').trim();
  } catch {
    return typeof cell.value === 'string' ? cell.value.trim() : '';
  }
}
