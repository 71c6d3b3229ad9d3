import { pointsFromNumber, tryParsePoints, type Hundredths } from '../../../../shared/points';
import { foldVi } from '../../../../shared/text';
import { cellAt, cellRef, excerpt, rowIsBlank } from './cells';
import { parseCode, splitLeadingCode, stripOwnCode, type ParsedCode } from './codes';
import { isNumberingRow, normHeader, type HeaderInfo } from './headers';
import type { Grid, GridCell, ImportField, ImportWarning } from './types';

/** Descriptive columns: copied down a vertical merge, appended from continuation rows. */
export const TEXT_FIELDS = [
  'scoringGuide',
  'evidenceGuide',
  'leadOffice',
  'coopOffices',
  'note',
  'task',
  'target',
  'deadline',
  'kind',
  'scoringOptions',
  'evidenceSlots',
] as const satisfies readonly ImportField[];
export type TextField = (typeof TEXT_FIELDS)[number];

export interface RowFormat {
  bold: boolean;
  italic: boolean;
  upper: boolean;
  indent: number;
}

export interface RowRecord {
  /** 1-based sheet row. */
  row: number;
  code: ParsedCode | null;
  title: string;
  points: Hundredths | null;
  pointsRef?: string;
  /** Scoring step from a "Bước chấm" column. */
  step: Hundredths | null;
  /** Cell of each mapped column on the record's own row ('C23'), for warnings. */
  refs: Partial<Record<ImportField, string>>;
  texts: Partial<Record<TextField, string>>;
  fmt: RowFormat;
}

export interface TotalRow {
  row: number;
  points: Hundredths | null;
  ref?: string;
}

export interface Extracted {
  records: RowRecord[];
  totals: TotalRow[];
}

const TOTAL_RE = /^(tong|cong)( cong| so| diem| toi da)*\s*(\(.*\))?\s*:?$/;
/** What follows a table: notes, the signature block. */
const FOOTER_RE =
  /^(ghi chu|luu y|nguoi lap|thu truong|noi nhan|xac nhan|chu tich|pho chu tich|giam doc|tm\.|kt\.)/;

/** Rows of actual content under the header (what the 5,000-row limit counts). */
export function countDataRows(grid: Grid, header: HeaderInfo): number {
  let n = 0;
  for (let r = header.row + header.rows; r < grid.rows.length; r++) if (!rowIsBlank(grid, r)) n++;
  return n;
}

function fmtOf(cell: GridCell | undefined, title: string): RowFormat {
  const letters = title.replace(/[^\p{L}]/gu, '');
  return {
    bold: cell?.bold === true,
    italic: cell?.italic === true,
    upper: letters.length >= 3 && letters === letters.toLocaleUpperCase('vi'),
    indent: cell?.indent ?? 0,
  };
}

/** "0,5", "0.5", "(1)", "–1", "2 điểm", a number cell, a formula's cached number. */
function readPoints(
  cell: GridCell | undefined,
  ref: string,
  warnings: ImportWarning[],
): Hundredths | null {
  if (!cell || cell.merged) return null;
  if (cell.error || cell.noResult) return null; // reported with the other cell errors
  if (cell.num !== undefined) {
    try {
      return pointsFromNumber(cell.num);
    } catch {
      warnings.push({
        cell: ref,
        message: `Ô ${ref}: điểm ${cell.text} có quá 2 chữ số thập phân, bỏ qua`,
      });
      return null;
    }
  }
  const raw = cell.text.trim();
  if (raw === '' || /^[-–—x/]$/i.test(raw)) return null;
  const t = raw
    .replace(/[–—−]/g, '-')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\s*(điểm|đ)\.?$/iu, '');
  const h = tryParsePoints(t);
  if (h === null)
    warnings.push({ cell: ref, message: `Ô ${ref}: điểm "${raw}" không đọc được, bỏ qua` });
  return h;
}

function headerWords(grid: Grid, header: HeaderInfo): Set<string> {
  const words = new Set<string>();
  for (let r = header.row; r < header.row + header.rows; r++) {
    for (const c of grid.rows[r] ?? []) if (c && !c.merged && c.text) words.add(normHeader(c.text));
  }
  return words;
}

