import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Input, Method, Output } from '../../shared/api';
import { parsePoints } from '../../shared/points';
import { runCli } from '../helpers/cli';
import { tempDir, testCore } from '../helpers/workspace';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function demo(): Promise<{ core: Core; dir: string; id: (code: string) => Promise<number> }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const core = testCore(t.dir);
  cleanups.unshift(() => core.close());
  await core.dispatch('workspace.demo', {});
  const tree = await ok(core, 'criteria.tree', {});
  return { core, dir: t.dir, id: async (code) => tree.nodes.find((n) => n.code === code)!.id };
}

async function ok<M extends Method>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as Output<M>;
}
async function fail(core: Core, method: Method, input: unknown) {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

describe('scores', () => {
  it('reproduces seed 001: area 5 at 6,5/11,5 with a 0,5-point item not scored', async () => {
    const { core, id } = await demo();
    // Area 5 (max 12): 5.1.1 1,5 · 5.1.2 0 · 5.2 N/A (0,5) · 5.3.1 1 · 5.3.2 1 · 5.4 1,5 · 5.5.1 1,5 · 5.5.2 0 = 6,5
    const scores: [string, string][] = [
      ['5.1.1', '1,5'],
      ['5.1.2', '0'],
      ['5.3.1', '1'],
      ['5.3.2', '1'],
      ['5.4', '1.5'],
      ['5.5.1', '1,5'],
      ['5.5.2', '0'],
    ];
    for (const [code, p] of scores)
      await ok(core, 'score.set', { nodeId: await id(code), selfScore: parsePoints(p) });
    await ok(core, 'score.set', {
      nodeId: await id('5.2'),
      notApplicable: true,
      naReason: 'Trong năm không tuyển dụng công chức',
    });
    const report = await ok(core, 'check.run', {});
    const area5 = report.byArea.find((a) => a.code === '5')!;
    expect(area5.score).toBe(6.5);
    expect(area5.applicableMax).toBe(11.5);
    expect(area5.index).toBe(56.52);
    expect(report.summary.applicableMax).toBe(99.5);
  });

  it('refuses bad scores in Vietnamese and keeps the old value', async () => {
    const { core, id } = await demo();
    const n = await id('1.1.2');
    await ok(core, 'score.set', { nodeId: n, selfScore: 50 });
    const cases: [unknown, RegExp][] = [
      [{ nodeId: n, selfScore: 150 }, /vượt quá điểm tối đa \(1 điểm\)/],
      [{ nodeId: n, selfScore: 25 }, /không thuộc các mức chấm theo hướng dẫn: 1; 0,5; 0/],
      [{ nodeId: n, selfScore: -50 }, /chỉ tiêu chí điểm trừ mới được chấm điểm âm/],
      [
        { nodeId: n, notApplicable: true, naReason: 'x' },
        /không được “không chấm” theo bộ tiêu chí/,
      ],
      [{ nodeId: await id('5.2'), notApplicable: true }, /Hãy ghi lý do không chấm tiêu chí 5.2/],
      [{ nodeId: await id('1.1'), selfScore: 100 }, /có mục con: điểm được cộng từ các mục con/],
      [{ nodeId: n, selfScore: 0.5 }, /^Dữ liệu không hợp lệ/],
    ];
    for (const [input, message] of cases)
      expect((await fail(core, 'score.set', input)).message).toMatch(message);
    expect(await ok(core, 'score.get', { nodeId: n })).toMatchObject({
      selfScore: 50,
      notApplicable: false,
    });
  });

  it('puts points at risk when a scored leaf has no evidence, and survey nodes need none', async () => {
    const { core, id } = await demo();
    await ok(core, 'score.set', {
      nodeId: await id('3.3.1'),
      selfScore: 300,
      explanation: 'Đạt 99%',
    });
    await ok(core, 'score.set', { nodeId: await id('9.1'), selfScore: 480 });
    const r = await ok(core, 'check.run', {});
    expect(r.summary.pointsAtRisk).toBe(3);
    const missing = r.problems.filter((p) => p.rule === 'score.missing_evidence');
    expect(missing.map((p) => p.code)).toEqual(['3.3.1']);
    expect(missing[0]!.message).toMatch(/3\.3\.1/);
    expect(r.problems.some((p) => p.code === '9.1' && p.severity === 'error')).toBe(false);
    const office = r.byOffice.find((o) => o.name === 'Trung tâm Phục vụ hành chính công')!;
    expect(office.pointsAtRisk).toBe(3);
    expect(r.summary.score).toBe(7.8);
  });

  it('gap analysis: self vs appraised vs last year, losers with office and explanation; exports to Excel', async () => {
    const { core, id } = await demo();
    const tree = await ok(core, 'criteria.tree', {});
    await ok(core, 'score.set', { nodeId: await id('1.1.1'), selfScore: 100, appraised: 100 });
    await ok(core, 'score.set', {
      nodeId: await id('1.1.2'),
      selfScore: 100,
      appraised: 50,
      explanation: 'Hoàn thành 85% kế hoạch',
    });
    const next = await ok(core, 'assessment.newYear', {
      fromAssessmentId: tree.assessment.id,
      year: 2027,
    });
    const copied = await ok(core, 'score.copyLastYear', {
      assessmentId: next.id,
      fromAssessmentId: tree.assessment.id,
    });
    expect(copied.matched).toBe(2);
    const gapNext = await ok(core, 'gap.analysis', { assessmentId: next.id });
    expect(gapNext.areas[0]!.lastYear).toBe(150);

    const gap = await ok(core, 'gap.analysis', { assessmentId: tree.assessment.id });
    const area1 = gap.areas[0]!;
    expect(area1).toMatchObject({ code: '1', selfScore: 200, appraised: 150 });
    expect(area1.losers.map((l) => [l.code, l.lost, l.office, l.explanation])).toEqual([
      ['1.1.2', 50, 'Văn phòng HĐND và UBND', 'Hoàn thành 85% kế hoạch'],
    ]);
    const x = await ok(core, 'gap.exportXlsx', { assessmentId: tree.assessment.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phân tích điểm')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^PHÂN TÍCH ĐIỂM .* NĂM 2026$/);
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(
      [
        '1.1.2',
        'Mức độ hoàn thành kế hoạch CCHC năm',
        1,
        1,
        0.5,
        null,
        0.5,
        'Văn phòng HĐND và UBND',
        'Hoàn thành 85% kế hoạch',
      ].map((v) => (v === null ? undefined : v)),
    );
  });
});

describe('hskc score / check', () => {
  it('scores with a comma, prints the documented JSON, and --strict fails on errors', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    await runCli('demo', t.dir);
    const s = await runCli('score', t.dir, '1.1.2', '0,5', '--note', 'Đạt 85%', '--json');
    expect(s.code).toBe(0);
    expect(JSON.parse(s.out)).toMatchObject({
      code: '1.1.2',
      selfScore: 0.5,
      explanation: 'Đạt 85%',
    });
    expect((await runCli('score', t.dir, '5.2', 'na', '--reason', 'Không tuyển dụng')).out).toMatch(
      /không chấm \(Không tuyển dụng\)/,
    );
    const bad = await runCli('score', t.dir, '1.1.2', '2');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/vượt quá điểm tối đa/);
    expect((await runCli('score', t.dir, '1.1.2', 'mười')).err).toMatch(
      /không phải là số điểm hợp lệ/,
    );

    const c = await runCli('check', t.dir, '--json');
    expect(c.code).toBe(0);
    const report = JSON.parse(c.out);
    expect(Object.keys(report).sort()).toEqual(['byArea', 'byOffice', 'problems', 'summary']);
    expect(Object.keys(report.summary)).toEqual(
      expect.arrayContaining([
        'leaves',
        'complete',
        'errors',
        'warnings',
        'score',
        'applicableMax',
        'index',
        'pointsAtRisk',
      ]),
    );
    expect(report.summary.score).toBe(0.5);
    expect(report.summary.pointsAtRisk).toBe(0.5);
    expect(report.problems[0]).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        severity: expect.any(String),
        rule: expect.any(String),
        message: expect.any(String),
      }),
    );
    expect((await runCli('check', t.dir, '--strict')).code).toBe(1);
    const text = await runCli('check', t.dir);
    expect(text.out).toMatch(/Điểm tự đánh giá: 0,5\/99,5/);
  });
});
