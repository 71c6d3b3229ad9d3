import type { NodeKind } from '../../../../shared/framework';
import { computeIndex } from '../../../../shared/scoring';
import type { ExportPlan, PlanLink, PlanNode } from '../plan';

/**
 * The layout and formulas of "Bảng tự đánh giá", decided before anything is written (the
 * streaming writer cannot go back). Parents and the total are formulas over their children, so
 * an appraiser who changes a score sees the totals move; each formula also carries its cached
 * result. The results are computed here the way Excel will compute the formulas and compared
 * with the app's roll-up (plan.check.rollup): where they would differ (a selection that leaves
 * out some children, a bonus group without a declared maximum) the row gets the app's numbers
 * as plain values instead, and is listed in `constants`.
 *
 * Columns: A code · B content · C max · D applicable max (0 when "Không chấm") · E self-score ·
 * F appraised · G index (% of the applicable max) · H evidence · I dossier page · J giải trình ·
 * K lead office · L kind ("Loại", read back by the criteria importer).
 */

export const NOT_SCORED = 'Không chấm';
/** Excel shows at most 8 outline levels (0–7). */
export const MAX_OUTLINE = 7;
/** Excel functions take at most 255 arguments. */
const MAX_ARGS = 255;
/** Excel refuses formulas longer than 8,192 characters; leave room. */
const MAX_FORMULA = 8000;

export const COL = {
  code: 1,
  title: 2,
  max: 3,
  applicable: 4,
  self: 5,
  appraised: 6,
  index: 7,
  evidence: 8,
  page: 9,
  explanation: 10,
  office: 11,
  kind: 12,
} as const;
const L = { max: 'C', applicable: 'D', self: 'E', appraised: 'F' } as const;

export type Cell = number | string | null | { formula: string; result: number | string };

export interface ScoreRow {
  /** Sheet row of the node; its further documents follow on rows row+1… */
  row: number;
  node: PlanNode;
  /** 0 for an area. */
  depth: number;
  outline: number;
  /** Has children in the exported tree. */
  parent: boolean;
  kind: NodeKind;
  max: number | null;
  applicable: Cell;
  self: Cell;
  appraised: Cell;
  index: Cell;
  /** The node's documents: the first on its own row, each further one on a row below. */
  links: PlanLink[];
}

export interface TotalRow {
  row: number;
  max: Cell;
  applicable: Cell;
  self: Cell;
  appraised: Cell;
  index: Cell;
  /** Hundredths, for comparison with the app. */
  values: { score: number; applicableMax: number; appraised: number | null; index: number | null };
}

export interface ScoreModel {
  rows: ScoreRow[];
  total: TotalRow;
  lastRow: number;
  maxOutline: number;
  /** Codes of parent rows written as values rather than formulas, and why. */
  constants: { code: string; reason: 'partial' | 'mismatch' | 'long' }[];
}

const pts = (h: number) => h / 100;

/** SUM(E9:E12,E15) with runs of adjacent cells as ranges, nested when over 255 arguments. */
function call(fn: 'SUM' | 'COUNT', args: string[]): string {
  if (args.length === 0) return '0';
  if (args.length <= MAX_ARGS) return `${fn}(${args.join(',')})`;
  const parts: string[] = [];
  for (let i = 0; i < args.length; i += MAX_ARGS) parts.push(call(fn, args.slice(i, i + MAX_ARGS)));
  return fn === 'SUM' ? `SUM(${parts.join(',')})` : parts.join('+');
}

function capFormula(kind: NodeKind, hasMax: boolean, r: number, inner: string): string {
  if (kind === 'bonus') return hasMax ? `MAX(0,MIN(C${r},${inner}))` : `MAX(0,${inner})`;
  if (kind === 'penalty') return hasMax ? `MIN(0,MAX(-C${r},${inner}))` : `MIN(0,${inner})`;
  return inner;
}

function capValue(kind: NodeKind, max: number | null, v: number): number {
  if (kind === 'bonus') return Math.max(0, max === null ? v : Math.min(v, max));
  if (kind === 'penalty') return Math.min(0, max === null ? v : Math.max(v, -max));
  return v;
}

/** Whether a child's maximum adds to its parent's: bonus and penalty sit on top of the 100. */
function counts(child: NodeKind, parent: NodeKind): boolean {
  if (child === 'bonus' || child === 'penalty') return child === parent;
  return true;
}

/** Blank, like the PDF, while nothing under the row is scored (E is "" or "Không chấm"). */
const indexFormula = (r: number) => `IF(D${r}>0,IF(COUNT(E${r})=1,ROUND(E${r}/D${r}*100,2),""),"")`;

