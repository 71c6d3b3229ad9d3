import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Method } from '../../shared/api';
import { gapAreaFigures, gapTotals } from '../../shared/gap-view';
import { parsePoints } from '../../shared/points';
import { runCli } from '../helpers/cli';
import { tempDir, testCore, callOk } from '../helpers/workspace';

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

const ok = callOk;
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

/** The stored file of a document linked to a node, and that node's code, read from the database. */
function linkedStoredFile(dir: string): { documentId: number; code: string; file: string } {
  const db = new Database(path.join(dir, 'hskc.sqlite'), { readonly: true });
  try {
    const r = db
      .prepare(
        `SELECT d.id, d.sha256, n.code FROM document d JOIN document_link l ON l.document_id = d.id
         JOIN node n ON n.id = l.node_id WHERE d.deleted_at IS NULL ORDER BY d.id LIMIT 1`,
      )
      .get() as { id: number; sha256: string; code: string };
    return {
      documentId: r.id,
      code: r.code,
      file: path.join(dir, 'files', r.sha256.slice(0, 2), r.sha256.slice(2)),
    };
  } finally {
    db.close();
  }
}

describe('workspace.verify feeds the completeness check', () => {
  it('records a corrupt file for check.run and clears it once the file is fine again', async () => {
    const { core, dir } = await demo();
    const { documentId, code, file } = linkedStoredFile(dir);
    const corruptOf = async () =>
      (await ok(core, 'check.run', {})).problems.filter((p) => p.rule === 'evidence.file_corrupt');
    expect(await corruptOf()).toEqual([]);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('thêm')]));
    // Not re-hashed on every check: only what a verification recorded counts.
    expect(await corruptOf()).toEqual([]);
    const report = await ok(core, 'workspace.verify', {});
    expect(report).toMatchObject({ ok: false, files: { corrupt: 1, missing: 0 } });
    const found = await corruptOf();
    expect(found.map((p) => [p.code, p.documentId, p.severity])).toContainEqual([
      code,
      documentId,
      'error',
    ]);
    expect(found[0]!.message).toMatch(/bị hỏng hoặc đã bị thay đổi/);

    writeFileSync(file, original);
    expect((await ok(core, 'workspace.verify', {})).ok).toBe(true);
    expect(await corruptOf()).toEqual([]);

    // A file recorded missing that comes back is not reported missing any more.
    rmSync(file);
    await ok(core, 'workspace.verify', {});
    const missing = (await ok(core, 'check.run', {})).problems.filter(
      (p) => p.rule === 'evidence.file_missing' && p.documentId === documentId,
    );
    expect(missing.length).toBeGreaterThan(0);
    writeFileSync(file, original);
    const after = (await ok(core, 'check.run', {})).problems;
    expect(
      after.some((p) => p.rule.startsWith('evidence.file_') && p.documentId === documentId),
    ).toBe(false);
  });
});

