import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Input, Method, Output } from '../../shared/api';
import { parsePoints } from '../../shared/points';
import { hugeXlsx, parDistrictXlsx, papiTaskXlsx, PDF_BYTES, parAppendixDocx } from '../fixtures/criteria-tables';
import { runCli } from '../helpers/cli';
import { tempDir, testCore } from '../helpers/workspace';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function demoCore(): Promise<{ core: Core; dir: string }> {
  const t = tempDir();
  const core = testCore(t.dir);
  cleanups.push(t.cleanup);
  cleanups.unshift(() => core.close());
  await core.dispatch('workspace.demo', {});
  return { core, dir: t.dir };
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

const byCode = async (core: Core, code: string) => (await ok(core, 'criteria.tree', {})).nodes.find((n) => n.code === code)!;

function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('editing the tree', () => {
  it('adds, renames, re-points, moves and validates with both sums named', async () => {
    const { core } = await demoCore();
    const tree = await ok(core, 'criteria.tree', {});
    const parent = await byCode(core, '1.1');
    const added = await ok(core, 'criteria.addNode', {
      assessmentId: tree.assessment.id,
      parentId: parent.id,
      node: { code: '1.1.3', title: 'Tiêu chí  mới ', maxPoints: 50, evidenceSlots: ['Kế hoạch'] },
    });
    expect(added).toMatchObject({ code: '1.1.3', title: 'Tiêu chí mới', maxPoints: 50, evidenceSlots: ['Kế hoạch'] });
    expect(added.leadOffice).toBe('Văn phòng HĐND và UBND');

    const warnings = await ok(core, 'criteria.validate', {});
    expect(warnings.map((w) => w.message)).toContain('Tiêu chí 1.1: tổng điểm các mục con (2,5) khác điểm tối đa (2).');

    const dup = await fail(core, 'criteria.addNode', {
      assessmentId: tree.assessment.id,
      parentId: parent.id,
      node: { code: '1.1.3', title: 'Trùng' },
    });
    expect(dup.message).toBe('Mã “1.1.3” đã có ở cùng cấp; hãy chọn mã khác.');

    const updated = await ok(core, 'criteria.updateNode', {
      nodeId: added.id,
      patch: { title: 'Tiêu chí đã sửa', maxPoints: 0, scoringOptions: [{ label: 'Có', points: 0 }] },
    });
    expect(updated).toMatchObject({ title: 'Tiêu chí đã sửa', maxPoints: 0, scoringOptions: [{ label: 'Có', points: 0 }] });
    expect(await ok(core, 'criteria.validate', {})).toEqual([]);

    // Move 1.1.3 to the front of area 2; positions stay contiguous on both sides.
    const area2 = await byCode(core, '2');
    await ok(core, 'criteria.moveNode', { nodeId: added.id, parentId: area2.id, position: 0 });
    const after = await ok(core, 'criteria.tree', {});
    const kids = after.nodes.filter((n) => n.parentId === area2.id).map((n) => n.code);
    expect(kids).toEqual(['1.1.3', '2.1', '2.2', '2.3']);
    expect(after.nodes.filter((n) => n.parentId === parent.id).map((n) => n.code)).toEqual(['1.1.1', '1.1.2']);

    const loop = await fail(core, 'criteria.moveNode', { nodeId: area2.id, parentId: added.id, position: 0 });
    expect(loop.message).toMatch(/bên trong chính nó/);
    const negative = await fail(core, 'criteria.updateNode', { nodeId: added.id, patch: { maxPoints: -50 } });
    expect(negative.message).toMatch(/không được âm/);
  });

  it('deletes to the trash and restores the whole subtree', async () => {
    const { core } = await demoCore();
    const n = await byCode(core, '3.3');
    expect(await ok(core, 'criteria.deleteNode', { nodeId: n.id })).toEqual({ deleted: 3 });
    const tree = await ok(core, 'criteria.tree', {});
    expect(tree.nodes.some((x) => x.code.startsWith('3.3'))).toBe(false);
    expect(tree.nodes.filter((x) => x.parentId === n.parentId).map((x) => x.code)).toEqual(['3.1', '3.2', '3.4', '3.5']);
    const trash = await ok(core, 'criteria.trash', {});
    expect(trash).toEqual([expect.objectContaining({ code: '3.3', descendants: 2 })]);
    await ok(core, 'criteria.restoreNode', { nodeId: n.id });
    const back = await ok(core, 'criteria.tree', {});
    expect(back.nodes.filter((x) => x.code.startsWith('3.3')).map((x) => x.code)).toEqual(['3.3', '3.3.1', '3.3.2']);
    expect(await ok(core, 'criteria.trash', {})).toEqual([]);
    const audit = await ok(core, 'workspace.audit', { limit: 5 });
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['criteria.restoreNode', 'criteria.deleteNode']);
  });

  it('assigns an area in bulk; children inherit unless overridden', async () => {
    const { core } = await demoCore();
    const offices = await ok(core, 'offices.list', {});
    const kt = offices.find((o) => o.name.startsWith('Phòng Kinh tế'))!;
    const vx = offices.find((o) => o.name.startsWith('Phòng Văn hóa'))!;
    const area3 = await byCode(core, '3');
    await ok(core, 'criteria.assign', { nodeIds: [area3.id], leadOfficeId: kt.id, coopOfficeIds: [vx.id], clearDescendants: true });
    const tree = await ok(core, 'criteria.tree', {});
    for (const n of tree.nodes.filter((x) => x.code === '3' || x.code.startsWith('3.'))) {
      expect(n.leadOffice, n.code).toBe(kt.name);
      expect(n.coopOfficeIds, n.code).toEqual([vx.id]);
    }
    // Without clearDescendants, 3.3's own office (set by the demo) would have survived.
    expect((await fail(core, 'offices.remove', { id: kt.id })).message).toMatch(/đang được giao \d+ tiêu chí/);
    expect((await fail(core, 'criteria.assign', { nodeIds: [area3.id], leadOfficeId: 999 })).message).toMatch(/Không tìm thấy phòng ban số 999/);
  });

  it('manages offices and the unit as data', async () => {
    const { core } = await demoCore();
    const list = await ok(core, 'offices.add', { name: 'Phòng Nội vụ' });
    expect(list.at(-1)?.name).toBe('Phòng Nội vụ');
    expect((await fail(core, 'offices.add', { name: 'phòng nội vụ' })).message).toBe('Đã có phòng ban “phòng nội vụ”.');
    const id = list.at(-1)!.id;
    const renamed = await ok(core, 'offices.update', { id, name: 'Phòng Nội vụ - Tư pháp', isCoordinator: true });
    expect(renamed.filter((o) => o.isCoordinator).map((o) => o.name)).toEqual(['Phòng Nội vụ - Tư pháp']);
    const after = await ok(core, 'offices.remove', { id });
    expect(after.some((o) => o.id === id)).toBe(false);
    expect(await ok(core, 'offices.defaults', { level: 'so' })).toContain('Văn phòng Sở');
    const unit = await ok(core, 'unit.update', { name: 'UBND phường Tam Thanh', level: 'xa', place: 'Tam Thanh' });
    expect(unit).toEqual({ name: 'UBND phường Tam Thanh', level: 'xa', parentBody: null, place: 'Tam Thanh' });
  });

  it('starts a new year from last year: tree, offices, slots, guides', async () => {
    const { core } = await demoCore();
    const old = await ok(core, 'criteria.tree', {});
    const next = await ok(core, 'assessment.newYear', { fromAssessmentId: old.assessment.id, year: 2027 });
    expect(next.year).toBe(2027);
    const tree = await ok(core, 'criteria.tree', { assessmentId: next.id });
    const strip = (nodes: typeof tree.nodes) => nodes.map(({ code, title, maxPoints, leadOffice, level, kind }) => ({ code, title, maxPoints, leadOffice, level, kind }));
    expect(strip(tree.nodes)).toEqual(strip(old.nodes));
    const copied = await ok(core, 'criteria.node', { nodeId: tree.nodes.find((n) => n.code === '1.1.2')!.id });
    expect(copied.scoringOptions).toHaveLength(3);
    expect(copied.evidenceSlots).toEqual(['Báo cáo kết quả']);
    expect((await fail(core, 'assessment.newYear', { fromAssessmentId: old.assessment.id, year: 2027 })).message).toBe(
      'Đã có kỳ đánh giá năm 2027 cho bộ tiêu chí này.',
    );
    const info = await ok(core, 'workspace.info', {});
    expect(info.currentAssessmentId).toBe(next.id);
  });
});

