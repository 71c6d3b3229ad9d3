// The importer on what official tables do: slots in one cell, "-1" deductions, options and step
// in their own columns, warnings with cells, layouts it must ask about, offices to create.
import { describe, expect, it } from 'vitest';
import {
  exportCriteriaTable,
  inspectCriteriaTable,
  planOffices,
  previewCriteriaTable,
  splitEvidenceSlots,
} from '../../electron/core/criteria/import';
import type { FrameworkNode } from '../../shared/framework';
import * as F from '../fixtures/criteria-tables';

describe('splitEvidenceSlots', () => {
  it.each([
    ['Kế hoạch CCHC năm của UBND huyện', ['Kế hoạch CCHC năm của UBND huyện']],
    ['Kế hoạch CCHC năm.', ['Kế hoạch CCHC năm']],
    ['- Kế hoạch\n- Báo cáo kết quả', ['Kế hoạch', 'Báo cáo kết quả']],
    ['+ Kế hoạch;\n+ Báo cáo.', ['Kế hoạch', 'Báo cáo']],
    ['• Quyết định\n• Ảnh chụp màn hình Cổng TTĐT', ['Quyết định', 'Ảnh chụp màn hình Cổng TTĐT']],
    ['a) Kế hoạch\nb) Báo cáo', ['Kế hoạch', 'Báo cáo']],
    ['1. Kế hoạch\n2. Báo cáo', ['Kế hoạch', 'Báo cáo']],
    ['Kế hoạch; Báo cáo kết quả; Kế hoạch', ['Kế hoạch', 'Báo cáo kết quả']],
    ['Tài liệu gồm:\n- Kế hoạch\n- Báo cáo', ['Kế hoạch', 'Báo cáo']],
    [
      '- Kế hoạch tuyên truyền\n  năm 2024\n- Báo cáo',
      ['Kế hoạch tuyên truyền năm 2024', 'Báo cáo'],
    ],
    ['', []],
  ])('%j → %j', (text, slots) => {
    expect(splitEvidenceSlots(text)).toEqual(slots);
  });

  it('keeps the evidence guide and adds the slots on import', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['STT', 'Nội dung', 'Điểm tối đa', 'Tài liệu kiểm chứng'],
        ['1', 'Kế hoạch', 1, '- Quyết định ban hành\n- Kế hoạch kèm theo'],
      ]),
      's.xlsx',
    );
    expect(p.nodes[0]).toMatchObject({
      evidenceGuide: '- Quyết định ban hành\n- Kế hoạch kèm theo',
      evidenceSlots: ['Quyết định ban hành', 'Kế hoạch kèm theo'],
    });
  });
});

describe('penalty and bonus from the official table', () => {
  it('stores deductions as positive penalty maxima and bonus areas as bonus', async () => {
    const p = await previewCriteriaTable(await F.parDistrictXlsx(), 'par.xlsx');
    const area = (code: string) => p.nodes.find((n) => n.code === code)!;
    expect(area('VI')).toMatchObject({ kind: 'penalty', maxPoints: 2 });
    expect(area('VI').children?.map((n) => [n.kind, n.maxPoints])).toEqual([
      ['penalty', 1],
      ['penalty', 1],
    ]);
    expect(area('V').kind).toBe('bonus');
    expect(area('V').children?.every((n) => n.kind === 'bonus')).toBe(true);
    expect(p.stats.maxPoints).toBe(30);
  });

  it('makes an uncaptioned area of deductions a penalty area', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['STT', 'Nội dung', 'Điểm tối đa'],
        ['I', 'Lĩnh vực', 2],
        ['1', 'Tiêu chí', 2],
        ['II', 'Vi phạm', ''],
        ['1', 'Chậm báo cáo', '-0,5'],
        ['2', 'Sai phạm', -1],
      ]),
      's.xlsx',
    );
    expect(p.nodes[1]).toMatchObject({ kind: 'penalty', maxPoints: 1.5 });
    expect(p.stats.maxPoints).toBe(2);
    expect(p.warnings).toEqual([]);
  });
});

describe('round trip: options, step and slots have their own columns', () => {
  it('gives back the same nodes, guide untouched, when labels differ from the guide in case', async () => {
    const nodes: FrameworkNode[] = [
      {
        code: '1',
        title: 'Lĩnh vực',
        maxPoints: 2,
        kind: 'self',
        children: [
          {
            code: '1.1',
            title: 'Ban hành kế hoạch',
            maxPoints: 1,
            kind: 'self',
            scoringGuide: 'Ban hành đúng hạn: 1 điểm; Chậm: 0,5 điểm',
            scoringOptions: [
              { label: 'ban hành đúng hạn', points: 1 },
              { label: 'chậm', points: 0.5 },
            ],
            step: 0.25,
            evidenceGuide: 'Kế hoạch; báo cáo của đơn vị',
            evidenceSlots: ['Kế hoạch', 'Tổng hợp: số liệu'],
            coopOffices: ['Phòng Kinh tế, Hạ tầng và Đô thị'],
          },
          {
            code: '1.2',
            title: 'Không có tài liệu bắt buộc',
            maxPoints: 1,
            kind: 'self',
            evidenceGuide: 'Kế hoạch; báo cáo',
          },
        ],
      },
    ];
    const p = await previewCriteriaTable(await exportCriteriaTable('Bảng', nodes), 'e.xlsx');
    expect(p.nodes).toEqual(nodes);
    expect(p.unmappedHeaders).toEqual([]);
  });
});

