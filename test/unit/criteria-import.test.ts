import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '../../shared/framework';
import { CoreError } from '../../electron/core/errors';
import {
  exportCriteriaTable,
  extractScoringOptions,
  previewCriteriaTable,
  type ImportPreview,
} from '../../electron/core/criteria/import';
import * as F from '../fixtures/criteria-tables';
import { storedZip } from '../fixtures/stored-zip';

/** A node by its path of codes: at(nodes, 'II', '3') is criterion 3 of area II. */
function at(nodes: FrameworkNode[], ...codes: string[]): FrameworkNode {
  let list = nodes;
  let found: FrameworkNode | undefined;
  for (const c of codes) {
    found = list.find((n) => n.code === c);
    if (!found) throw new Error(`no node ${codes.join(' / ')} (stuck at ${c})`);
    list = found.children ?? [];
  }
  if (!found) throw new Error('empty path');
  return found;
}

function all(nodes: FrameworkNode[]): FrameworkNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
}

function outline(nodes: FrameworkNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.code} ${n.title}`,
    ...outline(n.children ?? [], depth + 1),
  ]);
}

async function refusal(p: Promise<unknown>): Promise<CoreError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    return e as CoreError;
  }
  throw new Error('expected a refusal');
}

const parRow = (title: string) => F.PAR_FIRST_ROW + F.PAR_ROWS.findIndex((r) => r.title === title);

describe('previewCriteriaTable: a realistic district table', () => {
  let preview: ImportPreview;
  const load = async () =>
    (preview ??= await previewCriteriaTable(await F.parDistrictXlsx(), 'BoTieuChi_2024.xlsx'));

  it('picks the criteria sheet among several and marks it', async () => {
    const p = await load();
    expect(p.format).toBe('xlsx');
    expect(p.sheet).toBe('Bộ tiêu chí 2024');
    expect(p.sheets.map((s) => [s.name, s.likely])).toEqual([
      ['Hướng dẫn', false],
      ['Bộ tiêu chí 2024', true],
      ['Tổng hợp', false],
    ]);
    expect(p.sheets[1]?.rows).toBeGreaterThan(40);
  });

  it('finds the two-row merged header under the title block and maps every column', async () => {
    const p = await load();
    expect(p.headerRow).toBe(5);
    expect(p.headerRows).toBe(2);
    expect(p.columns.map((c) => [c.field, c.column])).toEqual([
      ['code', 'A'],
      ['title', 'B'],
      ['maxPoints', 'C'],
      ['scoringGuide', 'E'],
      ['evidenceGuide', 'F'],
      ['leadOffice', 'G'],
      ['coopOffices', 'H'],
    ]);
    expect(p.columns.find((c) => c.field === 'maxPoints')?.header).toBe('Điểm Tối đa');
    expect(p.unmappedHeaders).toEqual([{ column: 'D', header: 'Điểm Tự đánh giá' }]);
  });

  it('builds the tree from Roman, numeric, letter and dash codes', async () => {
    const { nodes } = await load();
    expect(nodes.map((n) => n.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(at(nodes, 'I').children?.map((n) => n.code)).toEqual(['1', '2', '3', '4']);
    expect(at(nodes, 'I', '1').children?.map((n) => n.code)).toEqual(['1.1', '1.2']);
    expect(at(nodes, 'I', '2', '2.2').children?.map((n) => [n.code, n.title])).toEqual([
      ['a)', 'Đúng thời hạn quy định'],
      ['b)', 'Đầy đủ nội dung theo hướng dẫn'],
    ]);
    expect(at(nodes, 'I', '4', '4.2').children?.map((n) => [n.code, n.maxPoints])).toEqual([
      ['-', null],
      ['-', null],
    ]);
    // Numbering restarts under each Roman area.
    expect(at(nodes, 'II', '1', '1.1').title).toBe('Thực hiện quy trình xây dựng VBQPPL');
    expect(at(nodes, 'III', '2', '2.1').title).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn');
  });

  it('reads points as numbers, comma/dot text, formulas (cached result) and negative text', async () => {
    const { nodes, stats } = await load();
    expect(at(nodes, 'I').maxPoints).toBe(10); // formula with cached 10
    expect(at(nodes, 'I', '2').maxPoints).toBe(2); // text "2"
    expect(at(nodes, 'I', '2', '2.1').maxPoints).toBe(1.5); // "1,5"
    expect(at(nodes, 'I', '2', '2.2', 'a)').maxPoints).toBe(0.25); // "0,25"
    expect(at(nodes, 'I', '2', '2.2', 'b)').maxPoints).toBe(0.25); // "0.25"
    expect(at(nodes, 'III', '2').maxPoints).toBe(3); // formula
    // Deductions written "-1" become penalty nodes with a positive maximum.
    expect(at(nodes, 'VI', '1')).toMatchObject({ maxPoints: 1, kind: 'penalty' });
    expect(at(nodes, 'VI', '2')).toMatchObject({ maxPoints: 1, kind: 'penalty' }); // "– 1"
    expect(at(nodes, 'VI')).toMatchObject({ maxPoints: 2, kind: 'penalty' }); // children's sum
    expect(at(nodes, 'II').maxPoints).toBe(7); // formula without cached value: from children
    expect(at(nodes, 'II', '1', '1.1').maxPoints).toBeNull(); // "0,5a"
    expect(stats).toEqual({ nodes: 44, leaves: 27, maxPoints: 30 });
  });

  it('keeps the TỔNG row, blank rows and the footer out of the tree', async () => {
    const { nodes, warnings } = await load();
    const titles = all(nodes).map((n) => n.title);
    expect(titles.some((t) => /tổng cộng|ghi chú|người lập/i.test(t))).toBe(false);
    expect(all(nodes)).toHaveLength(44);
    // The TỔNG row says 30, which matches the areas: no warning about it.
    expect(warnings.some((w) => w.message.includes('tổng điểm ghi trong bảng'))).toBe(false);
  });

  it('reads a code and title typed together in a merged cell', async () => {
    const { nodes } = await load();
    expect(at(nodes, 'IV').title).toBe('KẾT QUẢ ĐO LƯỜNG SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC');
    expect(at(nodes, 'IV').children).toHaveLength(3);
  });

  it('normalises text: NFC everywhere, spaces trimmed', async () => {
    const { nodes } = await load();
    expect(at(nodes, 'III').title).toBe('CẢI CÁCH THỦ TỤC HÀNH CHÍNH'.normalize('NFC'));
    expect(at(nodes, 'I', '1', '1.1').title).toBe('Ban hành kế hoạch CCHC năm');
    for (const n of all(nodes)) {
      for (const v of [
        n.title,
        n.scoringGuide,
        n.leadOffice,
        ...(n.coopOffices ?? []),
        ...(n.scoringOptions ?? []).map((o) => o.label),
      ]) {
        if (v) expect(v, v).toBe(v.normalize('NFC'));
      }
    }
    expect(at(nodes, 'III', '1', '1.2').leadOffice).toBe('Văn phòng HĐND và UBND');
  });

  it('carries guides, evidence and offices, splitting cooperating offices', async () => {
    const { nodes } = await load();
    const n = at(nodes, 'I', '1', '1.2');
    expect(n.evidenceGuide).toBe('Báo cáo kết quả thực hiện kế hoạch CCHC');
    expect(n.leadOffice).toBe('Phòng Nội vụ');
    expect(n.coopOffices).toEqual(['Các cơ quan chuyên môn', 'UBND các xã, thị trấn']);
    expect(at(nodes, 'III', '1', '1.2').coopOffices).toEqual([
      'Phòng Tư pháp',
      'UBND các xã, thị trấn',
    ]);
    // The #REF! evidence cell is skipped, not copied as text.
    expect(at(nodes, 'II', '2', '2.2').evidenceGuide).toBeUndefined();
  });

  it('proposes scoring options from the guide', async () => {
    const { nodes } = await load();
    expect(at(nodes, 'I', '1', '1.2').scoringOptions).toEqual([
      { label: 'Hoàn thành 100% kế hoạch', points: 2 },
      { label: 'từ 80% đến dưới 100%', points: 1 },
      { label: 'dưới 80%', points: 0 },
    ]);
    expect(at(nodes, 'I', '1', '1.1').scoringOptions?.map((o) => o.points)).toEqual([1, 0.5, 0]);
    expect(at(nodes, 'I', '3', '3.1').scoringOptions).toEqual([
      { label: 'Kiểm tra từ 30% số cơ quan trở lên', points: 2 },
      { label: 'dưới 30%', points: 1 },
    ]);
    expect(at(nodes, 'III', '2', '2.1').scoringOptions?.map((o) => o.label)).toEqual([
      'Từ 98% trở lên',
      'Từ 90% đến dưới 98%',
      'Dưới 90%',
    ]);
    expect(at(nodes, 'I', '3', '3.2').scoringOptions).toBeUndefined();
  });

  it('recognises survey, bonus and penalty nodes and not-applicable hints', async () => {
    const { nodes } = await load();
    expect([at(nodes, 'IV'), ...(at(nodes, 'IV').children ?? [])].map((n) => n.kind)).toEqual([
      'survey',
      'survey',
      'survey',
      'survey',
    ]);
    expect([at(nodes, 'V'), at(nodes, 'V', '1')].map((n) => n.kind)).toEqual(['bonus', 'bonus']);
    expect([at(nodes, 'VI'), at(nodes, 'VI', '2')].map((n) => n.kind)).toEqual([
      'penalty',
      'penalty',
    ]);
    expect(at(nodes, 'I', '3', '3.1').kind).toBe('self');
    expect(at(nodes, 'I', '3', '3.2').mayBeNotApplicable).toBe(true);
    expect(all(nodes).filter((n) => n.mayBeNotApplicable)).toHaveLength(1);
  });

  it('warns, with the cell, about bad points, error cells, uncalculated formulas and sums', async () => {
    const { warnings } = await load();
    const r = (t: string) => parRow(t);
    expect(warnings).toEqual([
      {
        cell: `C${r('CẢI CÁCH THỂ CHẾ')}`,
        message: `Ô C${r('CẢI CÁCH THỂ CHẾ')}: công thức chưa có kết quả tính sẵn, bỏ qua; hãy mở tệp bằng Excel, lưu lại rồi nhập lại`,
      },
      {
        cell: `C${r('Thực hiện quy trình xây dựng VBQPPL')}`,
        message: `Ô C${r('Thực hiện quy trình xây dựng VBQPPL')}: điểm "0,5a" không đọc được, bỏ qua`,
      },
      {
        cell: `F${r('Xử lý văn bản sau kiểm tra, rà soát')}`,
        message: `Ô F${r('Xử lý văn bản sau kiểm tra, rà soát')}: ô bị lỗi #REF!, bỏ qua giá trị này`,
      },
      {
        cell: `C${r('Xây dựng, ban hành văn bản quy phạm pháp luật')}`,
        message: 'Tiêu chí 1 thuộc lĩnh vực II: 1 tiêu chí thành phần chưa có điểm tối đa',
      },
      {
        cell: `C${r('Tổ chức thi hành pháp luật')}`,
        message:
          'Tiêu chí 3 thuộc lĩnh vực II: tổng điểm các tiêu chí thành phần (2,5) khác điểm tối đa (2)',
      },
    ]);
  });
});

