import { describe, expect, it } from 'vitest';
import type { CheckInput, CheckNode, CheckScore } from '../../shared/check-model';
import { checkCompleteness, UNASSIGNED_OFFICE_NAME } from '../../shared/completeness';
import {
  deadlineRows,
  DOCUMENTS_GROUP,
  keepGroup,
  officeScores,
  problemsByOffice,
  scoredLeafCount,
} from '../../shared/dashboard';
import { checkNode, checkScore } from '../fixtures/check-input';
import { generateCompletenessDataset } from '../bench/completeness.bench';

const node = (
  id: number,
  parentId: number | null,
  code: string,
  max: string | null,
  extra: Partial<CheckNode> = {},
): CheckNode =>
  checkNode(id, parentId, code, max, {
    title: `Tiêu chí ${code}`,
    step: 25,
    mayBeNotApplicable: true,
    ...extra,
  });
const score = (nodeId: number, value: string | null, extra: Partial<CheckScore> = {}) =>
  checkScore(nodeId, value, { explanation: 'Đã giải trình', ...extra });

/**
 * Area 1 (Phòng Nội vụ): 1.1 scored with evidence (complete), 1.2 scored without evidence
 * (error, 2 points at risk). Area 2: 2.1 Văn phòng, not started, deadline passed; 2.2 without
 * an office, not applicable. One document linked to nothing.
 */
function input(): CheckInput {
  return {
    year: 2026,
    today: '2026-06-10',
    uploadLimitBytes: 0,
    nodes: [
      node(1, null, '1', null, { leadOfficeId: 1 }),
      node(11, 1, '1.1', '3', { leadOfficeId: 1, deadline: '2026-06-01' }),
      node(12, 1, '1.2', '2', { leadOfficeId: 1 }),
      node(2, null, '2', null, { deadline: '2026-06-30' }),
      node(21, 2, '2.1', '4', { leadOfficeId: 2, deadline: '2026-06-09' }),
      node(22, 2, '2.2', '1'),
    ],
    scores: [
      score(11, '3'),
      score(12, '2'),
      score(22, null, { notApplicable: true, naReason: 'Không phát sinh' }),
    ],
    documents: [
      {
        id: 1,
        title: 'ke-hoach.pdf',
        fileKind: 'pdf',
        docType: 'KH',
        number: '15/KH-UBND',
        issuedOn: '2026-01-05',
        subject: 'Kế hoạch CCHC năm 2026',
        draft: false,
        isScan: false,
        encrypted: false,
        damaged: false,
        sizeBytes: 1000,
        fileStatus: 'ok',
      },
      {
        id: 2,
        title: 'le-loi.pdf',
        fileKind: 'pdf',
        docType: 'BC',
        number: '2/BC-UBND',
        issuedOn: '2026-02-01',
        subject: 'Báo cáo',
        draft: false,
        isScan: false,
        encrypted: false,
        damaged: false,
        sizeBytes: 1000,
        fileStatus: 'ok',
      },
    ],
    links: [{ nodeId: 11, documentId: 1, slot: null }],
    offices: [
      { id: 1, name: 'Phòng Nội vụ' },
      { id: 2, name: 'Văn phòng HĐND và UBND' },
    ],
  };
}

