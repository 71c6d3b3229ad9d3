import { describe, expect, it } from 'vitest';
import type { CheckScore } from '../../shared/check-model';
import { checkNode, checkScore } from '../fixtures/check-input';
import { formatPoints, parsePoints } from '../../shared/points';
import {
  computeIndex,
  formatIndex,
  rollup,
  rollupWithTotal,
  scoreIssue,
  validateScore,
} from '../../shared/scoring';

const p = parsePoints;

const node = checkNode;
const score = checkScore;
const na = (nodeId: number): CheckScore =>
  score(nodeId, null, { notApplicable: true, naReason: 'Không phát sinh' });

describe('rollup', () => {
  it('reproduces seed 001: "Cải cách chế độ công vụ đạt 6,5/11,5" (max 12, a 0,5 item not scored)', () => {
    // Area 5 of the Lạng Sơn district set: 12 points; "tuyển dụng công chức cấp xã" (0,5) is
    // not scored that year, so the area is judged on 11,5.
    const nodes = [
      node(5, null, '5', null),
      node(51, 5, '5.1', null),
      node(511, 51, '5.1.1', '1,5'),
      node(512, 51, '5.1.2', '1'),
      node(52, 5, '5.2', null),
      node(521, 52, '5.2.1', '1,5'),
      node(522, 52, '5.2.2', '0,5', {
        title: 'Tuyển dụng công chức cấp xã',
        mayBeNotApplicable: true,
      }),
      node(53, 5, '5.3', null),
      node(531, 53, '5.3.1', '2'),
      node(532, 53, '5.3.2', '2,5'),
      node(533, 53, '5.3.3', '3'),
    ];
    const scores = [
      score(511, '0,5'),
      score(512, '0'),
      score(521, '1,5'),
      na(522),
      score(531, '1'),
      score(532, '1,5'),
      score(533, '2'),
    ];
    const r = rollup(nodes, scores).get(5)!;
    expect(r.max).toBe(p('12'));
    expect(r.applicableMax).toBe(p('11,5'));
    expect(r.score).toBe(p('6,5'));
    expect(`${formatPoints(r.score)}/${formatPoints(r.applicableMax)}`).toBe('6,5/11,5');
    expect(r.index).toBe(56.52);
    expect(formatIndex(r.index)).toBe('56,52');
    expect(r.leaves).toBe(6);
    expect(r.notApplicableLeaves).toBe(1);
    expect(r.scoredLeaves).toBe(6);
    // The criterion holding the not-applicable item: 1,5/1,5, not 1,5/2.
    const c52 = rollup(nodes, scores).get(52)!;
    expect([c52.score, c52.max, c52.applicableMax]).toEqual([p('1,5'), p('2'), p('1,5')]);
  });

  it('sums exactly in hundredths (no floating drift)', () => {
    // 0,1 + 0,2 is 0.30000000000000004 in floats; here it must be exactly 0,3.
    const nodes = [node(1, null, '1', null), node(2, 1, '1.1', '0,1'), node(3, 1, '1.2', '0,2')];
    const r = rollup(nodes, [score(2, '0,1'), score(3, '0,2')]).get(1)!;
    expect(r.score).toBe(30);
    expect(formatPoints(r.score)).toBe('0,3');

    const many = [node(100, null, '1', null)];
    const scores: CheckScore[] = [];
    for (let i = 1; i <= 40; i++) {
      many.push(node(100 + i, 100, `1.${i}`, '0,25'));
      scores.push(score(100 + i, '0,25'));
    }
    const m = rollup(many, scores).get(100)!;
    expect(m.score).toBe(1000);
    expect(m.max).toBe(1000);
    expect(m.index).toBe(100);
  });

  it('sums children into parents over several levels and counts leaves', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', null),
      node(3, 2, '1.1.1', '1'),
      node(4, 2, '1.1.2', '2'),
      node(5, 1, '1.2', '3'),
    ];
    const r = rollup(nodes, [score(3, '1'), score(5, '2,5')]);
    expect(r.get(2)).toMatchObject({
      score: 100,
      max: 300,
      applicableMax: 300,
      leaves: 2,
      scoredLeaves: 1,
    });
    expect(r.get(1)).toMatchObject({ score: 350, max: 600, leaves: 3, scoredLeaves: 2 });
    expect(r.get(1)!.index).toBe(58.33);
    expect(r.get(4)).toMatchObject({ score: 0, max: 200, scoredLeaves: 0, leaves: 1 });
  });

  it('does not depend on the input being in tree order', () => {
    const ordered = [
      node(1, null, '1', null),
      node(2, 1, '1.1', null),
      node(3, 2, '1.1.1', '1'),
      node(4, 1, '1.2', '2'),
    ];
    const shuffled = [ordered[2]!, ordered[3]!, ordered[1]!, ordered[0]!];
    const scores = [score(3, '0,75'), score(4, '2')];
    expect(rollup(shuffled, scores).get(1)).toEqual(rollup(ordered, scores).get(1));
    expect(rollup(shuffled, scores).get(1)!.score).toBe(275);
  });

  it('takes a not-applicable leaf out of the applicable maximum', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', '1', { mayBeNotApplicable: true }),
      node(3, 1, '1.2', '3'),
    ];
    const r = rollup(nodes, [score(2, '1', { notApplicable: true, naReason: 'x' }), score(3, '3')]);
    // The stray score on the not-applicable item is ignored.
    expect(r.get(1)).toMatchObject({ score: 300, max: 400, applicableMax: 300, index: 100 });
    expect(r.get(2)).toMatchObject({
      score: 0,
      applicableMax: 0,
      index: null,
      notApplicable: true,
    });
  });

  it('excludes the whole subtree of a not-applicable parent', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', null, { mayBeNotApplicable: true }),
      node(3, 2, '1.1.1', '1'),
      node(4, 2, '1.1.2', '1'),
      node(5, 1, '1.2', '2'),
    ];
    const scores = [na(2), score(3, '1'), score(4, '0,5'), score(5, '1', { appraised: 50 })];
    const r = rollup(nodes, scores);
    expect(r.get(2)).toMatchObject({ score: 0, max: 200, applicableMax: 0, notApplicable: true });
    expect(r.get(3)).toMatchObject({ score: 0, applicableMax: 0, notApplicable: true });
    expect(r.get(1)).toMatchObject({ score: 100, max: 400, applicableMax: 200, index: 50 });
    expect(r.get(1)).toMatchObject({ leaves: 1, notApplicableLeaves: 2, scoredLeaves: 1 });
    expect(r.get(1)!.appraised).toBe(50);
  });

  it('caps bonus nodes by their maximum and adds them on top of the maximum', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', '10'),
      node(3, 1, '1.2', null, { kind: 'bonus', title: 'Điểm thưởng' }),
      node(4, 3, '1.2.1', '1', { kind: 'bonus' }),
      node(5, 3, '1.2.2', '0,5', { kind: 'bonus' }),
    ];
    const r = rollup(nodes, [score(2, '10'), score(4, '1,5'), score(5, '0,5')]);
    expect(r.get(4)!.score).toBe(100); // 1,5 entered on a 1-point bonus: capped
    expect(r.get(3)).toMatchObject({ score: 150, max: 150 });
    expect(r.get(1)).toMatchObject({ score: 1150, max: 1000, applicableMax: 1000 });
    expect(r.get(1)!.index).toBe(115);

    // A bonus group with its own cap ("thưởng tối đa 1 điểm") caps the sum of its items.
    const capped = nodes.map((n) => (n.id === 3 ? { ...n, maxPoints: 100 } : n));
    const c = rollup(capped, [score(2, '10'), score(4, '1'), score(5, '0,5')]);
    expect(c.get(3)!.score).toBe(100);
    expect(c.get(1)!.score).toBe(1100);
  });

  it('makes penalty nodes negative, floored at −max, outside the maximum', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', '5'),
      node(3, 1, '1.2', '2', { kind: 'penalty', title: 'Bị kỷ luật' }),
      node(4, 1, '1.3', '1', { kind: 'penalty' }),
    ];
    const r = rollup(nodes, [score(2, '5'), score(3, '-0,5'), score(4, '-3')]);
    expect(r.get(3)!.score).toBe(-50);
    expect(r.get(4)!.score).toBe(-100); // −3 on a 1-point penalty: floored at −1
    expect(r.get(1)).toMatchObject({ score: 350, max: 500, applicableMax: 500, index: 70 });
    // A positive value on a penalty is never a bonus.
    expect(rollup(nodes, [score(2, '5'), score(3, '1')]).get(1)!.score).toBe(500);
  });

  it('counts survey nodes in the maximum like self-assessed ones', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', '3'),
      node(3, 1, '1.2', '7', { kind: 'survey' }),
    ];
    const r = rollup(nodes, [score(2, '3'), score(3, '5,25')]);
    expect(r.get(1)).toMatchObject({ score: 825, max: 1000, applicableMax: 1000, index: 82.5 });
    expect(r.get(3)!.kind).toBe('survey');
  });

  it('lets self rows inherit the kind of a survey or bonus group', () => {
    const nodes = [
      node(9, null, '9', null, { kind: 'survey' }),
      node(91, 9, '9.1', '10'),
      node(10, null, 'T', '2', { kind: 'bonus' }),
      node(101, 10, 'T.1', '1,5'),
      node(102, 10, 'T.2', '1,5'),
    ];
    const res = rollupWithTotal(nodes, [score(91, '8'), score(101, '1,5'), score(102, '1,5')]);
    expect(res.nodes.get(91)!.kind).toBe('survey');
    expect(res.nodes.get(101)!.kind).toBe('bonus');
    expect(res.nodes.get(10)).toMatchObject({ score: 200, max: 200 });
    // The bonus area adds 2 on top; only the survey area makes the maximum.
    expect(res.total).toMatchObject({ score: 1000, max: 1000, applicableMax: 1000, index: 100 });
  });

  it('sums appraised and last-year scores, null when nobody entered any', () => {
    const nodes = [node(1, null, '1', null), node(2, 1, '1.1', '2'), node(3, 1, '1.2', '2')];
    const none = rollup(nodes, [score(2, '1'), score(3, '1')]).get(1)!;
    expect(none.appraised).toBeNull();
    expect(none.lastYear).toBeNull();
    const some = rollup(nodes, [
      score(2, '1', { appraised: 75, lastYear: 200 }),
      score(3, '1', { lastYear: 25 }),
    ]).get(1)!;
    expect(some.appraised).toBe(75);
    expect(some.lastYear).toBe(225);
  });

  it('gives a null index when nothing is applicable and totals several areas', () => {
    const nodes = [
      node(1, null, '1', null),
      node(2, 1, '1.1', '1', { mayBeNotApplicable: true }),
      node(3, null, '2', null),
      node(4, 3, '2.1', '3'),
    ];
    const res = rollupWithTotal(nodes, [na(2), score(4, '1')]);
    expect(res.nodes.get(1)!.index).toBeNull();
    expect(res.total).toMatchObject({ score: 100, max: 400, applicableMax: 300, index: 33.33 });
    expect(res.total.leaves).toBe(1);
  });
});