describe('previewCriteriaTable: columns', () => {
  it('finds columns in any order and three numeric levels; recovers 1.10 typed as a number', async () => {
    const p = await previewCriteriaTable(await F.unusualOrderXlsx(), 'tc.xlsx');
    expect(p.headerRow).toBe(1);
    expect(p.headerRows).toBe(1);
    expect(p.columns.map((c) => `${c.field}:${c.column}`)).toEqual([
      'evidenceGuide:A',
      'maxPoints:B',
      'title:C',
      'code:D',
      'leadOffice:E',
      'note:F',
      'scoringGuide:G',
    ]);
    const n = at(p.nodes, '1', '1.1', '1.1.1');
    expect(n).toMatchObject({
      title: 'Ban hành kế hoạch đúng hạn',
      maxPoints: 0.5,
      evidenceGuide: 'Quyết định ban hành kế hoạch',
      note: 'Tính theo ngày ký',
      scoringOptions: [
        { label: 'Đúng hạn', points: 0.5 },
        { label: 'Chậm', points: 0 },
      ],
    });
    expect(at(p.nodes, '1', '1.1', '1.1.2').maxPoints).toBe(0.5); // "0.5"
    expect(
      at(p.nodes, '1', '1.2')
        .children?.map((c) => c.code)
        .at(-1),
    ).toBe('1.2.10');
    expect(
      at(p.nodes, '1')
        .children?.map((c) => c.code)
        .slice(-2),
    ).toEqual(['1.9', '1.10']);
    expect(
      at(p.nodes, '2')
        .children?.map((c) => c.code)
        .slice(-2),
    ).toEqual(['2.9', '2.10']);
    expect(at(p.nodes, '1').leadOffice).toBe('Phòng Nội vụ');
    expect(p.warnings).toEqual([]);
  });

  it.each([
    [
      ['Số TT', 'Tiêu chí, tiêu chí thành phần', 'Thang điểm', 'Phương pháp chấm', 'TLKC'],
      ['code', 'title', 'maxPoints', 'scoringGuide', 'evidenceGuide'],
    ],
    [
      ['Mã', 'Nội dung', 'Điểm chuẩn', 'Cách chấm', 'Cơ quan chủ trì', 'Đơn vị phối hợp'],
      ['code', 'title', 'maxPoints', 'scoringGuide', 'leadOffice', 'coopOffices'],
    ],
    [
      ['TT', 'LĨNH VỰC', 'ĐIỂM TỐI ĐA', 'HƯỚNG DẪN', 'GHI CHÚ', 'THỜI HẠN'],
      ['code', 'title', 'maxPoints', 'scoringGuide', 'note', 'deadline'],
    ],
    // Without diacritics, as typed on a machine without a Vietnamese keyboard.
    [
      ['STT', 'Noi dung', 'Diem toi da', 'Huong dan cham', 'Tai lieu kiem chung', 'Don vi chu tri'],
      ['code', 'title', 'maxPoints', 'scoringGuide', 'evidenceGuide', 'leadOffice'],
    ],
    [
      ['TT', 'Tiêu chí', 'Nhiệm vụ', 'Chỉ tiêu', 'Thời gian'],
      ['code', 'title', 'task', 'target', 'deadline'],
    ],
    // NFD header text.
    [
      ['STT', 'Tiêu chí'.normalize('NFD'), 'Điểm tối đa'.normalize('NFD')],
      ['code', 'title', 'maxPoints'],
    ],
  ])('maps headers %j', async (headers, fields) => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        headers,
        ['1', 'Tiêu chí một', ...headers.slice(2).map((_, i) => (i === 0 ? 1 : 'x'))],
      ]),
      'h.xlsx',
    );
    expect(p.columns.map((c) => c.field)).toEqual(fields);
  });

  it('lets the user choose the sheet, the header row and columns', async () => {
    const bytes = await F.tableXlsx([
      ['Cột 1', 'Cột 2', 'Cột 3', 'Cột 4'],
      ['1', 'Lĩnh vực một', 3, 'x'],
      ['1.1', 'Tiêu chí một', 3, 'y'],
    ]);
    await expect(previewCriteriaTable(bytes, 'c.xlsx')).rejects.toThrow(/dòng tiêu đề/);
    const p = await previewCriteriaTable(bytes, 'c.xlsx', {
      headerRow: 1,
      mapping: { code: 'A', title: 'B', maxPoints: 'C', note: 'd' },
    });
    expect(p.columns.map((c) => [c.field, c.column, c.header])).toEqual([
      ['code', 'A', 'Cột 1'],
      ['title', 'B', 'Cột 2'],
      ['maxPoints', 'C', 'Cột 3'],
      ['note', 'D', 'Cột 4'],
    ]);
    expect(at(p.nodes, '1', '1.1')).toMatchObject({ maxPoints: 3, note: 'y' });

    const par = await F.parDistrictXlsx();
    const noCoop = await previewCriteriaTable(par, 'p.xlsx', {
      sheet: 'Bộ tiêu chí 2024',
      headerRow: 5,
      mapping: { coopOffices: null },
    });
    expect(noCoop.columns.some((c) => c.field === 'coopOffices')).toBe(false);
    expect(all(noCoop.nodes).some((n) => n.coopOffices)).toBe(false);
    expect(noCoop.headerRows).toBe(2);
    // Moving a field onto a column takes that column away from the field that had it.
    const moved = await previewCriteriaTable(par, 'p.xlsx', { mapping: { note: 'E' } });
    expect(moved.columns.find((c) => c.column === 'E')?.field).toBe('note');
    expect(at(moved.nodes, 'I', '1', '1.2').note).toMatch(/^Hoàn thành 100%/);
    expect(at(moved.nodes, 'I', '1', '1.2').scoringGuide).toBeUndefined();

    const wrongSheet = await refusal(previewCriteriaTable(par, 'p.xlsx', { sheet: 'Tổng hợp' }));
    expect(wrongSheet.code).toBe('INVALID_INPUT');
    expect(wrongSheet.message).toContain('Tổng hợp');
    expect(wrongSheet.message).toContain('cột nội dung');
    const missing = await refusal(previewCriteriaTable(par, 'p.xlsx', { sheet: 'Sheet9' }));
    expect(missing.message).toContain('“Bộ tiêu chí 2024”');
  });

  it('refuses malformed options', async () => {
    const bytes = await F.noPointsXlsx();
    expect(
      (await refusal(previewCriteriaTable(bytes, 'a.xlsx', { mapping: { title: '1' } }))).code,
    ).toBe('INVALID_INPUT');
    expect((await refusal(previewCriteriaTable(bytes, 'a.xlsx', { headerRow: 0 }))).code).toBe(
      'INVALID_INPUT',
    );
    const far = await refusal(previewCriteriaTable(bytes, 'a.xlsx', { headerRow: 999 }));
    expect(far.message).toContain('999');
  });
});