describe('importing an official table', () => {
  it('previews, then creates a new assessment with offices and points', async () => {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'Bo-tieu-chi.xlsx', await parDistrictXlsx());
    const preview = await ok(core, 'criteria.importPreview', { file: { path: file } });
    expect(preview.fileName).toBe('Bo-tieu-chi.xlsx');
    expect(preview.nodes.length).toBeGreaterThan(0);
    const before = await ok(core, 'workspace.info', {});
    expect(before.assessments).toHaveLength(1);

    const r = await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2025, name: 'Chỉ số CCHC tỉnh Lạng Sơn' },
    });
    expect(r.nodes).toBe(preview.stats.nodes);
    const tree = await ok(core, 'criteria.tree', { assessmentId: r.assessment.id });
    expect(tree.nodes).toHaveLength(preview.stats.nodes);
    expect(tree.assessment).toMatchObject({ year: 2025, frameworkName: 'Chỉ số CCHC tỉnh Lạng Sơn', illustrative: false });
    const top = tree.nodes.filter((n) => n.level === 1 && n.kind !== 'bonus' && n.kind !== 'penalty');
    expect(top.reduce((s, n) => s + (n.maxPoints ?? 0), 0)).toBe(Math.round(preview.stats.maxPoints * 100));

    // Same name and year again: refused, nothing written.
    const again = await fail(core, 'criteria.importApply', { file: { path: file }, target: { kind: 'new', year: 2025, name: 'Chỉ số CCHC tỉnh Lạng Sơn' } });
    expect(again.code).toBe('CONFLICT');
    expect((await ok(core, 'workspace.info', {})).assessments).toHaveLength(2);
  });

  it('round-trips: export → import gives the same tree', async () => {
    const { core, dir } = await demoCore();
    const exported = await ok(core, 'criteria.exportTable', {});
    expect(exported.fileName).toMatch(/\.xlsx$/);
    const file = writeTemp(dir, exported.fileName, Buffer.from(exported.base64, 'base64'));
    const r = await ok(core, 'criteria.importApply', { file: { path: file }, target: { kind: 'new', year: 2027, name: 'Bộ đã xuất' } });
    const a = await ok(core, 'criteria.tree', {});
    const b = await ok(core, 'criteria.tree', { assessmentId: r.assessment.id });
    const shape = (t: typeof a) => t.nodes.map(({ code, title, maxPoints, kind, leadOffice, level, isLeaf }) => ({ code, title, maxPoints, kind, leadOffice, level, isLeaf }));
    expect(shape(b)).toEqual(shape(a));
    const options = async (t: typeof a) =>
      Promise.all(t.nodes.map(async (n) => {
        const d = await ok(core, 'criteria.node', { nodeId: n.id });
        return { code: n.code, options: d.scoringOptions, slots: d.evidenceSlots, na: d.mayBeNotApplicable };
      }));
    expect(await options(b)).toEqual(await options(a));
  });

  it('replaces the tree of an empty assessment; the old tree goes to the trash', async () => {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'papi.xlsx', await papiTaskXlsx());
    const demo = await ok(core, 'criteria.tree', {});
    // The demo has scores and evidence: its tree must not be swapped; a fresh year's may.
    const refused = await fail(core, 'criteria.importApply', { file: { path: file }, target: { kind: 'replace', assessmentId: demo.assessment.id } });
    expect(refused.code).toBe('CONFLICT');
    const fresh = await ok(core, 'assessment.newYear', { fromAssessmentId: demo.assessment.id, year: 2030 });
    await ok(core, 'criteria.importApply', { file: { path: file }, target: { kind: 'replace', assessmentId: fresh.id } });
    const after = await ok(core, 'criteria.tree', { assessmentId: fresh.id });
    expect(after.nodes.some((n) => n.title === 'Cải cách thủ tục hành chính')).toBe(false);
    expect(after.assessment.scored).toBe(false);
    expect((await ok(core, 'criteria.trash', { assessmentId: fresh.id })).length).toBe(9);
  });

  it('reads Word appendix tables through the same preview', async () => {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'phu-luc.docx', await parAppendixDocx());
    const preview = await ok(core, 'criteria.importPreview', { file: { path: file } });
    expect(preview.format).toBe('docx');
    expect(preview.stats.nodes).toBeGreaterThan(3);
  });

  it('refuses bad files with a Vietnamese message and changes nothing', async () => {
    const { core, dir } = await demoCore();
    const before = JSON.stringify([await ok(core, 'workspace.info', {}), await ok(core, 'criteria.tree', {})]);
    const cases: [string, Uint8Array, RegExp][] = [
      ['tai-lieu.xlsx', PDF_BYTES, /PDF|không phải/i],
      ['rong.xlsx', new Uint8Array(), /rỗng|trống|không/i],
      ['lon.xlsx', await hugeXlsx(6000), /6\.000 dòng/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = writeTemp(dir, name, bytes);
      const e = await fail(core, 'criteria.importApply', { file: { path: file }, target: { kind: 'new', year: 2030, name: 'X' } });
      expect(e.message, name).toMatch(message);
      expect(e.code).not.toBe('INTERNAL');
    }
    expect((await fail(core, 'criteria.importPreview', { file: { path: path.join(dir, 'khong-co.xlsx') } })).code).toBe('NOT_FOUND');
    expect(JSON.stringify([await ok(core, 'workspace.info', {}), await ok(core, 'criteria.tree', {})])).toBe(before);
  });
});