export function extractRecords(
  grid: Grid,
  header: HeaderInfo,
  warnings: ImportWarning[],
): Extracted {
  const col = (f: ImportField) => header.fields.get(f);
  const records: RowRecord[] = [];
  const totals: TotalRow[] = [];
  const repeated = headerWords(grid, header);
  const mappedCols = [...header.fields.values()].sort((a, b) => a - b);
  const lastNumByDepth = new Map<number, string>();

  for (let r = header.row + header.rows; r < grid.rows.length; r++) {
    if (rowIsBlank(grid, r) || isNumberingRow(grid, r)) continue;
    const row = grid.rows[r] ?? [];
    const ownCells = row.filter((c) => c && !c.merged && c.text !== '');
    // A header repeated on every printed page (common in Word tables).
    if (ownCells.length >= 2 && ownCells.every((c) => c && repeated.has(normHeader(c.text))))
      continue;

    for (const c of mappedCols) {
      const cell = row[c];
      const ref = cellRef(r, c);
      if (cell?.error)
        warnings.push({
          cell: ref,
          message: `Ô ${ref}: ô bị lỗi ${cell.error}, bỏ qua giá trị này`,
        });
      else if (cell?.noResult) {
        warnings.push({
          cell: ref,
          message: `Ô ${ref}: công thức chưa có kết quả tính sẵn, bỏ qua; hãy mở tệp bằng Excel, lưu lại rồi nhập lại`,
        });
      }
    }

    const at = (f: ImportField): GridCell | undefined => {
      const c = col(f);
      return c === undefined ? undefined : cellAt(grid, r, c);
    };
    const own = (f: ImportField) => {
      const c = at(f);
      return c && !c.merged ? c.text : '';
    };

    const codeText = own('code');
    let title = own('title').replace(/\n/g, ' ');
    let fmtCell = at('title');
    let code = parseCode(codeText);
    if (code && code.style === 'num' && code.depth === 2 && at('code')?.num !== undefined) {
      // Excel stores a typed 1.10 as the number 1.1; the sequence tells them apart.
      const prev = lastNumByDepth.get(2);
      const [a, b] = code.code.split('.');
      if (prev === `${a}.${Number(b) * 10 - 1}`) code = { ...code, code: `${a}.${Number(b) * 10}` };
    }
    if (codeText && !code) {
      const split = splitLeadingCode(codeText);
      if (split) {
        code = split.code;
        if (!title) title = split.rest.replace(/\n/g, ' ');
      } else if (!title) title = codeText.replace(/\n/g, ' ');
      if (!own('title')) fmtCell = at('code');
    }
    if (!code && title) {
      const split = splitLeadingCode(title);
      if (split) {
        code = split.code;
        title = split.rest;
      }
    } else if (code && title) title = stripOwnCode(title, code);
    if (code?.style === 'num') lastNumByDepth.set(code.depth, code.code);

    const pcol = col('maxPoints');
    const pref = pcol === undefined ? '' : cellRef(r, pcol);
    const points = pcol === undefined ? null : readPoints(at('maxPoints'), pref, warnings);
    const scol = col('step');
    const step = scol === undefined ? null : readPoints(at('step'), cellRef(r, scol), warnings);

    const folded = foldVi(title).replace(/\s+/g, ' ').trim();
    if ((!code || code.style === 'other') && TOTAL_RE.test(folded)) {
      totals.push({ row: r + 1, points, ...(points !== null ? { ref: pref } : {}) });
      continue;
    }
    const lone = ownCells.length === 1 ? ownCells[0]?.text : undefined;
    if (!code && points === null && lone && FOOTER_RE.test(foldVi(lone))) break;

    const texts: Partial<Record<TextField, string>> = {};
    const isNew = code !== null || title !== '';
    for (const f of TEXT_FIELDS) {
      const c = at(f);
      if (!c) continue;
      // A vertical merge (one office for several rows) applies to each new row it covers.
      const t = c.merged ? (isNew && c.merged.above ? c.merged.text : '') : c.text;
      if (t) texts[f] = t;
    }

    if (isNew) {
      if (!title) {
        warnings.push({
          cell: cellRef(r, col('title') ?? 0),
          message: `Dòng ${r + 1}: mã ${code?.code ?? ''} không có nội dung; đã đặt tạm tên, hãy sửa lại`,
        });
        title = `Tiêu chí ${code?.code ?? ''}`.trim();
      }
      records.push({
        row: r + 1,
        code,
        title,
        points,
        ...(points !== null ? { pointsRef: pref } : {}),
        step,
        refs: Object.fromEntries([...header.fields].map(([f, c]) => [f, cellRef(r, c)])),
        texts,
        fmt: fmtOf(fmtCell, title),
      });
      continue;
    }

    // No code, no title: more lines for the row above (a second task, another office…).
    const prev = records.at(-1);
    if (!prev) continue;
    if (points !== null) {
      warnings.push({
        cell: pref,
        message: `Ô ${pref}: có điểm nhưng dòng ${r + 1} không có mã hay nội dung, bỏ qua điểm này`,
      });
    }
    for (const [f, t] of Object.entries(texts) as [TextField, string][]) {
      const before = prev.texts[f];
      if (!before) prev.texts[f] = t;
      else if (!before.split('\n').includes(t)) {
        prev.texts[f] = `${before}${f === 'leadOffice' || f === 'deadline' ? '; ' : '\n'}${t}`;
      }
    }
  }
  return { records, totals };
}

/** Office lists: split on ; and line breaks; only when neither is used, also on commas unless
 * the next part is lower-case ("UBND các xã, thị trấn" is one office). A list that uses ";"
 * keeps commas inside names ("Phòng Kinh tế, Hạ tầng và Đô thị"). */
export function splitOffices(raw: string): string[] {
  const out: string[] = [];
  const byComma = !/[;\n]/.test(raw.trim());
  for (const part of raw.split(/[;\n]/)) {
    const pieces: string[] = [];
    for (const p of byComma ? part.split(',') : [part]) {
      const t = p.trim().replace(/^[-–+•]\s*/, '');
      if (!t) continue;
      const last = pieces.length - 1;
      if (last >= 0 && /^\p{Ll}/u.test(t)) pieces[last] = `${pieces[last]}, ${t}`;
      else pieces.push(t);
    }
    out.push(...pieces);
  }
  return [...new Set(out.map((o) => o.replace(/\.$/, '').trim()).filter((o) => o !== ''))];
}

export function describe(rec: { code: ParsedCode | null; title: string }): string {
  return rec.code &&
    rec.code.style !== 'dash' &&
    rec.code.style !== 'plus' &&
    rec.code.style !== 'star'
    ? rec.code.code
    : `“${excerpt(rec.title, 40)}”`;
}