describe('previewCriteriaTable: levels without clear codes', () => {
  it('derives levels from bold capitals, bold and indentation when there are no codes', async () => {
    const p = await previewCriteriaTable(await F.uncodedXlsx(), 'u.xlsx');
    expect(outline(p.nodes)).toEqual([
      ' CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH',
      '   Kế hoạch cải cách hành chính',
      '     Ban hành kế hoạch đúng hạn',
      '     Thực hiện đủ nhiệm vụ',
      '   Báo cáo cải cách hành chính',
      ' CẢI CÁCH THỂ CHẾ',
      '   Rà soát văn bản',
    ]);
    expect(p.warnings.map((w) => w.message)).toEqual([expect.stringContaining('không ghi mã')]);
  });

  it('splits look-alike restarting codes by formatting', async () => {
    const p = await previewCriteriaTable(await F.ambiguousCodesXlsx(), 'a.xlsx');
    expect(outline(p.nodes)).toEqual([
      '1 Công tác chỉ đạo',
      '  1 Kế hoạch',
      '  2 Báo cáo',
      '2 Cải cách thể chế',
      '  1 Xây dựng văn bản',
      '  2 Rà soát văn bản',
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('reads codes written at the start of the title', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['Nội dung', 'Điểm tối đa'],
        ['I. CÔNG TÁC CHỈ ĐẠO', 2],
        ['1. Kế hoạch CCHC', 2],
        ['a) Ban hành đúng hạn', 1],
        ['b) Đủ nội dung', 1],
        ['- Có phụ lục', null],
        ['II - CẢI CÁCH THỂ CHẾ', 1],
        ['1. Rà soát văn bản', 1],
        ['1 cửa liên thông', 0],
      ]),
      't.xlsx',
    );
    expect(outline(p.nodes)).toEqual([
      'I CÔNG TÁC CHỈ ĐẠO',
      '  1 Kế hoạch CCHC',
      '    a) Ban hành đúng hạn',
      '    b) Đủ nội dung',
      '      - Có phụ lục',
      'II CẢI CÁCH THỂ CHẾ',
      '  1 Rà soát văn bản',
      '     1 cửa liên thông',
    ]);
  });
});

