import { foldVi } from '../../../../shared/text';
import { cellAt, ownText, shownText } from './cells';
import { parseCode } from './codes';
import type { Grid, ImportField } from './types';

/** How far down a sheet the header may start (title blocks are rarely longer). */
export const HEADER_SCAN_ROWS = 30;
const MAX_HEADER_COLUMNS = 100;

type Rule = [pattern: string, score: number];

/**
 * Header phrases per field, folded (no diacritics). A phrase matches whole words; the highest
 * score wins, and columns are assigned greedily so "Hướng dẫn chấm" beats "Nội dung…" etc.
 */
const RULES: Record<ImportField, { exact?: Rule[]; contains?: Rule[]; not?: string[] }> = {
  code: {
    exact: [
      ['stt', 10],
      ['tt', 10],
      ['so tt', 10],
      ['so thu tu', 10],
      ['thu tu', 9],
      ['ma', 10],
      ['ma so', 10],
      ['ma tieu chi', 10],
      ['ma tc', 10],
      ['ky hieu', 8],
    ],
  },
  title: {
    contains: [
      ['linh vuc', 8],
      ['tieu chi', 8],
      ['noi dung', 8],
      ['chi so noi dung', 9],
      ['ten tieu chi', 9],
      ['tieu chi thanh phan', 9],
      ['chi so', 5],
      ['ten', 3],
    ],
    not: ['diem', 'kiem chung', 'huong dan'],
  },
  maxPoints: {
    contains: [
      ['diem toi da', 10],
      ['diem chuan', 10],
      ['thang diem', 10],
      ['so diem toi da', 10],
      ['toi da', 7],
      ['so diem', 6],
      ['diem', 5],
    ],
    not: [
      'tu cham',
      'tu danh gia',
      'tham dinh',
      'dat duoc',
      'dat',
      'thuc te',
      'de xuat',
      'ket qua',
      'thuong',
      'tru',
      'huong dan',
      'cach cham',
      'phuong phap',
      'phuong an',
      'buoc',
      'muc cham',
    ],
  },
  scoringGuide: {
    contains: [
      ['huong dan cham', 10],
      ['huong dan cham diem', 10],
      ['cach cham', 10],
      ['cach cham diem', 10],
      ['phuong phap cham', 10],
      ['phuong phap cham diem', 10],
      ['cach tinh diem', 10],
      ['huong dan danh gia', 9],
      ['phuong phap danh gia', 9],
      ['huong dan', 6],
      ['cach tinh', 6],
    ],
    not: ['kiem chung', 'tlkc'],
  },
  evidenceGuide: {
    contains: [
      ['tai lieu kiem chung', 10],
      ['tlkc', 10],
      ['ho so kiem chung', 10],
      ['kiem chung', 8],
      ['minh chung', 8],
      ['tai lieu', 5],
    ],
    not: ['bat buoc'],
  },
  leadOffice: {
    contains: [
      ['don vi chu tri', 10],
      ['co quan chu tri', 10],
      ['chu tri', 9],
      ['don vi thuc hien', 5],
      ['co quan thuc hien', 5],
      ['don vi phu trach', 6],
      ['phu trach', 5],
      ['trach nhiem', 4],
      ['don vi', 3],
    ],
    not: ['phoi hop'],
  },
  coopOffices: {
    contains: [
      ['don vi phoi hop', 10],
      ['co quan phoi hop', 10],
      ['phoi hop', 9],
      ['don vi thuc hien', 4],
      ['co quan thuc hien', 4],
    ],
    not: ['chu tri'],
  },
  note: { contains: [['ghi chu', 10]] },
  task: {
    contains: [
      ['nhiem vu', 10],
      ['nhiem vu trong tam', 10],
      ['giai phap', 6],
    ],
  },
  target: {
    contains: [
      ['chi tieu', 10],
      ['muc tieu', 7],
      ['ket qua can dat', 7],
    ],
    // "tiêu chí tiêu chí" folds to a string that contains "chi tieu".
    not: ['tieu chi'],
  },
  deadline: {
    contains: [
      ['thoi gian', 10],
      ['thoi han', 10],
      ['han hoan thanh', 9],
      ['tien do', 7],
    ],
  },
  scoringOptions: {
    contains: [
      ['phuong an cham', 10],
      ['phuong an cham diem', 10],
      ['cac muc cham', 9],
      ['muc cham diem', 8],
    ],
  },
  evidenceSlots: {
    contains: [
      ['tai lieu bat buoc', 10],
      ['tai lieu kiem chung bat buoc', 10],
      ['minh chung bat buoc', 10],
    ],
  },
  step: {
    contains: [
      ['buoc cham', 10],
      ['buoc cham diem', 10],
      ['buoc diem', 10],
    ],
  },
  kind: {
    exact: [
      ['loai', 10],
      ['loai tieu chi', 10],
      ['hinh thuc danh gia', 8],
      ['phuong thuc danh gia', 8],
    ],
  },
};