describe('gap export matches the screen', () => {
  it('writes the lost points gap-view computes, a TỔNG lost total, and readable numbers', async () => {
    const { core, id } = await demo();
    // Area 1: 1.1.1 full marks, 1.1.2 cut by the appraisal, the rest of the area not scored.
    await ok(core, 'score.set', { nodeId: await id('1.1.1'), selfScore: 100, appraised: 100 });
    await ok(core, 'score.set', {
      nodeId: await id('1.1.2'),
      selfScore: 100,
      appraised: 50,
      explanation: 'Hoàn thành 85% kế hoạch',
    });
    // Area 5: one item below the maximum with a quarter point lost, another not applicable.
    await ok(core, 'score.set', { nodeId: await id('5.1.1'), selfScore: 125 });
    await ok(core, 'score.set', { nodeId: await id('5.3.1'), selfScore: 100, lastYear: 75 });
    await ok(core, 'score.set', {
      nodeId: await id('5.2'),
      notApplicable: true,
      naReason: 'Không tuyển dụng',
    });
    const gap = await ok(core, 'gap.analysis', {});
    const x = await ok(core, 'gap.exportXlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phân tích điểm')!;
    const rowOf = new Map<string, ExcelJS.Row>();
    ws.eachRow((r, n) => {
      if (n > 3) rowOf.set(String(r.getCell(1).value ?? '') || String(r.getCell(2).value), r);
    });
    const lostCell = (r: ExcelJS.Row) => r.getCell(7).value as number | null;

    // Every area's lost points are the screen's (the sum of its losers), not max − score.
    let areasWithLoss = 0;
    for (const area of gap.areas) {
      const shown = gapAreaFigures(area).lost;
      expect(area.lost).toBe(shown);
      expect(lostCell(rowOf.get(area.code)!)).toBe(shown / 100);
      if (shown > 0) areasWithLoss++;
    }
    expect(areasWithLoss).toBe(2);
    const area1 = gap.areas.find((a) => a.code === '1')!;
    expect(gapAreaFigures(area1).lost).toBe(50); // not 10 − 1,5 = 8,5
    expect(gapAreaFigures(gap.areas.find((a) => a.code === '5')!).lost).toBe(25);

    const total = rowOf.get('TỔNG')!;
    expect(lostCell(total)).toBe(gapTotals(gap).lost / 100);
    expect(lostCell(total)).toBe(0.75);
    expect(total.getCell(3).value).toBe(gap.total.applicableMax / 100);
    expect(total.getCell(4).value).toBe(gap.total.selfScore! / 100);

    // Whole points show as "10", not "10."; halves and quarters keep their decimals.
    const fmts = new Set<string>();
    ws.eachRow((r, n) => {
      if (n <= 3) return;
      for (let c = 3; c <= 7; c++) {
        const cell = r.getCell(c);
        if (typeof cell.value !== 'number') continue;
        fmts.add(cell.numFmt);
        const v = cell.value;
        expect(cell.numFmt).toBe(
          Number.isInteger(v) ? '0' : Number.isInteger(v * 10) ? '0.0' : '0.00',
        );
      }
    });
    expect([...fmts].sort()).toEqual(['0', '0.0', '0.00']);
    expect(rowOf.get('1')!.getCell(3).value).toBe(10);
    expect(rowOf.get('1')!.getCell(3).numFmt).toBe('0');
    expect(rowOf.get('5.1.1')!.getCell(4).value).toBe(1.25);
  });
});

describe('hskc last year’s scores', () => {
  it('score --last-year sets one, copy-last-year fills them from the previous assessment', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    await runCli('demo', t.dir);
    const one = await runCli('score', t.dir, '1.1.2', '0,5', '--last-year', '0,75', '--json');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ code: '1.1.2', selfScore: 0.5, lastYear: 0.75 });
    expect((await runCli('score', t.dir, '1.1.1', '1', '--last-year', '1.5')).out).toMatch(
      /^Đã chấm 1\.1\.1 .*: 1\/1 điểm \(năm trước: 1,5 điểm\)\.$/m,
    );
    const bad = await runCli('score', t.dir, '1.1.1', '1', '--last-year', 'một');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^Điểm năm trước: /);

    // No earlier assessment yet: a Vietnamese line saying so.
    const none = await runCli('copy-last-year', t.dir);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/chưa có kỳ đánh giá nào trước năm 2026/);

    // Next year's assessment, made by the app.
    const core = testCore(t.dir);
    const tree = await ok(core, 'criteria.tree', {});
    await ok(core, 'score.set', {
      nodeId: tree.nodes.find((n) => n.code === '1.1.2')!.id,
      appraised: 0,
    });
    const next = await ok(core, 'assessment.newYear', {
      fromAssessmentId: tree.assessment.id,
      year: 2027,
    });
    core.close();

    const r = await runCli('copy-last-year', t.dir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      assessmentId: next.id,
      year: 2027,
      fromAssessmentId: tree.assessment.id,
      fromYear: 2026,
      matched: 2,
    });
    const text = await runCli('copy-last-year', t.dir, '--from', String(tree.assessment.id));
    expect(text.out.trim()).toBe(
      'Đã chép điểm năm 2026 vào cột “năm trước” của 2 tiêu chí năm 2027 (điểm thẩm định, chưa có thì điểm tự đánh giá).',
    );
    const check = testCore(t.dir, { readOnly: true });
    try {
      const gap = await ok(check, 'gap.analysis', { assessmentId: next.id });
      const area1 = gap.areas[0]!;
      expect(area1.lastYear).toBe(100); // 1.1.1 self 1 + 1.1.2 appraised 0 (not self 0,5)
    } finally {
      check.close();
    }
    const same = await runCli('copy-last-year', t.dir, '--from', String(next.id));
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/phải khác kỳ nhận điểm/);
    const unknown = await runCli('copy-last-year', t.dir, '--from', '99');
    expect(unknown.err).toMatch(/Không có kỳ đánh giá số 99/);
  });
});
