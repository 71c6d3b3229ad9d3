import type { NodeKind } from './framework';
import { formatPoints, type Hundredths } from './points';
import type { CheckNode, CheckScore } from './check-model';
import { buildCheckTree, childrenOf, type CheckTree } from './check-tree';

/**
 * Score roll-up and score validation. All arithmetic is on integer hundredths, so a tree of
 * 0,25-point items sums exactly; the only division is the index.
 */

export interface NodeRollup {
  /** Self-score: leaves as entered; parents the sum of their children (bonus/penalty capped). */
  score: Hundredths;
  /** Nominal maximum (bonus and penalty children do not add to it). */
  max: Hundredths;
  /** Maximum without not-applicable items; 0 for a not-applicable node. */
  applicableMax: Hundredths;
  /** score ÷ applicableMax × 100, rounded to 2 decimals; null when applicableMax is 0. */
  index: number | null;
  /** Sum of appraised scores; null when no leaf underneath has one. */
  appraised: Hundredths | null;
  /** Sum of last year's scores; null when no leaf underneath has one. */
  lastYear: Hundredths | null;
  /** Applicable leaves that have a self-score. */
  scoredLeaves: number;
  /** Applicable leaves underneath (a leaf counts itself). */
  leaves: number;
  /** Not-applicable leaves underneath, kept apart from `leaves`. */
  notApplicableLeaves: number;
  /** Marked not applicable itself or under a not-applicable ancestor. */
  notApplicable: boolean;
  kind: NodeKind;
}

export type ScoresInput = readonly CheckScore[] | ReadonlyMap<number, CheckScore>;

function scoreMap(scores: ScoresInput): ReadonlyMap<number, CheckScore> {
  if (!Array.isArray(scores)) return scores as ReadonlyMap<number, CheckScore>;
  const m = new Map<number, CheckScore>();
  for (const s of scores as readonly CheckScore[]) m.set(s.nodeId, s);
  return m;
}

/** Rounds a/b to the nearest integer, halves away from zero, without a −0. */
function roundDiv(a: number, b: number): number {
  const q = Math.round(Math.abs(a) / Math.abs(b));
  return q === 0 ? 0 : Math.sign(a) * Math.sign(b) * q;
}

/** score ÷ applicableMax × 100 with 2 decimals (72.34), or null when nothing is applicable. */
export function computeIndex(score: Hundredths, applicableMax: Hundredths): number | null {
  if (applicableMax <= 0) return null;
  // Both are integers: compute the index in hundredths exactly, then scale once.
  return roundDiv(score * 10_000, applicableMax) / 100;
}

/** 72.34 → "72,34"; 100 → "100"; 56.5 → "56,5"; null → "". Same comma style as points. */
export function formatIndex(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '';
  return formatPoints(Math.round(n * 100));
}

/**
 * The largest deduction a penalty node allows, as a positive number. Penalty maxima are stored
 * as positive deductions ("trừ tối đa 1 điểm" → 1); older imports stored them negative (−1), so
 * the magnitude is what counts. Null means no cap.
 */
export function penaltyCap(max: Hundredths | null): Hundredths | null {
  return max === null ? null : Math.abs(max);
}

/** Bonus stays within [0, max]; penalty within [−|max|, 0]. A null max means no cap. */
function capForKind(kind: NodeKind, cap: Hundredths | null, v: Hundredths): Hundredths {
  if (kind === 'bonus') return Math.max(0, cap == null ? v : Math.min(v, cap));
  if (kind === 'penalty') {
    const c = penaltyCap(cap);
    return Math.min(0, c == null ? v : Math.max(v, -c));
  }
  return v;
}

/** Does a child's maximum add to its parent's? Bonus and penalty add on top of the 100. */
export function countsInParentMax(childKind: NodeKind, parentKind: NodeKind): boolean {
  if (childKind === 'bonus' || childKind === 'penalty') return childKind === parentKind;
  return true;
}

export interface RollupResult {
  nodes: Map<number, NodeRollup>;
  /** The whole tree: the sum over top-level nodes, as if under one 'self' root. */
  total: NodeRollup;
}