describe('previewCriteriaTable: Word and task tables', () => {
  it('reads a PAPI task table without points, merging continuation rows', async () => {
    const p = await previewCriteriaTable(await F.papiTaskXlsx(), 'papi.xlsx');
    expect(p.headerRow).toBe(4);
    expect(p.columns.map((c) => c.field)).toEqual([
      'code',
      'title',
      'task',
      'target',
      'leadOffice',
      'coopOffices',
      'deadline',
    ]);
    expect(outline(p.nodes)).toEqual([
      '1 Tham gia của người dân ở cấp cơ sở',
      '  1.1 Tri thức công dân',
      '  1.3 Chất lượng bầu cử',
      '2 Công khai, minh bạch',
      '  2.1 Tiếp cận thông tin',
      '  2.2 Công khai danh sách hộ nghèo',
    ]);
    expect(all(p.nodes).every((n) => n.maxPoints === null)).toBe(true);
    expect(at(p.nodes, '1', '1.3')).toMatchObject({
      task: 'Tổ chức cuộc bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp\nTuyên truyền việc thực hiện bầu cử trưởng thôn, tổ dân phố',
      target: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%\n100% các xã, thị trấn',
      leadOffice: 'Phòng Nội vụ',
      coopOffices: ['UBMTTQ huyện', 'UBND các xã, thị trấn'],
      deadline: '23/5/2021; Thường xuyên',
    });
    // The signature block under the table is not an office of the last row.
    expect(at(p.nodes, '2', '2.2').coopOffices).toEqual(['UBND các xã, thị trấn']);
    expect(p.stats).toEqual({ nodes: 6, leaves: 4, maxPoints: 0 });
    expect(p.warnings).toEqual([]);
  });

  it('reads a Word appendix: picks the table, joins its page-break continuation, handles merges', async () => {
    const p = await previewCriteriaTable(await F.papiDocx(), 'KH154.docx');
    expect(p.format).toBe('docx');
    expect(p.sheets.map((s) => [s.name, s.likely])).toEqual([
      ['Bảng 1', true],
      ['Bảng 2', true],
      ['Bảng 3', false],
    ]);
    expect(p.sheet).toBe('Bảng 1');
    const xlsx = await previewCriteriaTable(await F.papiTaskXlsx(), 'papi.xlsx');
    expect(p.nodes).toEqual(xlsx.nodes);
    expect(p.warnings).toEqual([]);
    // Asked for the second page only.
    const second = await previewCriteriaTable(await F.papiDocx(), 'KH154.docx', {
      sheet: 'Bảng 2',
    });
    expect(outline(second.nodes)).toEqual([
      '2 Công khai, minh bạch',
      '  2.1 Tiếp cận thông tin',
      '  2.2 Công khai danh sách hộ nghèo',
    ]);
  });

  it('reads a scored Word table with a two-row merged header and a total row', async () => {
    const p = await previewCriteriaTable(await F.parAppendixDocx(), 'PL1.docx');
    expect(p.headerRows).toBe(2);
    expect(p.columns.map((c) => [c.field, c.header])).toEqual([
      ['code', 'STT'],
      ['title', 'Nội dung tiêu chí'],
      ['maxPoints', 'Thang điểm Tối đa'],
      ['evidenceGuide', 'Tài liệu kiểm chứng'],
    ]);
    expect(p.unmappedHeaders).toEqual([{ column: 'D', header: 'Thang điểm Tự chấm' }]);
    expect(outline(p.nodes)).toEqual([
      '1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      '  1.1 Ban hành kế hoạch CCHC năm',
      '  1.2 Thực hiện kế hoạch CCHC',
      '2 CẢI CÁCH THỂ CHẾ',
      '  2.1 Rà soát văn bản quy phạm pháp luật',
    ]);
    expect(at(p.nodes, '2').maxPoints).toBe(1.5);
    expect(p.stats.maxPoints).toBe(4.5);
    expect(p.warnings).toEqual([]);
  });
});

