import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Method } from '../../shared/api';
import { parsePoints } from '../../shared/points';
import {
  hugeXlsx,
  noHeaderXlsx,
  noPointsXlsx,
  parAppendixDocx,
  parDistrictXlsx,
  papiTaskXlsx,
  PDF_BYTES,
  tableXlsx,
} from '../fixtures/criteria-tables';
import { runCli } from '../helpers/cli';
import { tempDir, testCore, callOk } from '../helpers/workspace';

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

const ok = callOk;

async function fail(core: Core, method: Method, input: unknown) {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

const byCode = async (core: Core, code: string) =>
  (await ok(core, 'criteria.tree', {})).nodes.find((n) => n.code === code)!;

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
    expect(added).toMatchObject({
      code: '1.1.3',
      title: 'Tiêu chí mới',
      maxPoints: 50,
      evidenceSlots: ['Kế hoạch'],
    });
    expect(added.leadOffice).toBe('Văn phòng HĐND và UBND');

    const warnings = await ok(core, 'criteria.validate', {});
    expect(warnings.map((w) => w.message)).toContain(
      'Tiêu chí 1.1 “Kế hoạch cải cách hành chính năm”: tổng điểm các mục con (2,5) khác điểm tối đa (2).',
    );

    const dup = await fail(core, 'criteria.addNode', {
      assessmentId: tree.assessment.id,
      parentId: parent.id,
      node: { code: '1.1.3', title: 'Trùng' },
    });
    expect(dup.message).toBe('Mã “1.1.3” đã có ở cùng cấp; hãy chọn mã khác.');

    const updated = await ok(core, 'criteria.updateNode', {
      nodeId: added.id,
      patch: {
        title: 'Tiêu chí đã sửa',
        maxPoints: 0,
        scoringOptions: [{ label: 'Có', points: 0 }],
      },
    });
    expect(updated).toMatchObject({
      title: 'Tiêu chí đã sửa',
      maxPoints: 0,
      scoringOptions: [{ label: 'Có', points: 0 }],
    });
    expect(await ok(core, 'criteria.validate', {})).toEqual([]);

    // Move 1.1.3 to the front of area 2; positions stay contiguous on both sides.
    const area2 = await byCode(core, '2');
    await ok(core, 'criteria.moveNode', { nodeId: added.id, parentId: area2.id, position: 0 });
    const after = await ok(core, 'criteria.tree', {});
    const kids = after.nodes.filter((n) => n.parentId === area2.id).map((n) => n.code);
    expect(kids).toEqual(['1.1.3', '2.1', '2.2', '2.3']);
    expect(after.nodes.filter((n) => n.parentId === parent.id).map((n) => n.code)).toEqual([
      '1.1.1',
      '1.1.2',
    ]);

    const loop = await fail(core, 'criteria.moveNode', {
      nodeId: area2.id,
      parentId: added.id,
      position: 0,
    });
    expect(loop.message).toMatch(/bên trong chính nó/);
    const negative = await fail(core, 'criteria.updateNode', {
      nodeId: added.id,
      patch: { maxPoints: -50 },
    });
    expect(negative.message).toMatch(/không được âm/);
  });

  it('deletes to the trash and restores the whole subtree', async () => {
    const { core } = await demoCore();
    const n = await byCode(core, '3.3');
    expect(await ok(core, 'criteria.deleteNode', { nodeId: n.id })).toEqual({ deleted: 3 });
    const tree = await ok(core, 'criteria.tree', {});
    expect(tree.nodes.some((x) => x.code.startsWith('3.3'))).toBe(false);
    expect(tree.nodes.filter((x) => x.parentId === n.parentId).map((x) => x.code)).toEqual([
      '3.1',
      '3.2',
      '3.4',
      '3.5',
    ]);
    const trash = await ok(core, 'criteria.trash', {});
    expect(trash).toEqual([expect.objectContaining({ code: '3.3', descendants: 2 })]);
    await ok(core, 'criteria.restoreNode', { nodeId: n.id });
    const back = await ok(core, 'criteria.tree', {});
    expect(back.nodes.filter((x) => x.code.startsWith('3.3')).map((x) => x.code)).toEqual([
      '3.3',
      '3.3.1',
      '3.3.2',
    ]);
    expect(await ok(core, 'criteria.trash', {})).toEqual([]);
    const audit = await ok(core, 'workspace.audit', { limit: 5 });
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual([
      'criteria.restoreNode',
      'criteria.deleteNode',
    ]);
  });

  it('assigns an area in bulk; children inherit unless overridden', async () => {
    const { core } = await demoCore();
    const offices = await ok(core, 'offices.list', {});
    const kt = offices.find((o) => o.name.startsWith('Phòng Kinh tế'))!;
    const vx = offices.find((o) => o.name.startsWith('Phòng Văn hóa'))!;
    const area3 = await byCode(core, '3');
    await ok(core, 'criteria.assign', {
      nodeIds: [area3.id],
      leadOfficeId: kt.id,
      coopOfficeIds: [vx.id],
      clearDescendants: true,
    });
    const tree = await ok(core, 'criteria.tree', {});
    for (const n of tree.nodes.filter((x) => x.code === '3' || x.code.startsWith('3.'))) {
      expect(n.leadOffice, n.code).toBe(kt.name);
      expect(n.coopOfficeIds, n.code).toEqual([vx.id]);
    }
    // Without clearDescendants, 3.3's own office (set by the demo) would have survived.
    expect((await fail(core, 'offices.remove', { id: kt.id })).message).toMatch(
      /đang được giao \d+ tiêu chí/,
    );
    expect(
      (await fail(core, 'criteria.assign', { nodeIds: [area3.id], leadOfficeId: 999 })).message,
    ).toMatch(/Không tìm thấy phòng ban số 999/);
  });

  it('manages offices and the unit as data', async () => {
    const { core } = await demoCore();
    const list = await ok(core, 'offices.add', { name: 'Phòng Nội vụ' });
    expect(list.at(-1)?.name).toBe('Phòng Nội vụ');
    expect((await fail(core, 'offices.add', { name: 'phòng nội vụ' })).message).toBe(
      'Đã có phòng ban “phòng nội vụ”.',
    );
    const id = list.at(-1)!.id;
    const renamed = await ok(core, 'offices.update', {
      id,
      name: 'Phòng Nội vụ - Tư pháp',
      isCoordinator: true,
    });
    expect(renamed.filter((o) => o.isCoordinator).map((o) => o.name)).toEqual([
      'Phòng Nội vụ - Tư pháp',
    ]);
    const after = await ok(core, 'offices.remove', { id });
    expect(after.some((o) => o.id === id)).toBe(false);
    expect(await ok(core, 'offices.defaults', { level: 'so' })).toContain('Văn phòng Sở');
    const unit = await ok(core, 'unit.update', {
      name: 'UBND phường Tam Thanh',
      level: 'xa',
      place: 'Tam Thanh',
    });
    expect(unit).toEqual({
      name: 'UBND phường Tam Thanh',
      level: 'xa',
      parentBody: null,
      place: 'Tam Thanh',
    });
  });

  it('starts a new year from last year: tree, offices, slots, guides', async () => {
    const { core } = await demoCore();
    const old = await ok(core, 'criteria.tree', {});
    const next = await ok(core, 'assessment.newYear', {
      fromAssessmentId: old.assessment.id,
      year: 2027,
    });
    expect(next.year).toBe(2027);
    const tree = await ok(core, 'criteria.tree', { assessmentId: next.id });
    const strip = (nodes: typeof tree.nodes) =>
      nodes.map(({ code, title, maxPoints, leadOffice, level, kind }) => ({
        code,
        title,
        maxPoints,
        leadOffice,
        level,
        kind,
      }));
    expect(strip(tree.nodes)).toEqual(strip(old.nodes));
    const copied = await ok(core, 'criteria.node', {
      nodeId: tree.nodes.find((n) => n.code === '1.1.2')!.id,
    });
    expect(copied.scoringOptions).toHaveLength(3);
    expect(copied.evidenceSlots).toEqual(['Báo cáo kết quả']);
    expect(
      (await fail(core, 'assessment.newYear', { fromAssessmentId: old.assessment.id, year: 2027 }))
        .message,
    ).toBe('Đã có kỳ đánh giá năm 2027 cho bộ tiêu chí này.');
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
    expect(tree.assessment).toMatchObject({
      year: 2025,
      frameworkName: 'Chỉ số CCHC tỉnh Lạng Sơn',
      illustrative: false,
    });
    const top = tree.nodes.filter(
      (n) => n.level === 1 && n.kind !== 'bonus' && n.kind !== 'penalty',
    );
    expect(top.reduce((s, n) => s + (n.maxPoints ?? 0), 0)).toBe(
      Math.round(preview.stats.maxPoints * 100),
    );

    // Same name and year again: refused, nothing written.
    const again = await fail(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2025, name: 'Chỉ số CCHC tỉnh Lạng Sơn' },
    });
    expect(again.code).toBe('CONFLICT');
    expect((await ok(core, 'workspace.info', {})).assessments).toHaveLength(2);
  });

  it('round-trips: export → import gives the same tree (slots, options, step, kinds, offices)', async () => {
    const { core, dir } = await demoCore();
    const original = await ok(core, 'criteria.tree', {});
    // Give one leaf what the audit saw lost: a step, option labels that differ from the guide
    // only in case, and required slots that are not a split of the evidence guide.
    const leaf = original.nodes.find(
      (n) => n.isLeaf && n.kind === 'self' && n.maxPoints !== null && n.maxPoints >= 100,
    )!;
    await ok(core, 'criteria.updateNode', {
      nodeId: leaf.id,
      patch: {
        step: 25,
        scoringGuide: 'Hoàn thành đúng hạn: 1 điểm; Chậm: 0 điểm',
        scoringOptions: [
          { label: 'hoàn thành đúng hạn', points: 100 },
          { label: 'chậm', points: 0 },
        ],
        evidenceGuide: 'Kế hoạch và báo cáo của đơn vị',
        evidenceSlots: ['Kế hoạch', 'Báo cáo kết quả'],
      },
    });
    const offices = await ok(core, 'offices.list', {});
    await ok(core, 'criteria.assign', {
      nodeIds: [leaf.id],
      leadOfficeId: offices[0]!.id,
      coopOfficeIds: [offices[1]!.id, offices[2]!.id],
      clearDescendants: true,
    });
    const exported = await ok(core, 'criteria.exportTable', {
      assessmentId: original.assessment.id,
    });
    expect(exported.fileName).toMatch(/\.xlsx$/);
    const file = writeTemp(dir, exported.fileName, Buffer.from(exported.base64, 'base64'));
    const r = await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2027, name: 'Bộ đã xuất' },
    });
    expect(r.assessment.id).not.toBe(original.assessment.id);
    // Both trees by explicit id: 'criteria.tree' {} would return the newest year (the import).
    const a = await ok(core, 'criteria.tree', { assessmentId: original.assessment.id });
    const b = await ok(core, 'criteria.tree', { assessmentId: r.assessment.id });
    expect(b.assessment.id).toBe(r.assessment.id);
    expect(a.assessment.id).toBe(original.assessment.id);
    expect(b.nodes).toHaveLength(a.nodes.length);
    expect(a.nodes.length).toBeGreaterThan(5);
    const officeName = new Map<number, string>(
      (await ok(core, 'offices.list', {})).map((o) => [o.id, o.name]),
    );
    const full = async (t: typeof a) =>
      Promise.all(
        t.nodes.map(async (n) => {
          const d = await ok(core, 'criteria.node', { nodeId: n.id });
          return {
            code: n.code,
            title: n.title,
            level: n.level,
            isLeaf: n.isLeaf,
            maxPoints: n.maxPoints,
            kind: n.kind,
            leadOffice: n.leadOffice,
            leadOfficeInherited: n.leadOfficeInherited,
            coopOffices: n.coopOfficeIds.map((id) => officeName.get(id)),
            na: d.mayBeNotApplicable,
            step: d.step,
            options: d.scoringOptions,
            slots: d.evidenceSlots,
            scoringGuide: d.scoringGuide,
            evidenceGuide: d.evidenceGuide,
            task: d.task,
            target: d.target,
            deadline: d.deadline,
            note: d.note,
          };
        }),
      );
    const before = await full(a);
    const after = await full(b);
    for (let i = 0; i < before.length; i++)
      expect(after[i], `node ${before[i]?.code}`).toEqual(before[i]);
    // The edited leaf really carries what was set (so the comparison is not vacuous).
    const edited = after.find((n) => n.code === leaf.code && n.title === leaf.title)!;
    expect(edited).toMatchObject({
      step: 25,
      options: [
        { label: 'hoàn thành đúng hạn', points: 100 },
        { label: 'chậm', points: 0 },
      ],
      slots: ['Kế hoạch', 'Báo cáo kết quả'],
      scoringGuide: 'Hoàn thành đúng hạn: 1 điểm; Chậm: 0 điểm',
    });
    expect(edited.scoringGuide).not.toContain('Phương án chấm');
    expect(before.some((n) => n.slots.length > 0 && n.code !== leaf.code)).toBe(true);
    expect(before.some((n) => n.coopOffices.length > 0)).toBe(true);
  });

  it('imports deductions ("-1") as penalty items that take a −1 score', async () => {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'par.xlsx', await parDistrictXlsx());
    const r = await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2026, name: 'PAR có điểm trừ' },
    });
    const tree = await ok(core, 'criteria.tree', { assessmentId: r.assessment.id });
    const area = tree.nodes.find((n) => n.level === 1 && n.code === 'VI')!;
    expect(area).toMatchObject({ kind: 'penalty', maxPoints: 200 });
    const items = tree.nodes.filter((n) => n.parentId === area.id);
    expect(items.map((n) => [n.kind, n.maxPoints])).toEqual([
      ['penalty', 100],
      ['penalty', 100],
    ]);
    const bonus = tree.nodes.find((n) => n.level === 1 && n.code === 'V')!;
    expect(bonus.kind).toBe('bonus');
    expect(tree.nodes.filter((n) => n.parentId === bonus.id).every((n) => n.kind === 'bonus')).toBe(
      true,
    );
    // A penalty is entered as a negative score within the maximum; a positive one is refused.
    const scored = await ok(core, 'score.set', { nodeId: items[0]!.id, selfScore: -100 });
    expect(scored.selfScore).toBe(-100);
    expect(
      (await fail(core, 'score.set', { nodeId: items[1]!.id, selfScore: 100 })).message,
    ).toMatch(/Điểm trừ/);
    // The editor accepts the imported maximum as it is (no "Điểm tối đa không được âm").
    await ok(core, 'criteria.updateNode', { nodeId: items[1]!.id, patch: { maxPoints: 100 } });
  });

  it('lists the offices the import will create and matches near-duplicates to existing ones', async () => {
    const { core, dir } = await demoCore();
    const existing = (await ok(core, 'offices.list', {})).map((o) => o.name);
    const known = existing.find((n) => /Văn phòng/.test(n)) ?? existing[0]!;
    const variant = known.toLocaleUpperCase('vi').replace(/ và /i, '  VÀ ');
    const file = writeTemp(
      dir,
      'don-vi.xlsx',
      await tableXlsx([
        ['STT', 'Nội dung', 'Điểm tối đa', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
        ['1', 'Lĩnh vực', 3, 'Phòng Tài chính – KH', ''],
        ['1.1', 'Tiêu chí một', 1, 'Phòng Tài chính-KH', variant],
        ['1.2', 'Tiêu chí hai', 2, variant, 'phòng tài chính - kh'],
      ]),
    );
    const p = await ok(core, 'criteria.importPreview', { file: { path: file } });
    expect(p.problem).toBeUndefined();
    expect(p.offices).toEqual({
      matched: [{ name: variant.replace(/\s+/g, ' '), office: known }],
      created: ['Phòng Tài chính – KH'],
    });
    const r = await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2026, name: 'Đơn vị' },
    });
    const after = (await ok(core, 'offices.list', {})).map((o) => o.name);
    expect(after).toEqual([...existing, 'Phòng Tài chính – KH']);
    const tree = await ok(core, 'criteria.tree', { assessmentId: r.assessment.id });
    expect(tree.nodes.map((n) => n.leadOffice)).toEqual([
      'Phòng Tài chính – KH',
      'Phòng Tài chính – KH',
      known,
    ]);
  });

  it('previews an unreadable layout with what it saw, and reads it once columns are chosen', async () => {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'khong-diem.xlsx', await noPointsXlsx());
    const first = await ok(core, 'criteria.importPreview', { file: { path: file } });
    expect(first.problem?.kind).toBe('maxPoints');
    expect(first.problem?.message).toMatch(/không tìm thấy cột điểm tối đa/);
    expect(first.sheets.map((s) => s.name)).toEqual(['TLKC']);
    expect(first.columns.map((c) => c.field)).toEqual(['code', 'title', 'evidenceGuide']);
    expect(first.nodes).toEqual([]);
    // Apply refuses the same reading and writes nothing.
    const refused = await fail(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2026, name: 'X' },
    });
    expect(refused.message).toBe(first.problem?.message);
    const again = await ok(core, 'criteria.importPreview', {
      file: { path: file },
      options: { mapping: { maxPoints: null } },
    });
    expect(again.problem).toBeUndefined();
    expect(again.nodes.map((n) => n.title)).toEqual(['Kế hoạch CCHC']);
    await ok(core, 'criteria.importApply', {
      file: { path: file },
      options: { mapping: { maxPoints: null } },
      target: { kind: 'new', year: 2026, name: 'Không điểm' },
    });

    const noHeader = writeTemp(dir, 'khong-tieu-de.xlsx', await noHeaderXlsx());
    const p = await ok(core, 'criteria.importPreview', { file: { path: noHeader } });
    expect(p.problem?.kind).toBe('header');
    expect(p.unmappedHeaders.map((c) => c.column)).toEqual(['A', 'B', 'C']);
  });

  it('replaces the tree of an empty assessment; the old tree goes to the trash', async () => {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'papi.xlsx', await papiTaskXlsx());
    const demo = await ok(core, 'criteria.tree', {});
    // The demo has scores and evidence: its tree must not be swapped; a fresh year's may.
    const refused = await fail(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'replace', assessmentId: demo.assessment.id },
    });
    expect(refused.code).toBe('CONFLICT');
    const fresh = await ok(core, 'assessment.newYear', {
      fromAssessmentId: demo.assessment.id,
      year: 2030,
    });
    await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'replace', assessmentId: fresh.id },
    });
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
    const before = JSON.stringify([
      await ok(core, 'workspace.info', {}),
      await ok(core, 'criteria.tree', {}),
    ]);
    const cases: [string, Uint8Array, RegExp][] = [
      ['tai-lieu.xlsx', PDF_BYTES, /PDF|không phải/i],
      ['rong.xlsx', new Uint8Array(), /rỗng|trống|không/i],
      ['lon.xlsx', await hugeXlsx(6000), /6\.000 dòng/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = writeTemp(dir, name, bytes);
      const e = await fail(core, 'criteria.importApply', {
        file: { path: file },
        target: { kind: 'new', year: 2030, name: 'X' },
      });
      expect(e.message, name).toMatch(message);
      expect(e.code).not.toBe('INTERNAL');
    }
    expect(
      (
        await fail(core, 'criteria.importPreview', {
          file: { path: path.join(dir, 'khong-co.xlsx') },
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      JSON.stringify([await ok(core, 'workspace.info', {}), await ok(core, 'criteria.tree', {})]),
    ).toBe(before);
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
    const real = await runCli(
      'import-criteria',
      ws,
      file,
      '--unit',
      'UBND xã Hữu Lũng',
      '--year',
      '2025',
      '--name',
      'PAR 2025',
    );
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/Đã nhập vào kỳ đánh giá số 1 \(năm 2025\)/);
    const tree = JSON.parse((await runCli('tree', ws, '--json')).out);
    expect(tree.nodes.length).toBe(report.nodes);

    const first = tree.nodes[0].code as string;
    const assign = await runCli('assign', ws, first, 'van phong hdnd', '--json');
    expect(assign.code).toBe(0);
    const after = JSON.parse((await runCli('tree', ws, '--json')).out);
    expect(after.nodes.find((n: { code: string }) => n.code === first).leadOffice).toMatch(
      /Văn phòng HĐND/,
    );
    const bad = await runCli('assign', ws, first, 'Phòng Không Có');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Không có phòng ban “Phòng Không Có”/);

    const out = path.join(t.dir, 'xuat.xlsx');
    expect((await runCli('export-criteria', ws, out)).code).toBe(0);
    const back = JSON.parse(
      (await runCli('import-criteria', path.join(t.dir, 'ws2'), out, '--dry-run', '--json')).out,
    );
    expect(back.nodes).toBe(report.nodes);
    expect(back.maxPoints).toBe(report.maxPoints);
    expect(parsePoints(String(back.maxPoints))).toBeGreaterThan(0);
  });

  it('import-criteria: header row and columns by option, offices listed, cells once, --unit not ignored', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = path.join(t.dir, 'ws');
    const odd = writeTemp(
      t.dir,
      'la.xlsx',
      await tableXlsx([
        ['BẢNG TIÊU CHÍ'],
        ['Số hiệu', 'Công việc', 'Mức', 'Đơn vị chủ trì'],
        ['1', 'Ban hành kế hoạch', 2, 'Phòng Tài chính – KH'],
        ['1', 'Báo cáo kết quả', '1,5', 'Phòng Tài chính-KH'],
      ]),
    );
    // Without help the layout is not understood: non-zero exit, what was seen, how to say more.
    const unread = await runCli('import-criteria', ws, odd, '--dry-run');
    expect(unread.code).toBe(1);
    expect(unread.err).toMatch(/Không tìm thấy dòng tiêu đề cột/);
    expect(unread.err).toMatch(/--header-row/);
    const dry = await runCli(
      'import-criteria',
      ws,
      odd,
      '--dry-run',
      '--json',
      '--header-row',
      '2',
      '--col-code',
      'A',
      '--col-title',
      'b',
      '--col-points',
      'C',
    );
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.out);
    expect(report).toMatchObject({ applied: false, headerRow: 2, nodes: 2, maxPoints: 3.5 });
    expect(report.offices).toEqual({ matched: [], created: ['Phòng Tài chính – KH'] });
    expect(report.warnings).toEqual([{ cell: 'A4', message: 'Ô A4: mã 1 bị trùng với ô A3' }]);
    const text = await runCli(
      'import-criteria',
      ws,
      odd,
      '--dry-run',
      '--header-row',
      '2',
      '--col-code',
      'A',
      '--col-title',
      'B',
      '--col-points',
      'C',
    );
    expect(text.out).toContain('  ! Ô A4: mã 1 bị trùng với ô A3');
    expect(text.out).not.toMatch(/Ô A4: Ô A4/);
    expect(text.out).toContain('Phòng ban sẽ tạo mới (1): Phòng Tài chính – KH');
    expect(
      (await runCli('import-criteria', ws, odd, '--dry-run', '--col-points', 'ZZZZ')).err,
    ).toMatch(/Cột “ZZZZ”/);

    // A table without points, read as such with --col-points none.
    const noPoints = writeTemp(t.dir, 'tlkc.xlsx', await noPointsXlsx());
    expect((await runCli('import-criteria', ws, noPoints, '--dry-run')).code).toBe(1);
    const unscored = await runCli(
      'import-criteria',
      ws,
      noPoints,
      '--dry-run',
      '--json',
      '--col-points',
      'none',
    );
    expect(unscored.code).toBe(0);
    expect(JSON.parse(unscored.out)).toMatchObject({ nodes: 1, maxPoints: 0 });

    const real = await runCli(
      'import-criteria',
      ws,
      odd,
      '--unit',
      'UBND xã Hữu Lũng',
      '--header-row',
      '2',
      '--col-code',
      'A',
      '--col-title',
      'B',
      '--col-points',
      'C',
    );
    expect(real.code).toBe(0);
    // --unit on a workspace that has a unit already is refused, not silently ignored.
    const other = await runCli(
      'import-criteria',
      ws,
      odd,
      '--unit',
      'UBND xã Khác',
      '--year',
      '2031',
      '--header-row',
      '2',
      '--col-code',
      'A',
      '--col-title',
      'B',
      '--col-points',
      'C',
    );
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/Thư mục đã có hồ sơ của “UBND xã Hữu Lũng”; --unit “UBND xã Khác”/);

    // Word tables are called "bảng".
    const docx = writeTemp(t.dir, 'phu-luc.docx', await parAppendixDocx());
    expect((await runCli('import-criteria', ws, docx, '--dry-run')).out).toMatch(
      /^Tệp: phu-luc\.docx — bảng “/,
    );
  });
});

