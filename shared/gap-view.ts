import type { CheckInput } from './check-model';
import { buildCheckTree } from './check-tree';
import type { GapAnalysis } from './contract/scoring';
import type { Hundredths } from './points';
import { computeIndex, type NodeRollup } from './scoring';

/**
 * Figures the score-analysis screen derives from `gap.analysis` (seed 001, section II): points
 * lost per area, the change against last year, and the items not scored with their reasons.
 */

type GapArea = GapAnalysis['areas'][number];

export interface GapAreaFigures {
  /** The score the area is judged by: appraised when known, else self-assessed. */
  basis: Hundredths | null;
  /** Points lost on the scored sub-criteria (sum of the losers). */
  lost: Hundredths;
  /** Appraised minus self-score; null until both are known. Negative: cut by the appraisal. */
  appraisalDiff: Hundredths | null;
  /** Basis minus last year's score; null when either is missing. */
  changeFromLastYear: Hundredths | null;
}

export function gapAreaFigures(
  area: Pick<GapArea, 'selfScore' | 'appraised' | 'lastYear' | 'losers'>,
): GapAreaFigures {
  const basis = area.appraised ?? area.selfScore;
  let lost = 0;
  for (const l of area.losers) lost += l.lost;
  return {
    basis,
    lost,
    appraisalDiff:
      area.appraised !== null && area.selfScore !== null ? area.appraised - area.selfScore : null,
    changeFromLastYear: basis !== null && area.lastYear !== null ? basis - area.lastYear : null,
  };
}

export interface GapTotals extends GapAreaFigures {
  /** Index of the self-score and of the appraised score on the applicable maximum. */
  selfIndex: number | null;
  appraisedIndex: number | null;
  losers: number;
}

export function gapTotals(gap: Pick<GapAnalysis, 'areas' | 'total'>): GapTotals {
  const t = gap.total;
  let lost = 0;
  let losers = 0;
  for (const a of gap.areas) {
    lost += gapAreaFigures(a).lost;
    losers += a.losers.length;
  }
  const basis = t.appraised ?? t.selfScore;
  return {
    basis,
    lost,
    losers,
    appraisalDiff: t.appraised !== null && t.selfScore !== null ? t.appraised - t.selfScore : null,
    changeFromLastYear: basis !== null && t.lastYear !== null ? basis - t.lastYear : null,
    selfIndex: t.selfScore === null ? null : computeIndex(t.selfScore, t.applicableMax),
    appraisedIndex: t.appraised === null ? null : computeIndex(t.appraised, t.applicableMax),
  };
}

export interface NotApplicableItem {
  nodeId: number;
  code: string;
  title: string;
  /** The maximum the item takes out of the area's applicable maximum. */
  max: Hundredths;
  reason: string | null;
}

/**
 * Items marked "không chấm", per area id: only the top of each not-applicable subtree (its
 * children follow it out), in tree order. They explain why an area's maximum shrank.
 */
export function notApplicableByArea(
  input: Pick<CheckInput, 'nodes' | 'scores'>,
  rollup: ReadonlyMap<number, Pick<NodeRollup, 'max'>>,
): Map<number, NotApplicableItem[]> {
  const tree = buildCheckTree(input.nodes);
  const scores = new Map(input.scores.map((s) => [s.nodeId, s]));
  const out = new Map<number, NotApplicableItem[]>();
  const naAbove = new Set<number>();
  for (const n of tree.order) {
    const marked = scores.get(n.id)?.notApplicable === true;
    const inherited = n.parentId !== null && naAbove.has(n.parentId);
    if (marked || inherited) naAbove.add(n.id);
    if (!marked || inherited) continue;
    const area = tree.topId.get(n.id) ?? n.id;
    const list = out.get(area) ?? [];
    list.push({
      nodeId: n.id,
      code: n.code,
      title: n.title,
      max: rollup.get(n.id)?.max ?? n.maxPoints ?? 0,
      reason: scores.get(n.id)?.naReason ?? null,
    });
    out.set(area, list);
  }
  return out;
}

/**
 * Points not yet self-assessed, per area id: the maxima of applicable sub-criteria without a
 * self-score (bonus and penalty items aside). Until they are scored, "points lost" says little.
 */
export function unscoredByArea(
  input: Pick<CheckInput, 'nodes' | 'scores'>,
  rollup: ReadonlyMap<number, Pick<NodeRollup, 'applicableMax' | 'notApplicable' | 'kind'>>,
): Map<number, Hundredths> {
  const tree = buildCheckTree(input.nodes);
  const scored = new Set<number>();
  for (const s of input.scores) if (s.selfScore !== null) scored.add(s.nodeId);
  const out = new Map<number, Hundredths>();
  for (const n of tree.order) {
    if (tree.children.has(n.id) || scored.has(n.id)) continue;
    const r = rollup.get(n.id);
    if (!r || r.notApplicable || (r.kind !== 'self' && r.kind !== 'survey')) continue;
    const area = tree.topId.get(n.id) ?? n.id;
    out.set(area, (out.get(area) ?? 0) + r.applicableMax);
  }
  return out;
}