describe('previewCriteriaTable: validation warnings', () => {
  it('reports duplicate codes and a total that disagrees', async () => {
    const p = await previewCriteriaTable(await F.inconsistentXlsx(), 'i.xlsx');
    expect(p.warnings).toEqual([
      { cell: 'A4', message: 'Ô A4: mã 1.1 bị trùng với ô A3' },
      {
        cell: 'C7',
        message: 'Dòng 7: tổng điểm ghi trong bảng (6) khác tổng điểm các lĩnh vực (5)',
      },
    ]);
    expect(p.nodes).toHaveLength(2);
  });

  it('reports children that do not add up to their parent', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['STT', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm'],
        ['1', 'Lĩnh vực', 5, ''],
        ['1.1', 'Tiêu chí một', 2, ''],
        ['1.2', 'Tiêu chí hai', 3, ''],
        ['1.2.1', 'Thành phần một', '1', 'Có: 1 điểm; Không có: 0 điểm'],
        ['1.2.2', 'Thành phần hai', '1,5', 'Đạt: 2 điểm; Không đạt: 0 điểm'],
      ]),
      's.xlsx',
    );
    expect(p.warnings).toEqual([
      {
        cell: 'C4',
        message: 'Tiêu chí 1.2: tổng điểm các tiêu chí thành phần (2,5) khác điểm tối đa (3)',
      },
      {
        cell: 'D6',
        message: 'Tiêu chí 1.2.2: phương án “Đạt” được 2 điểm, vượt điểm tối đa (1,5)',
      },
    ]);
  });

  it('reports error cells and error formula results by cell, and keeps the node', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['STT', 'Tiêu chí', 'Điểm tối đa'],
        ['1', 'Lĩnh vực', { formula: 'C3+C4', result: { error: '#VALUE!' } }],
        ['1.1', 'Tiêu chí một', { error: '#REF!' }],
        ['1.2', 'Tiêu chí hai', 1],
      ]),
      'e.xlsx',
    );
    expect(p.warnings).toEqual([
      { cell: 'C2', message: 'Ô C2: ô bị lỗi #VALUE!, bỏ qua giá trị này' },
      { cell: 'C3', message: 'Ô C3: ô bị lỗi #REF!, bỏ qua giá trị này' },
    ]);
    expect(outline(p.nodes)).toEqual(['1 Lĩnh vực', '  1.1 Tiêu chí một', '  1.2 Tiêu chí hai']);
    expect(at(p.nodes, '1').maxPoints).toBeNull();
  });

  it('does not take "không chậm" for "không chấm"', async () => {
    const p = await previewCriteriaTable(
      await F.tableXlsx([
        ['STT', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm'],
        ['1', 'Giải quyết hồ sơ', 1, 'Giải quyết hồ sơ không chậm trễ: 1 điểm'],
        ['2', 'Thanh tra', 1, 'Không áp dụng với đơn vị không có thanh tra'],
      ]),
      'n.xlsx',
    );
    expect(p.nodes.map((n) => n.mayBeNotApplicable ?? false)).toEqual([false, true]);
  });
});