describe('computeIndex / formatIndex', () => {
  it('rounds to two decimals, half away from zero', () => {
    expect(computeIndex(650, 1150)).toBe(56.52);
    expect(computeIndex(200, 300)).toBe(66.67);
    expect(computeIndex(1, 8)).toBe(12.5);
    expect(computeIndex(1, 80_000)).toBe(0); // 0.00125 → 0
    expect(computeIndex(1, 16_000)).toBe(0.01); // 0.00625 → 0,01
    expect(computeIndex(-1, 16_000)).toBe(-0.01);
    expect(computeIndex(0, 100)).toBe(0);
    expect(Object.is(computeIndex(-1, 80_000), -0)).toBe(false);
    expect(computeIndex(5, 0)).toBeNull();
  });

  it('shows a comma', () => {
    expect(formatIndex(72.34)).toBe('72,34');
    expect(formatIndex(100)).toBe('100');
    expect(formatIndex(56.5)).toBe('56,5');
    expect(formatIndex(0.05)).toBe('0,05');
    expect(formatIndex(null)).toBe('');
  });
});

describe('validateScore', () => {
  const leaf = node(1, null, '1.1', '2', { step: 25 });

  it('accepts a score in range and on the step, and a blank score', () => {
    expect(validateScore(leaf, p('1,75'))).toBeNull();
    expect(validateScore(leaf, 0)).toBeNull();
    expect(validateScore(leaf, p('2'))).toBeNull();
    expect(validateScore(leaf, null)).toBeNull();
  });

  it('rejects a score above the maximum, naming both with a comma', () => {
    const msg = validateScore(node(1, null, '1.1', '9,5'), p('10,5'));
    expect(msg).toBe('Điểm 10,5 vượt quá điểm tối đa (9,5 điểm).');
  });

  it('rejects a negative score on a node that is not a penalty', () => {
    expect(validateScore(leaf, -25)).toMatch(/chỉ tiêu chí điểm trừ mới được chấm điểm âm/);
    expect(validateScore({ ...leaf, kind: 'bonus' }, -25)).not.toBeNull();
    expect(validateScore({ ...leaf, kind: 'survey' }, -25)).not.toBeNull();
  });

  it('rejects a score off the step', () => {
    expect(validateScore(leaf, p('0,3'))).toBe(
      'Điểm 0,3 không đúng bước chấm: phải là bội số của 0,25.',
    );
    expect(scoreIssue(leaf, 30)?.rule).toBe('score.off_step');
  });

  it('checks penalties between −max and 0', () => {
    const pen = node(1, null, 'T', '1', { kind: 'penalty' });
    expect(validateScore(pen, -50)).toBeNull();
    expect(validateScore(pen, -100)).toBeNull();
    expect(validateScore(pen, 50)).toMatch(/^Điểm trừ phải là số âm hoặc 0/);
    expect(validateScore(pen, -150)).toBe('Điểm trừ -1,5 vượt mức trừ tối đa (-1 điểm).');
    // A self row checked with the kind it inherits from a penalty group.
    expect(validateScore(node(2, 1, 'T.1', '1'), 50, 'penalty')).not.toBeNull();
  });

  it('accepts only the levels of the scoring guide when it has some', () => {
    const guided = node(1, null, '1.1', '1', {
      step: 25,
      scoringOptions: [
        { label: 'Hoàn thành 100%', points: 100 },
        { label: 'Từ 80% đến dưới 100%', points: 50 },
        { label: 'Dưới 80%', points: 0 },
      ],
    });
    expect(validateScore(guided, 50)).toBeNull();
    expect(validateScore(guided, 75)).toBe(
      'Điểm 0,75 không thuộc các mức chấm theo hướng dẫn: 1; 0,5; 0.',
    );
    expect(scoreIssue(guided, 75)?.rule).toBe('score.not_an_option');
  });

  it('rejects a value that is not whole hundredths', () => {
    expect(scoreIssue(leaf, 12.5)?.rule).toBe('score.invalid');
    expect(validateScore(leaf, Number.NaN)).not.toBeNull();
  });

  it('only checks the sign when the node has no maximum', () => {
    const free = node(1, null, '1', null);
    expect(validateScore(free, 99_999)).toBeNull();
    expect(validateScore(free, -1)).not.toBeNull();
  });
});