/** Folded, punctuation as spaces, single-spaced: "Điểm tối đa (điểm)" → "diem toi da diem". */
export function normHeader(s: string): string {
  return foldVi(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function hasWords(hay: string, words: string): boolean {
  return ` ${hay} `.includes(` ${words} `);
}

/** Best score per field for one header text. */
export function fieldScores(header: string): Map<ImportField, number> {
  const out = new Map<ImportField, number>();
  const h = normHeader(header);
  if (h === '' || h.length > 80) return out;
  for (const [field, rule] of Object.entries(RULES) as [
    ImportField,
    (typeof RULES)[ImportField],
  ][]) {
    let best = 0;
    for (const [p, s] of rule.exact ?? []) if (h === p) best = Math.max(best, s);
    for (const [p, s] of rule.contains ?? []) if (hasWords(h, p)) best = Math.max(best, s);
    if ((rule.not ?? []).some((n) => hasWords(h, n))) best = 0;
    if (best > 0) out.set(field, best);
  }
  return out;
}

/** Greedy assignment: highest score first, each field and each column used once. */
export function assignColumns(texts: string[]): Map<ImportField, number> {
  const cands: { field: ImportField; col: number; score: number }[] = [];
  texts.forEach((t, col) => {
    for (const [field, score] of fieldScores(t)) cands.push({ field, col, score });
  });
  cands.sort((a, b) => b.score - a.score || a.col - b.col);
  const fields = new Map<ImportField, number>();
  const used = new Set<number>();
  for (const c of cands) {
    if (fields.has(c.field) || used.has(c.col)) continue;
    fields.set(c.field, c.col);
    used.add(c.col);
  }
  return fields;
}

export interface HeaderInfo {
  /** 0-based first header row. */
  row: number;
  rows: 1 | 2;
  /** Combined header text per column (both rows of a two-row header). */
  texts: string[];
  fields: Map<ImportField, number>;
}

function looksLikeData(grid: Grid, r: number): boolean {
  const row = grid.rows[r] ?? [];
  return row.some((c) => {
    if (!c || c.merged) return false;
    if (c.num !== undefined || c.error) return true;
    return c.text.length > 60 || (parseCode(c.text) !== null && !/^\(?\d{1,2}\)?$/.test(c.text));
  });
}

/** "(1) (2) (3)…" or "1 2 3…" under the header: column numbers, not data. */
export function isNumberingRow(grid: Grid, r: number): boolean {
  const row = grid.rows[r] ?? [];
  const vals: number[] = [];
  for (const c of row) {
    if (!c || c.merged || c.text === '') continue;
    const m = /^\(?(\d{1,2})\)?$/.exec(c.text);
    if (!m) return false;
    vals.push(Number(m[1]));
  }
  return vals.length >= 3 && vals.every((v, i) => i === 0 || v > (vals[i - 1] ?? 0));
}

/**
 * Whether row r+1 completes a header started at r: it has its own text, none of it looks like
 * data, and it either sits under merged group headings or names columns itself.
 */
function secondRow(grid: Grid, r: number): boolean {
  const next = r + 1;
  const row = grid.rows[next];
  if (!row || isNumberingRow(grid, next) || looksLikeData(grid, next)) return false;
  // A title block merged across the sheet is not the top half of a header.
  const topCells = (grid.rows[r] ?? []).filter((c) => c && !c.merged && c.text !== '').length;
  if (topCells < 2) return false;
  let own = 0;
  let supported = 0;
  row.forEach((c, col) => {
    if (!c || c.merged || c.text === '') return;
    own++;
    const above = cellAt(grid, r, col);
    const underGroup =
      (above?.merged && above.merged.left) ||
      (above && !above.merged && cellAt(grid, r, col + 1)?.merged?.left === true) ||
      !above ||
      above.text === '';
    if (underGroup || fieldScores(c.text).size > 0) supported++;
  });
  return own > 0 && supported === own;
}

function combinedTexts(grid: Grid, r: number, rows: 1 | 2): string[] {
  const texts: string[] = [];
  // A stray value far to the right must not make header scanning slow.
  for (let col = 0; col < Math.min(grid.width, MAX_HEADER_COLUMNS); col++) {
    const parts: string[] = [];
    // A group heading ("Điểm" over "Tối đa | Tự chấm") names every column under it.
    const top = rows === 2 ? shownText(grid, r, col) : ownText(grid, r, col);
    if (top) parts.push(top);
    if (rows === 2) {
      const sub = ownText(grid, r + 1, col);
      if (sub && sub !== top) parts.push(sub);
    }
    texts.push(parts.join(' ').replace(/\s+/g, ' ').trim());
  }
  return texts;
}

export function headerAt(grid: Grid, r: number): HeaderInfo {
  const rows: 1 | 2 = secondRow(grid, r) ? 2 : 1;
  const texts = combinedTexts(grid, r, rows);
  return { row: r, rows, texts, fields: assignColumns(texts) };
}

/** Quality of a header: fields found, with the title column counting double. */
function headerScore(h: HeaderInfo): number {
  return h.fields.size + (h.fields.has('title') ? 1 : 0);
}

/** The first row, within the first rows of the grid, that names the most columns. */
export function detectHeader(grid: Grid): HeaderInfo | null {
  let best: HeaderInfo | null = null;
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const h = headerAt(grid, r);
    if (h.fields.size < 2) continue;
    if (!h.fields.has('title') && !(h.fields.has('code') && h.fields.has('maxPoints'))) continue;
    if (!best || headerScore(h) > headerScore(best)) best = h;
  }
  return best;
}
