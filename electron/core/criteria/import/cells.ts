import { nfc } from '../../../../shared/text';
import type { Grid, GridCell } from './types';

/** 0 → 'A', 27 → 'AB'. */
export function colLetter(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' → 0; null when not a column letter. */
export function colIndex(letter: string): number | null {
  const s = letter.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellRef(row0: number, col0: number): string {
  return `${colLetter(col0)}${row0 + 1}`;
}

/** NFC, whitespace collapsed inside each line, blank lines dropped; keeps line breaks. */
export function cleanLines(s: string): string {
  return nfc(s)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Leading spaces people type to indent, in steps of two. */
export function leadingIndent(raw: string): number {
  const m = /^[ \u00a0]+/.exec(raw);
  return m ? Math.floor(m[0].length / 2) : 0;
}

/** 6000 → '6.000' (Vietnamese grouping) without relying on ICU data. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function cellAt(grid: Grid, row0: number, col0: number): GridCell | undefined {
  return grid.rows[row0]?.[col0];
}

/** The cell's own text (merge slaves are empty). */
export function ownText(grid: Grid, row0: number, col0: number): string {
  return cellAt(grid, row0, col0)?.text ?? '';
}

/** Own text, or the master's text for a merge slave. */
export function shownText(grid: Grid, row0: number, col0: number): string {
  const c = cellAt(grid, row0, col0);
  if (!c) return '';
  return c.merged ? c.merged.text : c.text;
}

export function rowIsBlank(grid: Grid, row0: number): boolean {
  const row = grid.rows[row0];
  if (!row) return true;
  return row.every((c) => !c || (c.text === '' && !c.error && !c.noResult));
}

/** A short excerpt for messages. */
export function excerpt(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