describe('penalty maxima stored as the size of the deduction', () => {
  // "Trừ tối đa 1 điểm" is stored as max 1 with kind 'penalty'; the deduction is entered as −1.
  const pen = node(1, null, 'VI.1', '1', { kind: 'penalty', title: 'Để xảy ra sai phạm' });
  // Older imports stored the same maximum as −1: it must behave the same.
  const legacy = { ...pen, maxPoints: -100 };

  it('accepts deductions down to −max and refuses more, without a double minus', () => {
    for (const n of [pen, legacy]) {
      expect(validateScore(n, 0)).toBeNull();
      expect(validateScore(n, p('-0,5'))).toBeNull();
      expect(validateScore(n, p('-1'))).toBeNull();
      expect(validateScore(n, p('-1,5'))).toBe('Điểm trừ -1,5 vượt mức trừ tối đa (-1 điểm).');
      expect(scoreIssue(n, p('-1,5'))?.rule).toBe('score.out_of_range');
      expect(validateScore(n, p('1'))).toBe(
        'Điểm trừ phải là số âm hoặc 0 (ví dụ: -0,5), không phải 1.',
      );
    }
    for (const v of [-1000, -150, -101, 1, 100]) {
      expect(validateScore(pen, v) ?? '').not.toMatch(/--/);
      expect(validateScore(legacy, v) ?? '').not.toMatch(/--/);
    }
  });

  it('matches guide levels written as positive deductions', () => {
    const guided = {
      ...pen,
      scoringOptions: [
        { label: 'Có vi phạm', points: 100 },
        { label: 'Không vi phạm', points: 0 },
      ],
    };
    expect(validateScore(guided, -100)).toBeNull();
    expect(validateScore(guided, 0)).toBeNull();
    expect(validateScore(guided, -50)).toBe(
      'Điểm -0,5 không thuộc các mức chấm theo hướng dẫn: -1; 0.',
    );
  });

  it('floors at −max and stays outside the 100 in the roll-up, whichever sign was stored', () => {
    for (const stored of [200, -200]) {
      const nodes = [
        node(1, null, 'I', null),
        node(2, 1, '1', '5'),
        node(3, null, 'VI', null, { kind: 'penalty', maxPoints: stored }),
        node(4, 3, '1', null, { kind: 'penalty', maxPoints: stored / 2 }),
        node(5, 3, '2', null, { kind: 'penalty', maxPoints: stored / 2 }),
      ];
      const r = rollupWithTotal(nodes, [score(2, '5'), score(4, '-3'), score(5, '-0,5')]);
      expect(r.nodes.get(4)).toMatchObject({ score: -100, max: 100 }); // −3 floored at −1
      expect(r.nodes.get(3)).toMatchObject({ score: -150, max: 200 });
      expect(r.total).toMatchObject({ score: 350, max: 500, applicableMax: 500, index: 70 });
    }
  });
});