describe('hskc criteria commands', () => {
  it('import-criteria prints what it found; export-criteria and assign work', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = writeTemp(t.dir, 'bang.xlsx', await parDistrictXlsx());
    const ws = path.join(t.dir, 'ws');
    const dry = await runCli('import-criteria', ws, file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.out);
    expect(report).toMatchObject({ applied: false, file: 'bang.xlsx' });
    expect(report.nodes).toBeGreaterThan(0);
    const noUnit = await runCli('import-criteria', ws, file);
    expect(noUnit.code).toBe(1);
    expect(noUnit.err).toMatch(/--unit/);
    const real = await runCli('import-criteria', ws, file, '--unit', 'UBND xã Hữu Lũng', '--year', '2025', '--name', 'PAR 2025');
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/Đã nhập vào kỳ đánh giá số 1 \(năm 2025\)/);
    const tree = JSON.parse((await runCli('tree', ws, '--json')).out);
    expect(tree.nodes.length).toBe(report.nodes);

    const first = tree.nodes[0].code as string;
    const assign = await runCli('assign', ws, first, 'van phong hdnd', '--json');
    expect(assign.code).toBe(0);
    const after = JSON.parse((await runCli('tree', ws, '--json')).out);
    expect(after.nodes.find((n: { code: string }) => n.code === first).leadOffice).toMatch(/Văn phòng HĐND/);
    const bad = await runCli('assign', ws, first, 'Phòng Không Có');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Không có phòng ban “Phòng Không Có”/);

    const out = path.join(t.dir, 'xuat.xlsx');
    expect((await runCli('export-criteria', ws, out)).code).toBe(0);
    const back = JSON.parse((await runCli('import-criteria', path.join(t.dir, 'ws2'), out, '--dry-run', '--json')).out);
    expect(back.nodes).toBe(report.nodes);
    expect(back.maxPoints).toBe(report.maxPoints);
    expect(parsePoints(String(back.maxPoints))).toBeGreaterThan(0);
  });
});
