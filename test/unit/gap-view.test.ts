import { describe, expect, it } from 'vitest';
import type { CheckNode, CheckScore } from '../../shared/check-model';
import type { GapAnalysis } from '../../shared/contract/scoring';
import {
  gapAreaFigures,
  gapTotals,
  notApplicableByArea,
  unscoredByArea,
} from '../../shared/gap-view';
import { rollup } from '../../shared/scoring';
import { previousAssessment } from '../../shared/models';

type Area = GapAnalysis['areas'][number];

function row(code: string, extra: Partial<Area> = {}): Area {
  return {
    nodeId: Number(code.replace(/\D/g, '')),
    code,
    title: `Mục ${code}`,
    level: code.split('.').length,
    max: 1000,
    applicableMax: 1000,
    selfScore: null,
    appraised: null,
    lastYear: null,
    lost: 0,
    office: null,
    explanation: null,
    naReason: null,
    losers: [],
    ...extra,
  };
}

describe('gapAreaFigures', () => {
  it('sums the losers and compares with the appraisal and last year', () => {
    const area = row('5', {
      selfScore: 900,
      appraised: 750,
      lastYear: 700,
      losers: [row('5.1', { lost: 150 }), row('5.2', { lost: 100 })],
    });
    expect(gapAreaFigures(area)).toEqual({
      basis: 750,
      lost: 250,
      appraisalDiff: -150,
      changeFromLastYear: 50,
    });
  });

  it('uses the self-score until the appraisal is known and leaves unknowns null', () => {
    expect(gapAreaFigures(row('1', { selfScore: 800 }))).toEqual({
      basis: 800,
      lost: 0,
      appraisalDiff: null,
      changeFromLastYear: null,
    });
    expect(gapAreaFigures(row('2')).basis).toBeNull();
  });
});

describe('gapTotals', () => {
  it('gives the indexes on the applicable maximum and the total points lost', () => {
    const t = gapTotals({
      areas: [
        row('1', { losers: [row('1.1', { lost: 50 })] }),
        row('2', { losers: [row('2.1', { lost: 25 }), row('2.2', { lost: 25 })] }),
      ],
      total: { max: 10_000, applicableMax: 9950, selfScore: 7250, appraised: 7000, lastYear: null },
    });
    expect(t.lost).toBe(100);
    expect(t.losers).toBe(3);
    expect(t.selfIndex).toBe(72.86);
    expect(t.appraisedIndex).toBe(70.35);
    expect(t.appraisalDiff).toBe(-250);
    expect(t.changeFromLastYear).toBeNull();
  });

  it('has no index before anything is scored', () => {
    const t = gapTotals({
      areas: [row('1')],
      total: { max: 1000, applicableMax: 1000, selfScore: null, appraised: null, lastYear: null },
    });
    expect([t.selfIndex, t.appraisedIndex, t.basis]).toEqual([null, null, null]);
  });
});

describe('notApplicableByArea', () => {
  const n = (id: number, parentId: number | null, code: string, max: number | null): CheckNode => ({
    id,
    parentId,
    code,
    title: `Mục ${code}`,
    kind: 'self',
    maxPoints: max,
    step: null,
    mayBeNotApplicable: true,
    leadOfficeId: null,
    deadline: null,
    evidenceSlots: [],
    scoringOptions: [],
  });
  const na = (nodeId: number, naReason: string | null): CheckScore => ({
    nodeId,
    selfScore: null,
    notApplicable: true,
    naReason,
    explanation: null,
    appraised: null,
    lastYear: null,
  });

  it('lists the top of each not-applicable subtree under its area, with reason and maximum', () => {
    const nodes = [
      n(5, null, '5', null),
      n(51, 5, '5.1', 150),
      n(52, 5, '5.2', null),
      n(521, 52, '5.2.1', 25),
      n(522, 52, '5.2.2', 25),
      n(6, null, '6', null),
      n(61, 6, '6.1', 100),
    ];
    const scores = [na(52, 'Trong năm không tuyển dụng công chức'), na(521, null)];
    const map = notApplicableByArea({ nodes, scores }, rollup(nodes, scores));
    expect([...map.keys()]).toEqual([5]);
    expect(map.get(5)).toEqual([
      {
        nodeId: 52,
        code: '5.2',
        title: 'Mục 5.2',
        max: 50,
        reason: 'Trong năm không tuyển dụng công chức',
      },
    ]);
  });
});

describe('unscoredByArea', () => {
  it('sums the maxima of applicable sub-criteria still without a self-score', () => {
    const leaf = (
      id: number,
      parentId: number | null,
      code: string,
      max: number | null,
      kind: CheckNode['kind'] = 'self',
    ): CheckNode => ({
      id,
      parentId,
      code,
      title: code,
      kind,
      maxPoints: max,
      step: null,
      mayBeNotApplicable: true,
      leadOfficeId: null,
      deadline: null,
      evidenceSlots: [],
      scoringOptions: [],
    });
    const s = (nodeId: number, selfScore: number | null, notApplicable = false): CheckScore => ({
      nodeId,
      selfScore,
      notApplicable,
      naReason: notApplicable ? 'Không phát sinh' : null,
      explanation: null,
      appraised: null,
      lastYear: null,
    });
    const nodes = [
      leaf(1, null, '1', null),
      leaf(11, 1, '1.1', 100),
      leaf(12, 1, '1.2', 150),
      leaf(13, 1, '1.3', 50),
      leaf(14, 1, '1.4', 100, 'bonus'),
      leaf(2, null, '2', null),
      leaf(21, 2, '2.1', 200),
    ];
    const scores = [s(11, 100), s(13, null, true), s(21, 0)];
    const map = unscoredByArea({ nodes, scores }, rollup(nodes, scores));
    expect([...map]).toEqual([[1, 150]]);
  });
});

describe('previousAssessment', () => {
  it('takes the latest earlier year of the same index, newest id first among equals', () => {
    const a = (id: number, year: number, indexKind: 'PAR' | 'PAPI') => ({ id, year, indexKind });
    const all = [
      a(1, 2024, 'PAR'),
      a(2, 2025, 'PAR'),
      a(3, 2025, 'PAR'),
      a(4, 2025, 'PAPI'),
      a(5, 2026, 'PAR'),
    ];
    expect(previousAssessment(all, a(5, 2026, 'PAR'))?.id).toBe(3);
    expect(previousAssessment(all, a(6, 2026, 'PAPI'))?.id).toBe(4);
    expect(previousAssessment(all, a(1, 2024, 'PAR'))).toBeNull();
  });
});
