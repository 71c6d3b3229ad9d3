import { ownText, rowIsBlank } from './cells';
import { parseCode, splitLeadingCode } from './codes';
import { detectHeader, normHeader, type HeaderInfo } from './headers';
import type { Grid } from './types';

/** Which sheet (or Word table) holds the criteria. */

export interface Survey {
  header: HeaderInfo | null;
  coded: number;
  rows: number;
  likely: boolean;
}

export function surveyGrid(g: Grid): Survey {
  let rows = 0;
  for (let r = 0; r < g.rows.length; r++) if (!rowIsBlank(g, r)) rows++;
  const header = detectHeader(g);
  let coded = 0;
  if (header) {
    const cc = header.fields.get('code');
    const tc = header.fields.get('title');
    for (let r = header.row + header.rows; r < g.rows.length; r++) {
      if (
        (cc !== undefined && parseCode(ownText(g, r, cc))) ||
        (tc !== undefined && splitLeadingCode(ownText(g, r, tc)))
      ) {
        coded++;
      }
    }
  }
  const f = header?.fields;
  const likely = !!f && f.has('title') && (coded > 0 || f.has('maxPoints') || f.has('task'));
  return { header, coded, rows, likely };
}

export function pickGrid(grids: Grid[], surveys: Survey[]): number {
  let best = 0;
  const score = (i: number): number[] => {
    const s = surveys[i];
    const g = grids[i];
    if (!s || !g) return [];
    return [
      s.likely ? 1 : 0,
      s.header ? 1 : 0,
      s.coded,
      s.header?.fields.size ?? 0,
      g.hidden ? 0 : 1,
    ];
  };
  for (let i = 1; i < grids.length; i++) {
    const a = score(i);
    const b = score(best);
    const k = a.findIndex((v, j) => v !== b[j]);
    if (k >= 0 && (a[k] ?? 0) > (b[k] ?? 0)) best = i;
  }
  return best;
}

/** Word splits long tables at page breaks; following tables with the same columns continue it. */
export function joinContinuations(
  grids: Grid[],
  surveys: Survey[],
  idx: number,
  backward: boolean,
): { grid: Grid; index: number } {
  const head = surveys[idx]?.header;
  const picked = grids[idx] as Grid;
  if (!head) return { grid: picked, index: idx };
  const sig = head.texts.map(normHeader).join('|');
  const same = (j: number) => {
    const h = surveys[j]?.header;
    return grids[j]?.width === picked.width && (!h || h.texts.map(normHeader).join('|') === sig);
  };
  // Start at the first table of the run (the part with most codes may be a later page).
  let start = idx;
  while (backward && start > 0 && surveys[start - 1]?.header && same(start - 1)) start--;
  const main = grids[start] as Grid;
  const rows = [...main.rows];
  for (let j = start + 1; j < grids.length && same(j); j++) rows.push(...(grids[j]?.rows ?? []));
  return { grid: { ...main, rows }, index: start };
}
