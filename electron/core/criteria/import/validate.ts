import { formatPoints, type Hundredths } from '../../../../shared/points';
import { counted, type Settled } from './nodes';
import { describe, type TotalRow } from './rows';
import { walk, type Draft } from './tree';
import type { ImportWarning } from './types';

/** "Tiêu chí 1.2"; numbering that restarts under Roman areas or letters also names where. */
function label(d: Draft): string {
  const base = `${d.parent ? 'Tiêu chí' : 'Lĩnh vực'} ${describe(d.rec)}`;
  if (!d.parent) return base;
  let area: Draft | undefined;
  for (let a: Draft | undefined = d.parent; a; a = a.parent) {
    const s = a.rec.code?.style;
    if (s === 'roman' || s === 'upper') area = a;
  }
  if (area) return `${base} thuộc ${area.parent ? 'mục' : 'lĩnh vực'} ${describe(area.rec)}`;
  const c = d.rec.code;
  return c && c.style !== 'num' ? `${base} thuộc ${describe(d.parent.rec)}` : base;
}

/** Sum of the top-level maxima that make up the 100 points (bonus and penalty excluded). */
export function topTotal(roots: Draft[], settled: Map<Draft, Settled>): Hundredths {
  return roots.reduce((sum, d) => {
    const s = settled.get(d);
    return s && s.kind !== 'bonus' && s.kind !== 'penalty' ? sum + (s.points ?? 0) : sum;
  }, 0);
}

/** Duplicate codes: numbers are unique within their Roman/letter part, letters within their parent. */
function duplicates(roots: Draft[], warnings: ImportWarning[]): void {
  const seen = new Map<string, Draft>();
  const scope = (d: Draft, style: string): string => {
    const within = style === 'num' ? ['roman', 'upper'] : style === 'roman' ? ['upper'] : null;
    if (!within) return style === 'upper' ? '' : `p${d.parent?.rec.row ?? 0}`;
    for (let a = d.parent; a; a = a.parent) {
      const s = a.rec.code?.style;
      if (s && within.includes(s)) return `r${a.rec.row}`;
    }
    return '';
  };
  walk(roots, (d) => {
    const c = d.rec.code;
    if (!c || c.style === 'dash' || c.style === 'plus' || c.style === 'star') return;
    // Split styles (bold "1" areas over plain "1" criteria) restart numbering under each parent.
    const where = d.key.includes('|') ? `p${d.parent?.rec.row ?? 0}` : scope(d, c.style);
    const key = `${where}|${c.code}`;
    const first = seen.get(key);
    if (first) {
      const ref = d.rec.refs.code ?? d.rec.refs.title;
      const firstRef = first.rec.refs.code ?? first.rec.refs.title;
      warnings.push({
        ...(ref ? { cell: ref } : {}),
        message: `${ref ? `Ô ${ref}: ` : ''}mã ${c.code} bị trùng với ${firstRef ? `ô ${firstRef}` : `dòng ${first.rec.row}`}`,
      });
    } else seen.set(key, d);
  });
}

export function validate(
  roots: Draft[],
  settled: Map<Draft, Settled>,
  totals: TotalRow[],
  warnings: ImportWarning[],
): void {
  duplicates(roots, warnings);
  walk(roots, (d) => {
    const s = settled.get(d);
    if (!s) return;
    const kids = counted(d, settled);
    const pts = kids.map((k) => settled.get(k)?.points ?? null);
    const known = pts.filter((p): p is number => p !== null);
    if (s.points !== null && known.length > 0) {
      if (known.length < pts.length) {
        warnings.push({
          ...(d.rec.pointsRef ? { cell: d.rec.pointsRef } : {}),
          message: `${label(d)}: ${pts.length - known.length} tiêu chí thành phần chưa có điểm tối đa`,
        });
      } else {
        const sum = known.reduce((a, b) => a + b, 0);
        if (sum !== s.points) {
          warnings.push({
            ...(d.rec.pointsRef ? { cell: d.rec.pointsRef } : {}),
            message: `${label(d)}: tổng điểm các tiêu chí thành phần (${formatPoints(sum)}) khác điểm tối đa (${formatPoints(s.points)})`,
          });
        }
      }
    }
    if (s.points !== null && s.kind !== 'penalty') {
      for (const o of s.options) {
        if (Math.round(o.points * 100) > s.points) {
          const ref = d.rec.refs.scoringOptions ?? d.rec.refs.scoringGuide;
          warnings.push({
            ...(ref ? { cell: ref } : {}),
            message: `${label(d)}: phương án “${o.label}” được ${formatPoints(Math.round(o.points * 100))} điểm, vượt điểm tối đa (${formatPoints(s.points)})`,
          });
        }
      }
    }
  });

  // The grand total is the row before the first node or after the last one.
  const firstRow = roots[0]?.rec.row ?? 0;
  const total = totals
    .filter((t) => t.points !== null && (t.row < firstRow || t === totals.at(-1)))
    .at(-1);
  if (total && total.points !== null) {
    const sum = topTotal(roots, settled);
    if (sum !== total.points) {
      warnings.push({
        ...(total.ref ? { cell: total.ref } : {}),
        message: `Dòng ${total.row}: tổng điểm ghi trong bảng (${formatPoints(total.points)}) khác tổng điểm các lĩnh vực (${formatPoints(sum)})`,
      });
    }
  }
}