/** A sum that stays blank while none of its cells holds a number, as the PDF leaves it blank. */
const blankUnless = (countArgs: string[], sum: string) =>
  countArgs.length === 0 ? '""' : `IF(${call('COUNT', countArgs)}=0,"",${sum})`;

export function buildScoreModel(plan: ExportPlan, firstRow: number): ScoreModel {
  const inPlan = new Map(plan.nodes.map((n) => [n.id, n]));
  const children = new Map<number, PlanNode[]>();
  const roots: PlanNode[] = [];
  for (const n of plan.nodes) {
    const p = n.parentId === null ? undefined : inPlan.get(n.parentId);
    if (!p) roots.push(n);
    else {
      const list = children.get(p.id) ?? [];
      list.push(n);
      children.set(p.id, list);
    }
  }
  const depth = new Map<number, number>();
  for (const n of plan.nodes) {
    const p = n.parentId === null ? undefined : inPlan.get(n.parentId);
    depth.set(n.id, p ? (depth.get(p.id) ?? 0) + 1 : 0);
  }

  // Rows: each node, then one row per further document of it; its children after.
  const rowOf = new Map<number, number>();
  const span = new Map<number, number>();
  let r = firstRow;
  for (const n of plan.nodes) {
    rowOf.set(n.id, r);
    span.set(n.id, Math.max(1, n.links.length));
    r += Math.max(1, n.links.length);
  }
  const totalRowNo = r;

  /** Child cells of one column, adjacent childless children merged into ranges. */
  const refs = (kids: readonly PlanNode[], col: string): string[] => {
    const out: string[] = [];
    let start = -1;
    let end = -1;
    // The row right after the run, when the run's last node has no rows of descendants.
    let next = -1;
    const flush = () => {
      if (start >= 0) out.push(start === end ? `${col}${start}` : `${col}${start}:${col}${end}`);
    };
    for (const k of kids) {
      const kr = rowOf.get(k.id)!;
      if (start >= 0 && kr === next) end = kr;
      else {
        flush();
        start = kr;
        end = kr;
      }
      next = children.has(k.id) ? -1 : kr + span.get(k.id)!;
    }
    flush();
    return out;
  };

  const kindOf = (n: PlanNode): NodeKind => plan.check.rollup.get(n.id)?.kind ?? n.kind;
  const leafCount = (n: PlanNode) => {
    const ro = plan.check.rollup.get(n.id);
    return ro ? ro.leaves + ro.notApplicableLeaves : 0;
  };

  // Values as Excel will compute them (hundredths), children before parents.
  const eNum = new Map<number, number>();
  const dNum = new Map<number, number>();
  const fVal = new Map<number, number | null>();
  /** Whether the row's self-score cell holds a number (something under it is scored). */
  const scored = new Map<number, boolean>();
  const rows = new Map<number, ScoreRow>();
  const constants: ScoreModel['constants'] = [];

  for (let i = plan.nodes.length - 1; i >= 0; i--) {
    const n = plan.nodes[i]!;
    const row = rowOf.get(n.id)!;
    const kind = kindOf(n);
    const na = n.notApplicable;
    const kids = children.get(n.id) ?? [];
    const ro = n.total;
    let self: Cell;
    let applicable: Cell;
    let appraised: Cell;
    let e: number;
    let d: number;
    let f: number | null;

    if (kids.length === 0 && n.isLeaf) {
      // A leaf: the score as the app counts it (bonus and penalty already within their caps).
      e = ro.score;
      d = ro.applicableMax;
      f = ro.appraised;
      self = na ? NOT_SCORED : n.score?.selfScore == null ? null : pts(e);
      scored.set(n.id, typeof self === 'number');
      applicable = { formula: `IF(E${row}="${NOT_SCORED}",0,C${row})`, result: pts(d) };
      appraised = f === null ? null : pts(f);
      if ((na ? 0 : (n.maxPoints ?? 0)) !== d) applicable = pts(d);
    } else {
      const complete =
        kids.length > 0 && kids.reduce((s, k) => s + leafCount(k), 0) === leafCount(n);
      const sum = kids.reduce((s, k) => s + eNum.get(k.id)!, 0);
      e = na ? 0 : capValue(kind, n.maxPoints, sum);
      const counted = kids.filter((k) => counts(kindOf(k), kind));
      const extra = kind === 'bonus' || kind === 'penalty';
      let inner: string;
      let innerValue: number;
      if (extra && n.maxPoints !== null) {
        inner = `C${row}`;
        innerValue = n.maxPoints;
      } else if (extra) {
        inner = call('SUM', refs(counted, L.max));
        innerValue = counted.reduce((s, k) => s + (k.maxPoints ?? 0), 0);
      } else {
        inner = call('SUM', refs(counted, L.applicable));
        innerValue = counted.reduce((s, k) => s + dNum.get(k.id)!, 0);
      }
      d = na ? 0 : innerValue;
      const known = kids.map((k) => fVal.get(k.id)!).filter((v): v is number => v !== null);
      f =
        known.length === 0
          ? null
          : capValue(
              kind,
              n.maxPoints,
              known.reduce((s, v) => s + v, 0),
            );

      const same = e === ro.score && d === ro.applicableMax && f === ro.appraised;
      const fr = refs(kids, L.appraised);
      const er = refs(kids, L.self);
      const anyScored = !na && kids.some((k) => scored.get(k.id));
      const formulas = {
        self: blankUnless(er, capFormula(kind, n.maxPoints !== null, row, call('SUM', er))),
        applicable: `IF(E${row}="${NOT_SCORED}",0,${inner})`,
        appraised: `IF(${call('COUNT', fr)}=0,"",${capFormula(kind, n.maxPoints !== null, row, call('SUM', fr))})`,
      };
      const fits = Object.values(formulas).every((x) => x.length <= MAX_FORMULA);
      if (complete && same && fits) {
        self = na ? NOT_SCORED : { formula: formulas.self, result: anyScored ? pts(e) : '' };
        applicable = { formula: formulas.applicable, result: pts(d) };
        appraised = { formula: formulas.appraised, result: f === null ? '' : pts(f) };
      } else {
        constants.push({
          code: n.code,
          reason: !complete ? 'partial' : !same ? 'mismatch' : 'long',
        });
        e = ro.score;
        d = ro.applicableMax;
        f = ro.appraised;
        self = na ? NOT_SCORED : ro.scoredLeaves > 0 ? pts(e) : null;
        applicable = pts(d);
        appraised = f === null ? null : pts(f);
      }
    }
    if (!scored.has(n.id))
      scored.set(
        n.id,
        typeof self === 'number' ||
          (typeof self === 'object' && self !== null && self.result !== ''),
      );
    eNum.set(n.id, e);
    dNum.set(n.id, d);
    fVal.set(n.id, f);
    const parent = kids.length > 0 || !n.isLeaf;
    const idx = computeIndex(e, d);
    const dep = depth.get(n.id) ?? 0;
    rows.set(n.id, {
      row,
      node: n,
      depth: dep,
      outline: Math.min(dep, MAX_OUTLINE),
      parent,
      kind,
      max: n.maxPoints === null ? null : pts(n.maxPoints),
      applicable,
      self,
      appraised,
      index: parent
        ? { formula: indexFormula(row), result: scored.get(n.id) ? (idx ?? '') : '' }
        : null,
      links: n.links,
    });
  }

  // The total: every top-level node of the export; bonus and penalty outside the maximum.
  const countedRoots = roots.filter((n) => counts(kindOf(n), 'self'));
  const score = roots.reduce((s, n) => s + eNum.get(n.id)!, 0);
  const applicableMax = countedRoots.reduce((s, n) => s + dNum.get(n.id)!, 0);
  const maxSum = countedRoots.reduce((s, n) => s + (n.maxPoints ?? 0), 0);
  const known = roots.map((n) => fVal.get(n.id)!).filter((v): v is number => v !== null);
  const appraisedSum = known.length === 0 ? null : known.reduce((s, v) => s + v, 0);
  const index = computeIndex(score, applicableMax);
  const fr = refs(roots, L.appraised);
  const er = refs(roots, L.self);
  const totalScored = roots.some((n) => scored.get(n.id));
  const total: TotalRow = {
    row: totalRowNo,
    max: { formula: call('SUM', refs(countedRoots, L.max)), result: pts(maxSum) },
    applicable: {
      formula: call('SUM', refs(countedRoots, L.applicable)),
      result: pts(applicableMax),
    },
    self: {
      formula: blankUnless(er, call('SUM', er)),
      result: totalScored ? pts(score) : '',
    },
    appraised: {
      formula: `IF(${call('COUNT', fr)}=0,"",${call('SUM', fr)})`,
      result: appraisedSum === null ? '' : pts(appraisedSum),
    },
    index: plan.partial
      ? null
      : { formula: indexFormula(totalRowNo), result: totalScored ? (index ?? '') : '' },
    values: { score, applicableMax, appraised: appraisedSum, index },
  };

  const ordered = plan.nodes.map((n) => rows.get(n.id)!);
  let maxOutline = 0;
  for (const x of ordered) {
    maxOutline = Math.max(
      maxOutline,
      x.outline,
      x.links.length > 1 ? Math.min(x.outline + 1, MAX_OUTLINE) : 0,
    );
  }
  return { rows: ordered, total, lastRow: totalRowNo, maxOutline, constants: constants.reverse() };
}