export function rollupWithTotal(
  nodes: readonly CheckNode[],
  scores: ScoresInput,
  tree: CheckTree = buildCheckTree(nodes),
): RollupResult {
  const byNode = scoreMap(scores);
  const out = new Map<number, NodeRollup>();

  // Not-applicable flows down: a parent marked "không chấm" takes its whole subtree out.
  const na = new Set<number>();
  for (const n of tree.order) {
    if (byNode.get(n.id)?.notApplicable || (n.parentId !== null && na.has(n.parentId))) {
      na.add(n.id);
    }
  }

  // Reverse pre-order visits every child before its parent.
  for (let i = tree.order.length - 1; i >= 0; i--) {
    const n = tree.order[i]!;
    const kind = tree.kind.get(n.id) ?? n.kind;
    const isNa = na.has(n.id);
    const kids = childrenOf(tree, n.id);
    let r: NodeRollup;
    if (kids.length === 0) {
      const s = byNode.get(n.id);
      const max = (kind === 'penalty' ? penaltyCap(n.maxPoints) : n.maxPoints) ?? 0;
      r = {
        score: isNa ? 0 : capForKind(kind, n.maxPoints, s?.selfScore ?? 0),
        max,
        applicableMax: isNa ? 0 : max,
        index: null,
        appraised: isNa || s?.appraised == null ? null : capForKind(kind, n.maxPoints, s.appraised),
        lastYear: isNa || s?.lastYear == null ? null : capForKind(kind, n.maxPoints, s.lastYear),
        scoredLeaves: !isNa && s?.selfScore != null ? 1 : 0,
        leaves: isNa ? 0 : 1,
        notApplicableLeaves: isNa ? 1 : 0,
        notApplicable: isNa,
        kind,
      };
    } else {
      let score = 0;
      let appraised: number | null = null;
      let lastYear: number | null = null;
      let childMax = 0;
      let childApplicable = 0;
      let scoredLeaves = 0;
      let leaves = 0;
      let naLeaves = 0;
      for (const c of kids) {
        const cr = out.get(c.id)!;
        score += cr.score;
        if (cr.appraised !== null) appraised = (appraised ?? 0) + cr.appraised;
        if (cr.lastYear !== null) lastYear = (lastYear ?? 0) + cr.lastYear;
        if (countsInParentMax(cr.kind, kind)) {
          childMax += cr.max;
          childApplicable += cr.applicableMax;
        }
        scoredLeaves += cr.scoredLeaves;
        leaves += cr.leaves;
        naLeaves += cr.notApplicableLeaves;
      }
      let max = childMax;
      let applicableMax = childApplicable;
      if (kind === 'bonus' || kind === 'penalty') {
        // A bonus/penalty group is capped by its own declared maximum ("thưởng tối đa 2 điểm").
        max = (kind === 'penalty' ? penaltyCap(n.maxPoints) : n.maxPoints) ?? childMax;
        applicableMax = max;
        score = capForKind(kind, n.maxPoints, score);
        if (appraised !== null) appraised = capForKind(kind, n.maxPoints, appraised);
        if (lastYear !== null) lastYear = capForKind(kind, n.maxPoints, lastYear);
      }
      if (isNa) applicableMax = 0; // children are already zero: they inherit the flag
      r = {
        score,
        max,
        applicableMax,
        index: null,
        appraised,
        lastYear,
        scoredLeaves,
        leaves,
        notApplicableLeaves: naLeaves,
        notApplicable: isNa,
        kind,
      };
    }
    r.index = computeIndex(r.score, r.applicableMax);
    out.set(n.id, r);
  }

  const total: NodeRollup = {
    score: 0,
    max: 0,
    applicableMax: 0,
    index: null,
    appraised: null,
    lastYear: null,
    scoredLeaves: 0,
    leaves: 0,
    notApplicableLeaves: 0,
    notApplicable: false,
    kind: 'self',
  };
  for (const root of tree.roots) {
    const r = out.get(root.id)!;
    total.score += r.score;
    if (r.appraised !== null) total.appraised = (total.appraised ?? 0) + r.appraised;
    if (r.lastYear !== null) total.lastYear = (total.lastYear ?? 0) + r.lastYear;
    if (countsInParentMax(r.kind, 'self')) {
      total.max += r.max;
      total.applicableMax += r.applicableMax;
    }
    total.scoredLeaves += r.scoredLeaves;
    total.leaves += r.leaves;
    total.notApplicableLeaves += r.notApplicableLeaves;
  }
  total.index = computeIndex(total.score, total.applicableMax);
  return { nodes: out, total };
}