describe('problemsByOffice', () => {
  it('groups node problems by lead office, documents last, with each office’s points at risk', () => {
    const i = input();
    const r = checkCompleteness(i);
    const groups = problemsByOffice(i, r);
    expect(groups.map((g) => [g.key, g.name])).toEqual([
      ['office:1', 'Phòng Nội vụ'],
      ['office:2', 'Văn phòng HĐND và UBND'],
      [DOCUMENTS_GROUP, ''],
    ]);
    const noiVu = groups[0]!;
    expect(noiVu.problems.map((x) => [x.code, x.rule])).toEqual([
      ['1.2', 'score.missing_evidence'],
    ]);
    expect(noiVu.pointsAtRisk).toBe(200);
    expect(noiVu.errors).toBe(1);
    const vp = groups[1]!;
    expect(vp.problems.map((x) => x.rule).sort()).toEqual(['node.overdue', 'score.not_scored']);
    expect([vp.errors, vp.warnings, vp.infos]).toEqual([1, 1, 0]);
    expect(groups[2]!.problems.map((x) => x.rule)).toEqual(['document.unlinked']);
    expect(groups[2]!.infos).toBe(1);
  });

  it('filters to one office (no document group) and to errors only', () => {
    const i = input();
    const r = checkCompleteness(i);
    expect(problemsByOffice(i, r, { officeId: 2 }).map((g) => g.key)).toEqual(['office:2']);
    const errorsOnly = problemsByOffice(i, r, { onlyErrors: true });
    expect(errorsOnly.map((g) => g.key)).toEqual(['office:1', 'office:2']);
    expect(errorsOnly.flatMap((g) => g.problems).every((x) => x.severity === 'error')).toBe(true);
    expect(problemsByOffice(i, r, { officeId: 1, onlyErrors: true })[0]!.problems).toHaveLength(1);
  });

  it('puts problems of nodes without an office in the unassigned group', () => {
    const i = input();
    i.scores = i.scores.filter((s) => s.nodeId !== 22);
    const r = checkCompleteness(i);
    const g = problemsByOffice(i, r).find((x) => x.key === 'office:none')!;
    expect(g.name).toBe(UNASSIGNED_OFFICE_NAME);
    expect(g.problems.map((x) => x.code)).toEqual(['2.2']);
    expect(problemsByOffice(i, r, { officeId: null }).map((x) => x.key)).toEqual(['office:none']);
  });
});

describe('deadlineRows', () => {
  it('lists own deadlines earliest first, overdue only when not done', () => {
    const i = input();
    const rows = deadlineRows(i, checkCompleteness(i));
    expect(rows.map((r) => [r.code, r.deadline, r.done, r.overdue, r.daysLeft])).toEqual([
      ['1.1', '2026-06-01', true, false, -9],
      ['2.1', '2026-06-09', false, true, -1],
      ['2', '2026-06-30', false, false, 20],
    ]);
  });

  it('keeps only unfinished ones and one office’s when asked', () => {
    const i = input();
    const r = checkCompleteness(i);
    expect(deadlineRows(i, r, { onlyIncomplete: true }).map((x) => x.code)).toEqual(['2.1', '2']);
    expect(deadlineRows(i, r, { officeId: 2 }).map((x) => x.code)).toEqual(['2.1']);
  });

  it('ignores text that is not a date', () => {
    const i = input();
    i.nodes[1]!.deadline = 'Quý IV';
    expect(deadlineRows(i, checkCompleteness(i)).map((x) => x.code)).toEqual(['2.1', '2']);
  });
});

describe('officeScores and counts', () => {
  it('sums self-score over the applicable maximum of each office’s leaves', () => {
    const i = input();
    const r = checkCompleteness(i);
    const s = officeScores(i, r);
    expect(s.get(1)).toEqual({ score: 500, applicableMax: 500 });
    expect(s.get(2)).toEqual({ score: 0, applicableMax: 400 });
    // 2.2 is not applicable: it counts nowhere.
    expect(s.has(null)).toBe(false);
    expect(scoredLeafCount(r)).toBe(2);
  });

  it('keeps groups by the error and incomplete filters', () => {
    expect(keepGroup({ errors: 0, percent: 100 }, { onlyErrors: true })).toBe(false);
    expect(keepGroup({ errors: 2, percent: 100 }, { onlyErrors: true })).toBe(true);
    expect(keepGroup({ errors: 0, percent: 100 }, { onlyIncomplete: true })).toBe(false);
    expect(keepGroup({ errors: 0, percent: 99 }, { onlyIncomplete: true })).toBe(true);
    expect(keepGroup({ errors: 0, percent: 100 }, {})).toBe(true);
  });

  // Speed is measured by test/bench/completeness.bench.ts; here only that it holds together.
  it('groups every problem of 2,000 leaves and 20,000 documents', () => {
    const big = generateCompletenessDataset();
    const r = checkCompleteness(big);
    const groups = problemsByOffice(big, r);
    deadlineRows(big, r);
    officeScores(big, r);
    expect(groups.reduce((n, g) => n + g.problems.length, 0)).toBe(r.problems.length);
  });
});