describe('validating a tree whose numbering restarts under each area', () => {
  async function imported() {
    const { core, dir } = await demoCore();
    const file = writeTemp(dir, 'Bo-tieu-chi.xlsx', await parDistrictXlsx());
    const r = await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2025, name: 'Chỉ số CCHC huyện' },
    });
    const assessmentId = r.assessment.id;
    const tree = await ok(core, 'criteria.tree', { assessmentId });
    const byTitle = (t: string) => tree.nodes.find((n) => n.title.startsWith(t))!;
    const validate = async () =>
      (await ok(core, 'criteria.validate', { assessmentId })).map((w) => w.message);
    return { core, assessmentId, byTitle, validate };
  }

  it('gives only the real warning for the official table, naming the node by area and title', async () => {
    const { validate } = await imported();
    // "1" under I, II, III… is not a duplicate; bonus and penalty items add up to their group;
    // the one real problem (II.3: 1 + 1,5 ≠ 2) names its area and title.
    expect(await validate()).toEqual([
      'Tiêu chí II.3 “Tổ chức thi hành pháp luật”: tổng điểm các mục con (2,5) khác điểm tối đa (2).',
    ]);
  });

  it('still finds a code repeated in the same place, and a bonus or penalty group that cannot be reached', async () => {
    const { core, assessmentId, byTitle, validate } = await imported();
    const area2 = byTitle('CẢI CÁCH THỂ CHẾ');
    // "1.1" directly under II reads as II.1.1, like the "1.1" under II.1.
    await ok(core, 'criteria.addNode', {
      assessmentId,
      parentId: area2.id,
      position: 0,
      node: { code: '1.1', title: 'Mục nhập nhầm chỗ', maxPoints: 0 },
    });
    // "a)" under each of two "-" bullets is not a duplicate: letters restart under each bullet.
    for (const bullet of ['Trên Cổng thông tin', 'Trên hệ thống truyền thanh']) {
      await ok(core, 'criteria.addNode', {
        assessmentId,
        parentId: byTitle(bullet).id,
        node: { code: 'a)', title: `Nội dung a) của “${bullet}”` },
      });
    }
    const bonus = byTitle('Có sáng kiến CCHC');
    await ok(core, 'criteria.updateNode', { nodeId: bonus.id, patch: { maxPoints: 50 } });
    const penalty = byTitle('Để xảy ra sai phạm');
    await ok(core, 'criteria.updateNode', { nodeId: penalty.id, patch: { maxPoints: 50 } });
    expect(await validate()).toEqual([
      'Mã “II.1.1” bị trùng trong bộ tiêu chí: “Mục nhập nhầm chỗ” và “Thực hiện quy trình xây dựng VBQPPL”.',
      'Tiêu chí II.3 “Tổ chức thi hành pháp luật”: tổng điểm các mục con (2,5) khác điểm tối đa (2).',
      'Tiêu chí V “ĐIỂM THƯỞNG”: tổng điểm thưởng các mục con (1,5) thấp hơn điểm thưởng tối đa (2).',
      'Tiêu chí VI “ĐIỂM TRỪ”: tổng mức trừ các mục con (1,5) thấp hơn mức trừ tối đa (2).',
    ]);

    // A bonus group whose items add up to more than its cap is normal: the cap applies.
    await ok(core, 'criteria.updateNode', { nodeId: bonus.id, patch: { maxPoints: 200 } });
    expect((await validate()).some((m) => m.startsWith('Tiêu chí V '))).toBe(false);
  });
});
