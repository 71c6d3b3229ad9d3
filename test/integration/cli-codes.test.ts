import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parDistrictXlsx } from '../fixtures/criteria-tables';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';

/**
 * Official tables restart their numbering under each Roman area (I → 1, 2; II → 1, 2), so a bare
 * "1" names several criteria. The commands taking a code accept the qualified code the export and
 * the dossier print ("II.1") and refuse an ambiguous one, listing the choices.
 */

const tmp = tempDir('hskc-cli-codes-');
const ws = path.join(tmp.dir, 'ws');

interface TreeJson {
  nodes: { code: string; title: string; parentCode: string | null; leadOffice: string | null }[];
}

beforeAll(async () => {
  const file = path.join(tmp.dir, 'bang.xlsx');
  writeFileSync(file, await parDistrictXlsx());
  const r = await runCli(
    'import-criteria',
    ws,
    file,
    '--unit',
    'UBND huyện Hữu Lũng',
    '--year',
    '2025',
  );
  expect(r.code).toBe(0);
});
afterAll(() => tmp.cleanup());

const AMBIGUOUS_1 =
  'Mã “1” có ở 6 tiêu chí: I.1, II.1, III.1, IV.1, V.1, VI.1; hãy ghi rõ, ví dụ II.1.';

describe('hskc codes that repeat under each area', () => {
  it('assign refuses a bare repeated code and takes a qualified one', async () => {
    const bare = await runCli('assign', ws, '1', 'van phong hdnd');
    expect(bare.code).toBe(1);
    expect(bare.err.trim()).toBe(AMBIGUOUS_1);
    const deeper = await runCli('assign', ws, '1.1', 'van phong hdnd');
    expect(deeper.err.trim()).toBe(
      'Mã “1.1” có ở 3 tiêu chí: I.1.1, II.1.1, III.1.1; hãy ghi rõ, ví dụ II.1.1.',
    );

    const r = await runCli('assign', ws, 'II.1', 'van phong hdnd', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(r.out)).toMatchObject({ code: 'II.1', updated: 3 });
    const text = await runCli('assign', ws, 'III.2.', 'van phong hdnd');
    expect(text.out.trim()).toBe(
      'Đã giao III.2 Kết quả giải quyết hồ sơ TTHC cho Văn phòng HĐND và UBND (3 mục).',
    );

    const tree = JSON.parse((await runCli('tree', ws, '--json')).out) as TreeJson;
    const lead = (title: string) => tree.nodes.find((n) => n.title.startsWith(title))!.leadOffice;
    // II.1 and its children, not I.1 (the first "1" in the table).
    expect(lead('Xây dựng, ban hành văn bản quy phạm')).toMatch(/^Văn phòng HĐND/);
    expect(lead('Ban hành VBQPPL đúng thời hạn')).toMatch(/^Văn phòng HĐND/);
    expect(lead('Kế hoạch cải cách hành chính') ?? '').not.toMatch(/^Văn phòng HĐND/);

    // A code that only one criterion has still works bare; an unknown one is named.
    expect((await runCli('assign', ws, 'a)', 'van phong hdnd')).code).toBe(0);
    const none = await runCli('assign', ws, 'IX.1', 'van phong hdnd');
    expect(none.code).toBe(1);
    expect(none.err.trim()).toBe('Không có tiêu chí mã “IX.1” trong kỳ đánh giá năm 2025.');
  });

  it('score takes qualified codes, refuses ambiguous ones, and enters a deduction', async () => {
    const bare = await runCli('score', ws, '1.2', '1');
    expect(bare.code).toBe(1);
    expect(bare.err.trim()).toBe(
      'Mã “1.2” có ở 3 tiêu chí: I.1.2, II.1.2, III.1.2; hãy ghi rõ, ví dụ II.1.2.',
    );

    const r = await runCli('score', ws, 'II.1.2', '1,5', '--note', 'Ban hành chậm 1 văn bản');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('Đã chấm II.1.2 Ban hành VBQPPL đúng thời hạn: 1,5/2 điểm.');
    const json = JSON.parse((await runCli('score', ws, 'I.1.2', '2', '--json')).out);
    expect(json).toMatchObject({ code: 'I.1.2', selfScore: 2 });

    // A penalty item (max stored as the size of the deduction): −1 is accepted.
    const pen = await runCli('score', ws, 'VI.2', '-1');
    expect(pen.code).toBe(0);
    expect(pen.out).toMatch(/^Đã chấm VI\.2 Chậm nộp báo cáo CCHC định kỳ: -1 điểm/);
    expect(pen.out).not.toMatch(/--/);
    // Typed with a comma as people write it; it is not taken for an option.
    const over = await runCli('score', ws, 'VI.2', '-1,5');
    expect(over.code).toBe(1);
    expect(over.err).toMatch(/vượt mức trừ tối đa \(-1 điểm\)/);
    expect(over.err).not.toMatch(/--/);
  });

  it('attach uses the same resolution', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const file = path.join(tmp.dir, 'KH-so-12.pdf');
    writeFileSync(file, await pdf.save());

    const bare = await runCli('attach', ws, '2', file);
    expect(bare.code).toBe(1);
    expect(bare.err.trim()).toBe(
      'Mã “2” có ở 6 tiêu chí: I.2, II.2, III.2, IV.2, V.2, VI.2; hãy ghi rõ, ví dụ II.2.',
    );
    const r = await runCli('attach', ws, 'II.2.1', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { nodeId: number; files: { linked: boolean }[] };
    expect(out.files).toEqual([expect.objectContaining({ linked: true })]);
  });
});