describe('warnings name their cell', () => {
  it('an unknown “Loại”, an option worth more than the maximum, a duplicate code', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['STT', 'Nội dung', 'Điểm tối đa', 'Hướng dẫn chấm', 'Loại'],
        ['1', 'Lĩnh vực', 2, '', 'Gì đó'],
        ['1.1', 'Một', 1, 'Đạt: 2 điểm', ''],
        ['1.1', 'Hai', 1, '', ''],
      ]),
      's.xlsx',
    );
    expect(p.warnings).toEqual([
      { cell: 'E2', message: 'Ô E2: loại “Gì đó” không rõ (dòng 2), đã coi là tự đánh giá' },
      { cell: 'A4', message: 'Ô A4: mã 1.1 bị trùng với ô A3' },
      {
        cell: 'D3',
        message: 'Tiêu chí 1.1: phương án “Đạt” được 2 điểm, vượt điểm tối đa (1)',
      },
    ]);
    expect(p.warnings.every((w) => w.cell)).toBe(true);
  });
});

describe('inspectCriteriaTable: a layout it does not understand', () => {
  it('returns the sheets, header row and every column with the problem', async () => {
    const p = await inspectCriteriaTable(await F.noTitleColumnXlsx(), 'x.xlsx');
    expect(p.problem?.kind).toBe('title');
    expect(p.sheets.map((s) => s.name)).toEqual(['Điểm']);
    expect(p.headerRow).toBe(1);
    expect(p.columns.map((c) => c.field)).toEqual(['code', 'maxPoints', 'note']);
    const fixed = await inspectCriteriaTable(await F.noTitleColumnXlsx(), 'x.xlsx', {
      mapping: { title: 'C', note: null },
    });
    expect(fixed.problem).toBeUndefined();
  });

  it('reads a table without a recognised header once the columns are chosen', async () => {
    const bytes = await F.tableXlsx([
      ['Số hiệu', 'Công việc', 'Số điểm'],
      ['1', 'Ban hành kế hoạch', 2],
    ]);
    const first = await inspectCriteriaTable(bytes, 'x.xlsx');
    expect(first.problem?.kind).toBe('header');
    expect(first.unmappedHeaders.map((c) => `${c.column}=${c.header}`)).toEqual([
      'A=Số hiệu',
      'B=Công việc',
    ]);
    await expect(previewCriteriaTable(bytes, 'x.xlsx')).rejects.toThrow(/dòng tiêu đề cột/);
    const p = await previewCriteriaTable(bytes, 'x.xlsx', {
      headerRow: 1,
      mapping: { code: 'A', title: 'B' },
    });
    expect(p.nodes).toEqual([
      { code: '1', title: 'Ban hành kế hoạch', maxPoints: 2, kind: 'self' },
    ]);
  });

  it('says “bảng”, not “trang tính”, for Word tables', async () => {
    const e = await previewCriteriaTable(await F.parAppendixDocx(), 'p.docx', {
      sheet: 'Không có',
    }).catch((x: Error) => x);
    expect((e as Error).message).toMatch(/không có bảng “Không có”/);
    expect((e as Error).message).not.toMatch(/trang tính/);
  });
});

describe('planOffices', () => {
  it('matches case, spacing and dash variants to existing offices and lists new ones', () => {
    const nodes: FrameworkNode[] = [
      {
        code: '1',
        title: 'A',
        leadOffice: 'PHÒNG TÀI CHÍNH  –  KH',
        coopOffices: ['Phòng Nội vụ', 'phòng y tế'],
        children: [
          {
            code: '1.1',
            title: 'B',
            leadOffice: 'Phòng Y tế',
            coopOffices: ['Phòng Tài chính-KH'],
          },
        ],
      },
    ];
    const plan = planOffices(nodes, ['Phòng Tài chính-KH', 'Văn phòng']);
    expect(plan.created).toEqual(['Phòng Nội vụ', 'phòng y tế']);
    expect(plan.matched).toEqual([
      { name: 'PHÒNG TÀI CHÍNH – KH', office: 'Phòng Tài chính-KH' },
      { name: 'Phòng Tài chính-KH', office: 'Phòng Tài chính-KH' },
    ]);
    expect(plan.nodes[0]?.leadOffice).toBe('Phòng Tài chính-KH');
    expect(plan.nodes[0]?.children?.[0]).toMatchObject({
      leadOffice: 'phòng y tế',
      coopOffices: ['Phòng Tài chính-KH'],
    });
  });
});
