import type { CheckInput } from '../../../shared/check-model';
import { checkCompleteness, type CompletenessResult } from '../../../shared/completeness';
import type { CheckReport, GapAnalysis } from '../../../shared/contract/scoring';
import { buildCheckTree } from '../../../shared/check-tree';
import { gapAreaFigures } from '../../../shared/gap-view';

const pts = (h: number) => h / 100;

/** The completeness result in the CLI/export shape: points as numbers, problems with node codes. */
export function toCheckReport(result: CompletenessResult): CheckReport {
  const group = <T extends { pointsAtRisk: number }>(g: T) => ({
    ...g,
    pointsAtRisk: pts(g.pointsAtRisk),
  });
  const s = result.summary;
  return {
    summary: {
      leaves: s.leaves,
      complete: s.complete,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      score: pts(s.score),
      applicableMax: pts(s.applicableMax),
      index: s.index,
      pointsAtRisk: pts(s.pointsAtRisk),
      percent: s.percent,
    },
    byArea: result.byArea.map((a) => ({
      ...group(a),
      status: a.status,
      score: pts(a.score),
      applicableMax: pts(a.applicableMax),
    })),
    byOffice: result.byOffice.map(group),
    problems: result.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      rule: p.rule,
      message: p.message,
      nodeId: p.nodeId,
      ...(p.documentId !== undefined ? { documentId: p.documentId } : {}),
    })),
  };
}

/**
 * Seed 001 section II as data: per area, self vs appraised vs last year, and the leaves that
 * lost points (against the maximum, by the appraised score when known), with office and giải trình.
 */
export function gapAnalysis(
  input: CheckInput & { assessmentId: number },
  offices: Map<number, string>,
): GapAnalysis {
  const result = checkCompleteness(input);
  const tree = buildCheckTree(input.nodes);
  const scores = new Map(input.scores.map((s) => [s.nodeId, s]));
  const row = (id: number) => {
    const n = tree.byId.get(id)!;
    const r = result.rollup.get(id)!;
    const s = scores.get(id);
    const isLeaf = !tree.children.has(id);
    const selfScore = isLeaf ? (s?.selfScore ?? null) : r.scoredLeaves > 0 ? r.score : null;
    const basis = r.appraised ?? selfScore;
    return {
      nodeId: id,
      code: n.code,
      title: n.title,
      level: depth(id),
      max: r.max,
      applicableMax: r.applicableMax,
      selfScore,
      appraised: r.appraised,
      lastYear: r.lastYear,
      lost: basis === null || r.notApplicable ? 0 : Math.max(0, r.applicableMax - basis),
      office: n.leadOfficeId === null ? null : (offices.get(n.leadOfficeId) ?? null),
      explanation: s?.explanation ?? null,
      naReason: s?.notApplicable ? s.naReason : null,
    };
  };
  const depth = (id: number) => {
    let d = 1;
    for (let p = tree.byId.get(id)!.parentId; p !== null; p = tree.byId.get(p)?.parentId ?? null)
      d++;
    return d;
  };
  const leavesUnder = (id: number): number[] => {
    const kids = tree.children.get(id);
    return kids ? kids.flatMap((k) => leavesUnder(k.id)) : [id];
  };
  const areas = tree.roots.map((root) => {
    const losers = leavesUnder(root.id)
      .map(row)
      .filter((r) => r.lost > 0);
    // An area loses what its scored sub-criteria lost, as the screen shows it: items not
    // scored yet are not "lost" (gap-view's unscoredByArea lists them apart).
    const area = { ...row(root.id), losers };
    return { ...area, lost: gapAreaFigures(area).lost };
  });
  const s = result.summary;
  const sum = (f: (a: (typeof areas)[number]) => number | null) => {
    const vals = areas.map(f).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  return {
    assessmentId: input.assessmentId,
    year: input.year,
    areas,
    total: {
      max: areas.reduce((a, r) => a + r.max, 0),
      applicableMax: s.applicableMax,
      selfScore: sum((a) => a.selfScore),
      appraised: sum((a) => a.appraised),
      lastYear: sum((a) => a.lastYear),
    },
  };
}