/** Per-node roll-up of self-scores, maxima, appraised and last year's scores. */
export function rollup(nodes: readonly CheckNode[], scores: ScoresInput): Map<number, NodeRollup> {
  return rollupWithTotal(nodes, scores).nodes;
}

export type ScoreRule =
  'score.invalid' | 'score.out_of_range' | 'score.off_step' | 'score.not_an_option';

export interface ScoreIssue {
  rule: ScoreRule;
  message: string;
}

const pts = (h: Hundredths) => `${formatPoints(h)} điểm`;

/**
 * Checks one self-score (hundredths) against its node: sign, range, step and the guide's
 * scoring levels. `kind` defaults to the node's own; pass the effective kind when known.
 * A blank score (null) is not a value error — the completeness check reports it.
 */
export function scoreIssue(
  node: Pick<CheckNode, 'maxPoints' | 'step' | 'scoringOptions' | 'kind'>,
  value: Hundredths | null,
  kind: NodeKind = node.kind,
): ScoreIssue | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) {
    return {
      rule: 'score.invalid',
      message: 'Điểm không hợp lệ (chỉ được tối đa 2 chữ số thập phân).',
    };
  }
  const max = node.maxPoints;
  if (kind === 'penalty') {
    // A deduction is entered as a negative score (−0,5) against a maximum stored as the positive
    // size of the largest deduction (1 → at most −1).
    const cap = penaltyCap(max);
    if (value > 0) {
      return {
        rule: 'score.out_of_range',
        message: `Điểm trừ phải là số âm hoặc 0 (ví dụ: -0,5), không phải ${formatPoints(value)}.`,
      };
    }
    if (cap !== null && value < -cap) {
      return {
        rule: 'score.out_of_range',
        message: `Điểm trừ ${formatPoints(value)} vượt mức trừ tối đa (${pts(-cap)}).`,
      };
    }
  } else {
    if (value < 0) {
      return {
        rule: 'score.out_of_range',
        message: `Điểm ${formatPoints(value)} không hợp lệ: chỉ tiêu chí điểm trừ mới được chấm điểm âm.`,
      };
    }
    if (max !== null && value > max) {
      return {
        rule: 'score.out_of_range',
        message: `Điểm ${formatPoints(value)} vượt quá điểm tối đa (${pts(max)}).`,
      };
    }
  }
  if (node.scoringOptions.length > 0) {
    // The guide's levels ("đạt 100%: 1 điểm; 80–<100%: 0,5; dưới 80%: 0") are the only answers.
    // A penalty level may be written as a positive deduction, so compare magnitudes for it.
    const match = node.scoringOptions.some((o) =>
      kind === 'penalty' ? Math.abs(o.points) === -value : o.points === value,
    );
    if (!match) {
      const levels = [...new Set(node.scoringOptions.map((o) => o.points))]
        .map((p) => formatPoints(kind === 'penalty' ? -Math.abs(p) : p))
        .join('; ');
      return {
        rule: 'score.not_an_option',
        message: `Điểm ${formatPoints(value)} không thuộc các mức chấm theo hướng dẫn: ${levels}.`,
      };
    }
    return null;
  }
  if (node.step !== null && node.step > 0 && value % node.step !== 0) {
    return {
      rule: 'score.off_step',
      message: `Điểm ${formatPoints(value)} không đúng bước chấm: phải là bội số của ${formatPoints(node.step)}.`,
    };
  }
  return null;
}

/** A Vietnamese message for an invalid self-score, or null when it is acceptable. */
export function validateScore(
  node: Pick<CheckNode, 'maxPoints' | 'step' | 'scoringOptions' | 'kind'>,
  value: Hundredths | null,
  kind: NodeKind = node.kind,
): string | null {
  return scoreIssue(node, value, kind)?.message ?? null;
}