describe('extractScoringOptions', () => {
  it('reads "label: n điểm" and "… thì được n điểm" clauses', () => {
    expect(
      extractScoringOptions(
        'Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm',
      ),
    ).toEqual([
      { label: 'Hoàn thành 100% kế hoạch', points: 1 },
      { label: 'từ 80% đến dưới 100%', points: 0.5 },
      { label: 'dưới 80%', points: 0 },
    ]);
    expect(
      extractScoringOptions('Ban hành đúng hạn thì được 1 điểm, chậm thì được 0.5 điểm.'),
    ).toEqual([
      { label: 'Ban hành đúng hạn', points: 1 },
      { label: 'chậm', points: 0.5 },
    ]);
    expect(extractScoringOptions('Điểm tối đa: 2 điểm. Chấm theo kết quả kiểm tra')).toEqual([]);
    expect(
      extractScoringOptions('Có: 1 điểm\nPhương án chấm:\n- Đủ: 2 điểm\n- Thiếu: 0 điểm'),
    ).toEqual([
      { label: 'Đủ', points: 2 },
      { label: 'Thiếu', points: 0 },
    ]);
    expect(extractScoringOptions(null)).toEqual([]);
  });
});

describe('previewCriteriaTable: refusals', () => {
  it.each([
    ['a PDF', () => F.PDF_BYTES, 'BoTieuChi.pdf', 'UNSUPPORTED', /PDF/],
    [
      'random bytes',
      () => F.randomBytes(),
      'BoTieuChi.xlsx',
      'BAD_FILE',
      /không phải bảng tính Excel/,
    ],
    ['an empty file', () => new Uint8Array(), 'BoTieuChi.xlsx', 'BAD_FILE', /rỗng/],
    [
      'a password-protected xlsx',
      () => F.compoundFile(['EncryptionInfo', 'EncryptedPackage']),
      'BoTieuChi.xlsx',
      'UNSUPPORTED',
      /mật khẩu/,
    ],
    [
      'a legacy .xls',
      () => F.compoundFile(['Workbook']),
      'BoTieuChi.xls',
      'UNSUPPORTED',
      /lưu lại dưới dạng \.xlsx/,
    ],
    [
      'a legacy .doc',
      () => F.compoundFile(['WordDocument']),
      'PhuLuc.doc',
      'UNSUPPORTED',
      /\.docx/,
    ],
    ['a truncated download', F.truncatedXlsx, 'BoTieuChi.xlsx', 'BAD_FILE', /hỏng/],
    [
      'an OpenDocument spreadsheet',
      () =>
        storedZip([
          ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
          ['content.xml', '<x/>'],
        ]),
      'a.ods',
      'UNSUPPORTED',
      /\.xlsx/,
    ],
    [
      'an unrelated zip',
      () => storedZip([['readme.txt', 'xin chào']]),
      'a.zip',
      'BAD_FILE',
      /không phải bảng tính/,
    ],
    [
      'a CSV',
      () => new TextEncoder().encode('STT,Nội dung,Điểm\n1,Kế hoạch,1\n'),
      'a.csv',
      'UNSUPPORTED',
      /CSV/,
    ],
    [
      'a sheet without a header',
      F.noHeaderXlsx,
      'ds.xlsx',
      'INVALID_INPUT',
      /Không tìm thấy dòng tiêu đề cột.*“Danh sách”/,
    ],
    [
      'a header without a title column',
      F.noTitleColumnXlsx,
      'd.xlsx',
      'INVALID_INPUT',
      /dòng tiêu đề 1: không tìm thấy cột nội dung/,
    ],
    [
      'a scored table without points',
      F.noPointsXlsx,
      'd.xlsx',
      'INVALID_INPUT',
      /không tìm thấy cột điểm tối đa/,
    ],
    [
      'a table with no criteria',
      F.zeroNodesXlsx,
      'mau.xlsx',
      'INVALID_INPUT',
      /không có tiêu chí nào dưới dòng tiêu đề \(dòng 2\)/,
    ],
    [
      'a Word file without tables',
      F.docxWithoutTables,
      'kh.docx',
      'INVALID_INPUT',
      /không có bảng nào/,
    ],
    [
      '6,000 data rows',
      () => F.hugeXlsx(6000),
      'big.xlsx',
      'TOO_LARGE',
      /6\.000 dòng dữ liệu.*5\.000/,
    ],
  ] as const)('refuses %s', async (_what, make, name, code, message) => {
    const e = await refusal(previewCriteriaTable(await make(), name));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    if (code !== 'INVALID_INPUT' && code !== 'TOO_LARGE') expect(e.message).toContain(name);
  });

  it('accepts a table without points when the user says there are none', async () => {
    const p = await previewCriteriaTable(await F.noPointsXlsx(), 'd.xlsx', {
      mapping: { maxPoints: null },
    });
    expect(p.nodes).toEqual([
      {
        code: '1',
        title: 'Kế hoạch CCHC',
        maxPoints: null,
        kind: 'self',
        evidenceGuide: 'Quyết định ban hành kế hoạch',
        evidenceSlots: ['Quyết định ban hành kế hoạch'],
      },
    ]);
  });

  it('accepts exactly 5,000 rows', async () => {
    const p = await previewCriteriaTable(await F.hugeXlsx(5000), 'big.xlsx');
    expect(p.stats.nodes).toBe(5000);
  });
});

