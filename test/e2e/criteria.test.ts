import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noPointsXlsx, parDistrictXlsx, tableXlsx } from '../fixtures/criteria-tables';
import { hasChromium } from '../helpers/browser';
import { openApp, openScreen, revealInTree, screenshot, type RunningApp } from '../helpers/app';

const FILE_NAME = 'Bộ tiêu chí CCHC huyện 2024.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OFFICE = 'Công an phường';

/** Opens an antd Select and clicks the option with this text, as a person would. */
async function choose(page: Page, select: Locator, text: string) {
  await select.click();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  await option.click();
}

/** A screenshot once antd's open/close animations have finished. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await screenshot(page, name);
}

/** The text box of an antd InputNumber, wherever antd put the test id. */
const numberInput = (scope: Locator, testId: string) =>
  scope.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`);

/** The codes of the rows the virtual tree renders, top to bottom. */
const treeCodes = (page: Page) =>
  page
    .getByTestId('criteria-tree')
    .locator('[data-code]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

async function openNode(page: Page, title: string, code: string) {
  await page.getByPlaceholder('Tìm theo mã hoặc nội dung (không cần dấu)').fill('');
  await (await revealInTree(page, title, { exact: true })).click();
  await expect.poll(() => page.getByTestId('node-code').textContent()).toBe(code);
}

describe.skipIf(!hasChromium)('criteria frameworks in Chromium', () => {
  let app: RunningApp;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await parDistrictXlsx();
    app = await openApp();
    app.page.setDefaultTimeout(10_000);
    await openScreen(app.page, 'Bộ tiêu chí');
    await app.page.getByTestId('criteria-tree').getByText('Cải cách thể chế').first().waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports an official Excel table dragged onto the wizard, after showing what it read', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Nhập bộ tiêu chí từ Excel/Word' }).click();
    const wizard = page
      .locator('.ant-drawer')
      .filter({ hasText: 'Nhập bộ tiêu chí từ Excel/Word' });
    await wizard.getByText('Kéo tệp bảng tiêu chí vào đây').waitFor();
    await shot(page, 'criteria-import-1-drop');

    // Picking the wrong file is explained, not fatal: first a text file, then a broken workbook.
    const input = wizard.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('không phải bảng'),
    });
    await wizard.getByText('“ghi-chu.txt” không phải tệp .xlsx hoặc .docx.').waitFor();
    await input.setInputFiles({
      name: 'bang-loi.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from('PK này không phải tệp Excel'),
    });
    const error = wizard.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('bang-loi.xlsx');
    await shot(page, 'criteria-import-error');
    await wizard.getByRole('button', { name: 'Chọn tệp khác' }).click();

    // A real drag and drop: the file travels in a DataTransfer, as from the file manager.
    const dataTransfer = await page.evaluateHandle(
      ({ b64, name, type }) => {
        // Runs in the page; the test's own types have no DOM.
        const page = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
        };
        const dt = new page.DataTransfer();
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([data], name, { type }));
        return dt;
      },
      { b64: Buffer.from(bytes).toString('base64'), name: FILE_NAME, type: XLSX },
    );
    const zone = wizard.locator('.ant-upload-drag .ant-upload');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });

    // Sheet, header row, mapping, stats, warnings with their cells, and the tree.
    await wizard.getByTestId('import-stats').waitFor();
    expect(await wizard.getByTestId('import-file').textContent()).toBe(FILE_NAME);
    expect(await wizard.getByTestId('import-sheet').textContent()).toContain('Bộ tiêu chí 2024');
    expect(await numberInput(wizard, 'import-header-row').inputValue()).toBe('5');
    expect(await wizard.getByTestId('map-maxPoints').textContent()).toBe('C — Điểm Tối đa');
    expect(await wizard.getByTestId('map-task').textContent()).toBe('— không dùng —');
    expect(await wizard.getByTestId('import-stats').textContent()).toBe(
      'Mục44Tiêu chí thành phần27Tổng điểm tối đa30',
    );
    const warnings = wizard.getByTestId('import-warnings');
    expect(await warnings.textContent()).toContain('5 cảnh báo khi đọc bảng');
    expect(await warnings.textContent()).toContain('Ô C29: điểm "0,5a" không đọc được, bỏ qua');
    expect(await warnings.textContent()).toContain('Ô F33: ô bị lỗi #REF!');
    expect(await warnings.textContent()).toContain(
      'Ô C34: Tiêu chí 3 thuộc lĩnh vực II: tổng điểm các tiêu chí thành phần (2,5) khác điểm tối đa (2)',
    );
    const previewTree = wizard.getByTestId('import-tree');
    await previewTree.getByText('CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH').waitFor();
    expect(await previewTree.textContent()).toContain('Phòng Nội vụ');
    expect(await previewTree.textContent()).toContain('0,25 điểm');
    // Offices: which are new, which are matched to existing ones — nothing is added silently.
    const offices = wizard.getByTestId('import-offices');
    expect(await offices.getByTestId('import-offices-created').textContent()).toContain(
      'UBND các xã, thị trấn',
    );
    expect(await offices.getByTestId('import-offices-matched').textContent()).toContain(
      'Văn phòng HĐND và UBND',
    );
    await shot(page, 'criteria-import-2-preview');
    // Further down: survey, bonus and penalty areas carry their kind.
    await previewTree.hover();
    await page.mouse.wheel(0, 2000);
    await previewTree.getByText('Điểm trừ', { exact: true }).first().waitFor();
    expect(await previewTree.textContent()).toContain('Điều tra xã hội học');
    await shot(page, 'criteria-import-2b-kinds');

    // The other sheets are offered, the likely one marked.
    await wizard.getByTestId('import-sheet').click();
    const sheetOptions = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    expect(await sheetOptions.allTextContents()).toEqual([
      'Hướng dẫn (3 dòng)',
      'Bộ tiêu chí 2024 (53 dòng)có vẻ là bảng tiêu chí',
      'Tổng hợp (3 dòng)',
    ]);
    await wizard.getByTestId('import-sheet').click();

    // Not using the lead-office column re-reads the table: the offices leave the preview.
    await choose(page, wizard.getByTestId('map-leadOffice'), '— không dùng —');
    await expect.poll(() => previewTree.textContent()).not.toContain('Phòng Nội vụ');
    expect(await wizard.getByTestId('map-leadOffice').textContent()).toBe('— không dùng —');
    await shot(page, 'criteria-import-3-mapping-changed');
    // …and choosing it again brings them back.
    await choose(page, wizard.getByTestId('map-leadOffice'), 'G — Đơn vị thực hiện Chủ trì');
    await expect.poll(() => previewTree.textContent()).toContain('Phòng Nội vụ');

    await wizard.getByTestId('import-next').click();
    expect(await wizard.getByTestId('import-name').inputValue()).toBe(
      'Bộ tiêu chí CCHC huyện 2024',
    );
    const year = numberInput(wizard, 'import-year');
    await year.fill('2024');
    await shot(page, 'criteria-import-4-target');
    await wizard.getByTestId('import-apply').click();

    await page.getByText('Đã nhập 44 mục vào “Bộ tiêu chí CCHC huyện 2024” năm 2024.').waitFor();
    await expect
      .poll(() => page.getByTestId('assessment-select').textContent())
      .toBe('Bộ tiêu chí CCHC huyện 2024 — Năm 2024');
    await page.getByTestId('criteria-tree').getByText('CẢI CÁCH THỂ CHẾ').waitFor();
    expect(await page.getByText('44 mục', { exact: true }).count()).toBe(1);
    // The core's checks on the new tree: the sum that does not add up names both sums.
    const check = page.getByTestId('tree-warnings');
    await check.getByRole('button', { name: 'Xem' }).click();
    await check
      .getByText(
        'Tiêu chí II.3 “Tổ chức thi hành pháp luật”: tổng điểm các mục con (2,5) khác điểm tối đa (2).',
      )
      .first()
      .waitFor();
    await shot(page, 'criteria-imported');
    await check.getByRole('button', { name: 'Ẩn' }).click();
  });

  it('recovers from a first reading that fails: chooses columns and reads again', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Nhập bộ tiêu chí từ Excel/Word' }).click();
    const wizard = page
      .locator('.ant-drawer')
      .filter({ hasText: 'Nhập bộ tiêu chí từ Excel/Word' });
    const input = wizard.locator('input[type="file"]');

    // No points column: the settings stay, and "no points" reads it as an unscored table.
    await input.setInputFiles({
      name: 'TLKC.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(await noPointsXlsx()),
    });
    const error = wizard.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('không tìm thấy cột điểm tối đa');
    await wizard.getByTestId('import-settings').waitFor();
    expect(await wizard.getByTestId('map-title').textContent()).toBe('B — Nội dung');
    expect(await wizard.getByTestId('import-next').isDisabled()).toBe(true);
    await shot(page, 'criteria-import-recover-1-no-points');
    await wizard.getByTestId('import-no-points').click();
    await wizard.getByTestId('import-stats').waitFor();
    expect(await error.count()).toBe(0);
    expect(await wizard.getByTestId('import-tree').textContent()).toContain('Kế hoạch CCHC');
    expect(await wizard.getByTestId('import-next').isDisabled()).toBe(false);
    await shot(page, 'criteria-import-recover-2-read');

    // No header the app recognises: the columns are offered anyway; choosing them reads it.
    await wizard.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await input.setInputFiles({
      name: 'la.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(
        await tableXlsx([
          ['Số hiệu', 'Công việc', 'Số điểm'],
          ['1', 'Ban hành kế hoạch', 2],
          ['2', 'Báo cáo kết quả', 1],
        ]),
      ),
    });
    await error.waitFor();
    expect(await error.textContent()).toContain('Không tìm thấy dòng tiêu đề cột');
    await shot(page, 'criteria-import-recover-3-no-header');
    await choose(page, wizard.getByTestId('map-title'), 'B — Công việc');
    await wizard.getByTestId('import-stats').waitFor();
    // The first list must have finished closing: both offer the same columns.
    await expect
      .poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())
      .toBe(0);
    await choose(page, wizard.getByTestId('map-code'), 'A — Số hiệu');
    await expect
      .poll(() => wizard.getByTestId('import-stats').textContent())
      .toBe('Mục2Tiêu chí thành phần2Tổng điểm tối đa3');
    expect(await wizard.getByTestId('import-tree').textContent()).toContain('Báo cáo kết quả');
    await shot(page, 'criteria-import-recover-4-mapped');
    await wizard.locator('.ant-drawer-close').click();
    await wizard.waitFor({ state: 'hidden' });
  });

  it('edits a node: points typed as 0,5 are shown as “0,5 điểm”', async () => {
    const { page } = app;
    await openNode(page, 'Thực hiện quy trình xây dựng VBQPPL', '1.1');
    expect(await page.getByTestId('node-max').textContent()).toBe('Không chấm điểm');
    await page.getByTestId('node-actions').getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByTestId('node-edit');
    await form.getByLabel('Điểm tối đa').waitFor();
    await shot(page, 'criteria-node-edit-open');
    const points = form.getByLabel('Điểm tối đa');
    await points.fill('nửa điểm');
    await points.blur();
    await form.getByText('“nửa điểm” không phải là số điểm hợp lệ').waitFor();
    await points.fill('0.5');
    await points.blur();
    expect(await points.inputValue()).toBe('0,5');
    await points.fill('0,5');
    await form
      .getByLabel('Ghi chú')
      .fill('Bảng gốc ghi “0,5a”; đã sửa theo Quyết định 123/QĐ-UBND.');
    await shot(page, 'criteria-node-edit');
    await form.getByRole('button', { name: 'Lưu' }).first().click();
    await expect.poll(() => page.getByTestId('node-max').textContent()).toBe('0,5 điểm');
    expect(await page.getByTestId('node-details').textContent()).toContain('Bảng gốc ghi “0,5a”');
    await expect
      .poll(() => page.getByTestId('criteria-tree').locator('[data-code="1.1"]').allTextContents())
      // Not scored yet: the row shows "—" over the new maximum.
      .toContain('1.1Thực hiện quy trình xây dựng VBQPPL—/0,5');
    await shot(page, 'criteria-node-edited');
  });

  it('adds a node, deletes it to the trash and restores it', async () => {
    const { page } = app;
    await openNode(page, 'Công tác tuyên truyền cải cách hành chính', '4');
    await page.getByTestId('node-actions').getByRole('button', { name: 'Thêm mục con' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Thêm mục con vào' });
    expect(await dialog.getByLabel('Mã').inputValue()).toBe('4.3');
    await dialog.getByLabel('Nội dung').fill('Tuyên truyền CCHC trên mạng xã hội');
    await dialog.getByLabel('Điểm tối đa').fill('0,5');
    await shot(page, 'criteria-node-add');
    await dialog.getByRole('button', { name: 'Thêm' }).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('4.3');
    expect(await page.getByTestId('node-max').textContent()).toBe('0,5 điểm');

    await page.getByTestId('node-actions').getByRole('button', { name: 'Xóa' }).click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('thùng rác').waitFor();
    await shot(page, 'criteria-node-delete-confirm');
    await confirm.getByRole('button', { name: 'Xóa' }).click();
    await page.getByText('Đã chuyển mục vào thùng rác.').waitFor();
    await expect
      .poll(() =>
        page.getByTestId('criteria-tree').getByText('Tuyên truyền CCHC trên mạng xã hội').count(),
      )
      .toBe(0);

    await page.getByRole('button', { name: 'Thùng rác' }).click();
    const trash = page.getByTestId('trash-list');
    await trash.getByText('Tuyên truyền CCHC trên mạng xã hội').waitFor();
    await shot(page, 'criteria-trash');
    await trash.getByRole('button', { name: 'Khôi phục' }).first().click();
    await page.getByText('Đã khôi phục mục 4.3.').waitFor();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('4.3');
    await page
      .getByTestId('criteria-tree')
      .getByText('Tuyên truyền CCHC trên mạng xã hội')
      .waitFor();
  });

  it('moves a node up, then to another parent with “Chuyển đến…”', async () => {
    const { page } = app;
    await openNode(page, 'Đầy đủ nội dung theo hướng dẫn', 'b)');
    await page.getByTestId('node-actions').getByRole('button', { name: 'Lên trên' }).click();
    const under22 = () =>
      page
        .getByTestId('criteria-tree')
        .locator('[data-code="a)"], [data-code="b)"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await expect.poll(under22).toEqual(['b)', 'a)']);

    await page.getByTestId('node-actions').getByRole('button', { name: 'Chuyển đến…' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Chuyển “b) Đầy đủ nội dung' });
    await dialog.getByTestId('move-parent').click();
    await page.keyboard.type('so luong bao cao');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title')
      .filter({ hasText: '2.1 Số lượng báo cáo' })
      .click();
    expect(await dialog.getByTestId('move-position').textContent()).toBe('Đầu tiên');
    await shot(page, 'criteria-move');
    await dialog.getByRole('button', { name: 'Chuyển' }).click();
    await page.getByText('Đã chuyển mục.').waitFor();
    await expect
      .poll(() => page.locator('.ant-breadcrumb').textContent())
      .toContain('2.1 Số lượng báo cáo');
  });

  it('explains “Việc của tôi” without an office, then sets offices and the user in Cài đặt', async () => {
    const { page } = app;
    await page.getByTestId('my-work').click();
    const hint = page.getByTestId('my-work-no-office');
    await hint.getByText('Bạn chưa chọn phòng ban của mình').waitFor();
    await shot(page, 'criteria-my-work-no-office');
    await hint.getByRole('button', { name: 'Mở Cài đặt' }).click();

    const settings = page.getByTestId('settings-screen');
    await settings.waitFor();
    await settings.getByTestId('office-name').fill(OFFICE);
    await settings.getByLabel('Tên viết tắt').fill('CAP');
    await settings.getByTestId('office-add').click();
    await page.getByText(`Đã thêm “${OFFICE}”.`).waitFor();
    await settings.getByTestId('offices-table').getByText(OFFICE).waitFor();

    await settings.getByTestId('user-name').fill('Nguyễn Thị Hoa');
    await choose(page, settings.getByTestId('user-office'), OFFICE);
    await settings.getByTestId('user-save').click();
    await page.getByText('Đã lưu.').first().waitFor();
    await settings.evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'settings');
    const saved = await app.core.dispatch('settings.get', {});
    expect(saved).toMatchObject({ ok: true, data: { userName: 'Nguyễn Thị Hoa' } });
  });

  it('assigns an area to the office and “Việc của tôi” keeps only its work', async () => {
    const { page } = app;
    await openScreen(page, 'Bộ tiêu chí');
    // The toggle is still on: nothing is assigned to the new office yet.
    await page
      .getByTestId('criteria-tree')
      .getByText('Phòng ban của bạn chưa được giao mục nào')
      .waitFor();
    await page.getByTestId('my-work').click();

    await openNode(page, 'CẢI CÁCH THỂ CHẾ', 'II');
    await page.getByTestId('node-actions').getByRole('button', { name: 'Giao đơn vị' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Giao đơn vị: II' });
    await choose(page, dialog.getByTestId('assign-lead'), OFFICE);
    await dialog.getByText('Áp dụng cho tất cả mục con').click();
    await shot(page, 'criteria-assign');
    await dialog.getByRole('button', { name: 'Giao' }).click();
    await expect.poll(() => page.getByTestId('node-lead').textContent()).toBe(OFFICE);
    await page
      .getByTestId('criteria-tree')
      .locator('[data-code="II"] .lead')
      .getByText('CAP')
      .waitFor();

    // Bulk: two sub-criteria of area III get the office as cooperating office.
    await page.getByTestId('multi-select').click();
    for (const title of [
      'Công khai đầy đủ TTHC trên Cổng dịch vụ công',
      'Niêm yết TTHC tại Bộ phận Một cửa',
    ]) {
      const row = await revealInTree(page, title, { exact: true });
      await row
        .locator('xpath=ancestor::*[contains(@class,"ant-tree-treenode")]')
        .locator('.ant-tree-checkbox')
        .click();
    }
    await page.getByTestId('bulk-bar').getByText('Đã chọn 2 mục').waitFor();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Giao đơn vị' }).click();
    const bulk = page.locator('.ant-modal').filter({ hasText: '2 mục đã chọn' });
    await choose(page, bulk.getByTestId('assign-coop'), OFFICE);
    await bulk.locator('.ant-modal-title').click();
    await shot(page, 'criteria-assign-bulk');
    await bulk.getByRole('button', { name: 'Giao' }).click();
    await page.getByText('Đã giao 2 mục.').waitFor();
    await page.getByTestId('multi-select').click();

    await page.getByTestId('my-work').click();
    await page.getByText(`Chỉ hiện các mục ${OFFICE} chủ trì hoặc phối hợp.`).waitFor();
    await expect
      .poll(() => treeCodes(page))
      .toEqual([
        'II',
        '1',
        '1.1',
        '1.2',
        '2',
        '2.1',
        '2.2',
        '3',
        '3.1',
        '3.2',
        'III',
        '1',
        '1.1',
        '1.2',
      ]);
    await shot(page, 'criteria-my-work');
    await page.getByTestId('my-work').click();
  });

  it('creates next year’s assessment from this one and switches to it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Tạo kỳ đánh giá năm mới' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: 'Tạo kỳ đánh giá năm mới' });
    const year = numberInput(dialog, 'new-year-input');
    expect(await year.inputValue()).toBe('2025');
    await shot(page, 'criteria-new-year');
    await dialog.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
    await page.getByText('Đã tạo kỳ đánh giá năm 2025.').waitFor();
    await expect.poll(() => page.getByTestId('assessment-year').textContent()).toBe('Năm 2025');
    await expect
      .poll(() => page.getByTestId('assessment-select').textContent())
      .toBe('Bộ tiêu chí CCHC huyện 2024 — Năm 2025');
    await page.getByTestId('criteria-tree').getByText('CẢI CÁCH THỂ CHẾ').waitFor();
    // The assignment came along.
    await openNode(page, 'CẢI CÁCH THỂ CHẾ', 'II');
    expect(await page.getByTestId('node-lead').textContent()).toBe(OFFICE);
    await shot(page, 'criteria-new-year-done');
  });

  it('replaces the tree of an assessment that has no evidence or scores yet', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Nhập bộ tiêu chí từ Excel/Word' }).click();
    const wizard = page
      .locator('.ant-drawer')
      .filter({ hasText: 'Nhập bộ tiêu chí từ Excel/Word' });
    // Choosing the file in the file dialog this time.
    await wizard.locator('input[type="file"]').setInputFiles({
      name: FILE_NAME,
      mimeType: XLSX,
      buffer: Buffer.from(bytes),
    });
    await wizard.getByTestId('import-stats').waitFor();
    await wizard.getByTestId('import-next').click();
    const replace = wizard.getByText(
      'Thay bộ tiêu chí của kỳ hiện tại (Bộ tiêu chí CCHC huyện 2024 — năm 2025)',
    );
    await replace.click();
    await wizard.getByText('Cây tiêu chí cũ được chuyển vào thùng rác.').waitFor();
    await shot(page, 'criteria-import-replace');
    await wizard.getByTestId('import-apply').click();
    await page.getByText('Đã nhập 44 mục vào “Bộ tiêu chí CCHC huyện 2024” năm 2025.').waitFor();
    // The node added by hand in 2024 (copied into 2025) is gone with the old tree.
    await expect.poll(() => page.getByText('44 mục', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('assessment-year').textContent()).toBe('Năm 2025');
  });

  it('exports the tree to Excel', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất ra Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Bo-tieu-chi-.*-2025\.xlsx$/);
    await page.getByText(`Đã tạo tệp “${download.suggestedFilename()}”.`).waitFor();
  });
});
