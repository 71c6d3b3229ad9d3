import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { openApp, openScreen, screenshot, type RunningApp } from '../helpers/app';
import { tempDir } from '../helpers/workspace';

describe.skipIf(!hasChromium)('exporting the dossier from the UI', () => {
  let app: RunningApp;
  const out = tempDir('hskc-export-ui-');
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
    out.cleanup();
  });

  it('runs the pre-flight, exports PDF, workbook and folder, and offers to open the folder', async () => {
    const { page } = app;
    await openScreen(page, 'Xuất hồ sơ');
    const pre = page.getByTestId('export-preflight');
    await expect.poll(() => pre.textContent()).toMatch(/Tài liệu\s*\d+/);
    expect(await pre.textContent()).toMatch(/Lỗi/);
    await page.getByTestId('part-zip').click();
    await page.getByTestId('export-out').fill(out.dir);
    await screenshot(page, 'export-dialog');
    await page.getByTestId('export-run').click();
    const result = page.getByTestId('export-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toMatch(/Đã xuất: \d+ trang PDF trong 1 tập/);
    await screenshot(page, 'export-done');

    const pdf = path.join(out.dir, 'Ho so TLKC 2026.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(path.join(out.dir, 'TLKC', 'manifest.json'))).toBe(true);
    expect(existsSync(path.join(out.dir, 'TLKC 2026.zip'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out.dir, 'Bang tu danh gia 2026.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Bảng tự đánh giá',
      'Danh mục TLKC',
      'Kiểm tra',
      'Theo đơn vị',
    ]);
    await page.getByTestId('export-open').click();
  });

  it('refuses a destination that cannot be a folder, in Vietnamese', async () => {
    const { page } = app;
    const file = path.join(out.dir, 'Ho so TLKC 2026.pdf');
    await page.getByTestId('export-out').fill(path.join(file, 'con'));
    await page.getByTestId('export-run').click();
    await expect
      .poll(() => page.getByTestId('export-error').textContent())
      .toMatch(/Không tạo được thư mục/);
  });

  it('exports only what a chosen office leads, and says so in the workbook', async () => {
    const { page } = app;
    const office = 'Trung tâm Phục vụ hành chính công';
    const pre = page.getByTestId('export-preflight');
    const before = await pre.textContent();
    // Choose the office as a person does: open the select, click the option.
    await page.getByTestId('export-offices').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: office })
      .first()
      .click();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('export-offices').textContent()).toContain(office);
    // The pre-flight follows the choice.
    await expect.poll(() => pre.textContent()).not.toBe(before);
    const dir = path.join(out.dir, 'theo-don-vi');
    await page.getByTestId('export-out').fill(dir);
    await screenshot(page, 'export-office');
    await page.getByTestId('export-run').click();
    await expect
      .poll(() => page.getByTestId('export-result').textContent(), { timeout: 120_000 })
      .toMatch(/Đã xuất: \d+ trang PDF/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'Bang tu danh gia 2026.xlsx'));
    const ws = wb.getWorksheet('Bảng tự đánh giá')!;
    expect(String(ws.getRow(5).getCell(1).value)).toContain(`Phần: do ${office} chủ trì`);
    const labels: string[] = [];
    ws.eachRow((row) => labels.push(String(row.getCell(2).value ?? '')));
    expect(labels).toContain('Cộng các nội dung đã chọn');
    expect(labels).not.toContain('TỔNG CỘNG');
    expect(readFileSync(path.join(dir, 'Ho so TLKC 2026.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
  });
});