describe('exportCriteriaTable', () => {
  it('round-trips an imported table, options and kinds included', async () => {
    const first = await previewCriteriaTable(await F.parDistrictXlsx(), 'p.xlsx');
    const bytes = await exportCriteriaTable('BỘ TIÊU CHÍ CHỈ SỐ CCHC NĂM 2024', first.nodes);
    const again = await previewCriteriaTable(bytes, 'export.xlsx');
    expect(again.nodes).toEqual(first.nodes);
    expect(again.stats).toEqual(first.stats);
    expect(again.headerRow).toBe(3);
    expect(again.unmappedHeaders).toEqual([]);
  });

  it.each(['papiDocx', 'unusualOrderXlsx', 'uncodedXlsx', 'ambiguousCodesXlsx'] as const)(
    'round-trips %s',
    async (name) => {
      const first = await previewCriteriaTable(await F[name](), `${name}.x`);
      const again = await previewCriteriaTable(
        await exportCriteriaTable('Bảng', first.nodes),
        'e.xlsx',
      );
      expect(again.nodes).toEqual(first.nodes);
    },
  );

  it('writes the documented layout: title, one header row, bold areas, numeric points, text codes', async () => {
    const nodes: FrameworkNode[] = [
      {
        code: '1',
        title: 'Lĩnh vực',
        maxPoints: 9.5,
        children: [{ code: '1.10', title: 'Tiêu chí', maxPoints: 9.5 }],
      },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exportCriteriaTable('BỘ TIÊU CHÍ', nodes)) as never);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('BỘ TIÊU CHÍ');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Nội dung',
      'Điểm tối đa',
      'Hướng dẫn chấm',
      'Phương án chấm',
      'Bước chấm',
      'Tài liệu kiểm chứng',
      'Tài liệu bắt buộc',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Nhiệm vụ',
      'Chỉ tiêu',
      'Thời gian',
      'Ghi chú',
      'Loại',
    ]);
    expect(ws.getCell('A4').value).toBe('1');
    expect(ws.getCell('B4').font?.bold).toBe(true);
    expect(ws.getCell('C4').value).toBe(9.5);
    expect(ws.getCell('A5').value).toBe('1.10');
    expect(ws.getCell('B5').font?.bold).not.toBe(true);
    expect(ws.getCell('B6').value).toBe('TỔNG CỘNG');
    expect(ws.getCell('C6').value).toBe(9.5);
  });

  it('round-trips hand-made nodes: options outside the guide, kinds, not-applicable, uncoded rows', async () => {
    const nodes: FrameworkNode[] = [
      {
        code: '1',
        title: 'Công tác chỉ đạo',
        maxPoints: 3,
        kind: 'self',
        leadOffice: 'Phòng Nội vụ',
        children: [
          {
            code: '1.1',
            title: 'Ban hành kế hoạch',
            maxPoints: 2,
            kind: 'self',
            mayBeNotApplicable: true,
            scoringOptions: [
              { label: 'Đúng hạn', points: 2 },
              { label: 'Chậm', points: 0.75 },
            ],
            coopOffices: ['Văn phòng HĐND và UBND', 'UBND các xã, thị trấn'],
            deadline: 'Trước 20/12',
          },
          { code: '', title: 'Nội dung không đánh số', maxPoints: 1, kind: 'self' },
        ],
      },
      {
        code: '2',
        title: 'Khảo sát sự hài lòng (điều tra xã hội học)',
        maxPoints: 2,
        kind: 'self',
        task: 'Phối hợp khảo sát',
      },
      { code: '3', title: 'Sáng kiến', maxPoints: 1, kind: 'bonus', note: 'Tối đa 1 điểm' },
      { code: '4', title: 'Vi phạm', maxPoints: 1, kind: 'penalty', target: 'Không có vi phạm' },
      { code: '5', title: 'Chỉ số SIPAS', maxPoints: 5, kind: 'survey' },
    ];
    const p = await previewCriteriaTable(await exportCriteriaTable('Bộ tiêu chí', nodes), 'e.xlsx');
    const got = at(p.nodes, '1', '1.1');
    expect(got.scoringOptions).toEqual([
      { label: 'Đúng hạn', points: 2 },
      { label: 'Chậm', points: 0.75 },
    ]);
    // Options travel in their own column: the guide is not touched.
    expect(got.scoringGuide).toBeUndefined();
    const { children: _c, ...want } = nodes[0]?.children?.[0] ?? { code: '', title: '' };
    expect(got).toEqual(want);
    expect(outline(p.nodes)).toEqual(outline(nodes));
    expect(at(p.nodes, '1').children?.[1]).toEqual({
      code: '',
      title: 'Nội dung không đánh số',
      maxPoints: 1,
      kind: 'self',
    });
    expect(p.nodes.slice(1)).toEqual(nodes.slice(1));
    expect(p.stats.maxPoints).toBe(10);
  });

  it('refuses nodes it cannot write faithfully', async () => {
    const empty = await refusal(exportCriteriaTable('x', [{ code: '1', title: '' }]));
    expect(empty.code).toBe('INVALID_INPUT');
    const third = await refusal(
      exportCriteriaTable('x', [{ code: '1.1', title: 'Một phần ba', maxPoints: 1 / 3 }]),
    );
    expect(third.message).toContain('1.1');
  });
});

describe('previewCriteriaTable: speed', () => {
  it('previews a realistic 500-row table', async () => {
    const bytes = await F.realisticXlsx();
    const p = await previewCriteriaTable(bytes, 'r.xlsx');
    expect(p.stats.nodes).toBe(510);
    expect(p.warnings).toEqual([]);
  });
});
