import ExcelJS from 'exceljs';
import { CoreError } from '../../errors';
import { cleanLines, leadingIndent } from './cells';
import type { Grid, GridCell } from './types';

type Value = ExcelJS.CellValue;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Formula results carry float noise (0.1 + 0.2); 12 significant digits is plenty for points. */
function tidyNumber(n: number): number {
  return Number(n.toPrecision(12));
}

function numberText(n: number, numFmt: string | undefined): string {
  const t = tidyNumber(n);
  if (numFmt && numFmt.includes('%')) return `${tidyNumber(t * 100)}%`;
  return String(t);
}

function fromValue(v: Value, cell: ExcelJS.Cell): GridCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return { text: numberText(v, cell.numFmt), num: tidyNumber(v) };
  if (typeof v === 'string') return { text: cleanLines(v), indent: leadingIndent(v) };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: formatDate(v) };
  if (!isObj(v)) return undefined;
  if ('error' in v) return { text: '', error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { text: '', noResult: true };
    return fromValue(result as Value, cell);
  }
  if ('richText' in v) {
    const runs = (v as ExcelJS.CellRichTextValue).richText;
    const raw = runs.map((r) => r.text).join('');
    const inked = runs.filter((r) => r.text.trim() !== '');
    const cellBold = cell.font?.bold === true;
    const cellItalic = cell.font?.italic === true;
    return {
      text: cleanLines(raw),
      indent: leadingIndent(raw),
      bold: inked.length > 0 && inked.every((r) => r.font?.bold ?? cellBold),
      italic: inked.length > 0 && inked.every((r) => r.font?.italic ?? cellItalic),
    };
  }
  if ('hyperlink' in v) {
    const text = (v as { text?: unknown }).text;
    if (isObj(text) && 'richText' in text) return fromValue(text as unknown as Value, cell);
    return { text: cleanLines(String(text ?? '')) };
  }
  return undefined;
}

function convert(cell: ExcelJS.Cell): GridCell | undefined {
  const out = fromValue(cell.value, cell);
  if (!out) return undefined;
  if (out.bold === undefined && cell.font?.bold) out.bold = true;
  if (out.italic === undefined && cell.font?.italic) out.italic = true;
  const indent = (cell.alignment?.indent ?? 0) + (out.indent ?? 0);
  if (indent > 0) out.indent = indent;
  else delete out.indent;
  return out;
}

function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: (GridCell | undefined)[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      let g: GridCell | undefined;
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = cell.master;
        const m = convert(master);
        g = {
          text: '',
          merged: {
            text: m?.text ?? '',
            above: master.row < cell.row,
            left: master.col < cell.col,
          },
        };
        // Formatting of a merged block lives on its master.
        if (m?.bold) g.bold = true;
        if (m?.italic) g.italic = true;
      } else {
        g = convert(cell);
      }
      if (g) {
        out[c - 1] = g;
        width = Math.max(width, c);
      }
    });
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: ws.name, rows, width, hidden: ws.state !== 'visible' };
}

export async function readXlsxGrids(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new CoreError(
      'BAD_FILE',
      `Không đọc được bảng tính “${fileName}”: tệp bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở bằng Excel, lưu lại rồi nhập lại.`,
    );
  }
  return wb.worksheets.map(sheetGrid);
}
