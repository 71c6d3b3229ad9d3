import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvidenceCorpus, type EvidenceCorpus } from '../fixtures/evidence-corpus';
import { hasChromium } from '../helpers/browser';
import { openApp, openScreen, screenshot, type RunningApp } from '../helpers/app';
import { tempDir } from '../helpers/workspace';

/** Opens an antd Select and clicks the option with this text, as a person would. */
async function choose(page: Page, select: Locator, text: string, typeToFind = false) {
  await select.click();
  if (typeToFind) await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/**
 * Closes the open drawer with Escape and waits until it is gone: antd gives focus back to
 * the button that opened it when the close animation ends, which would close a Select opened
 * in the meantime.
 */
async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
  await page.waitForTimeout(100);
}

/** A screenshot once antd's open/close animations have finished. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await screenshot(page, name);
}

/** DOM constructors as the page has them (the test's own types have no DOM). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  ClipboardEvent: new (
    type: string,
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean },
  ) => unknown;
}

interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}

interface Payload {
  name: string;
  mime: string;
  b64: string;
}

const payload = (file: string, mime = 'application/pdf', name = path.basename(file)): Payload => ({
  name,
  mime,
  b64: readFileSync(file).toString('base64'),
});

/** Drags files from "the desktop" onto a drop zone: dragenter, dragover, drop with real File objects. */
async function dropFiles(page: Page, zone: Locator, files: Payload[]) {
  const dataTransfer = await page.evaluateHandle((list: Payload[]) => {
    const dt = new (globalThis as unknown as PageGlobals).DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.mime }));
    }
    return dt;
  }, files);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** Ctrl+V of a screenshot: a paste event whose clipboard holds a PNG image, on the element. */
async function pasteImage(target: Locator, png: Payload) {
  await target.evaluate((el, f: Payload) => {
    const bin = atob(f.b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const g = globalThis as unknown as PageGlobals;
    const dt = new g.DataTransfer();
    dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    el.dispatchEvent(
      new g.ClipboardEvent('paste', {
        clipboardData: dt,
        bubbles: true,
        cancelable: true,
      }) as Event,
    );
  }, png);
}

/** The list request the library's table currently answers (null while loading). */
const shownQuery = async (page: Page) => {
  const q = await page.getByTestId('library').getAttribute('data-query');
  return q === null ? null : (JSON.parse(q) as { search?: string; types?: string[] });
};

/** Types in the library's search box and waits until the list shows what it found. */
async function search(page: Page, text: string) {
  await page.getByTestId('library-search').locator('input').fill(text);
  await expect.poll(async () => (await shownQuery(page))?.search ?? '').toBe(text.trim());
}

const doc = (corpus: EvidenceCorpus, id: string) => corpus.docs.find((d) => d.id === id)!;

// Reading PDFs runs in worker processes: slower on a loaded machine than the UI steps.
describe.skipIf(!hasChromium)('the evidence library in Chromium', { timeout: 90_000 }, () => {
  let app: RunningApp;
  let corpus: EvidenceCorpus;
  let tmp: { dir: string; cleanup: () => void };

  beforeAll(async () => {
    tmp = tempDir('hskc-e2e-corpus-');
    corpus = await writeEvidenceCorpus(tmp.dir);
    app = await openApp();
    app.page.setDefaultTimeout(15_000);
    await openScreen(app.page, 'Thư viện tài liệu');
    await app.page.getByTestId('library-table').locator('.ant-table-row').first().waitFor();
  });
  afterAll(async () => {
    await app?.close();
    tmp?.cleanup();
  });

  it('lists the demo documents with type, number, date dd/mm/yyyy, issuer, codes and flags', async () => {
    const { page } = app;
    const table = page.getByTestId('library-table');
    const row = table.locator('.ant-table-row').filter({ hasText: '215/KH-UBND' });
    await expect.poll(() => row.textContent()).toContain('15/12/2025');
    expect(await row.textContent()).toContain('Kế hoạch');
    expect(await row.locator('.ev-code-tag').allTextContents()).toEqual(
      expect.arrayContaining(['1.1.1', '7.3.1']),
    );
    const scan = table
      .locator('.ant-table-row')
      .filter({ has: page.locator('[data-flag="scan"]') });
    expect(await scan.count()).toBeGreaterThan(0);
    await shot(page, 'evidence-library');
  });

  it('filters to documents not yet linked this year, and by year of issue', async () => {
    const { page } = app;
    const rows = page.getByTestId('library-table').locator('.ant-table-row');
    const unlinked = page.getByRole('checkbox', { name: 'Chưa gắn tiêu chí năm 2026' });
    await unlinked.check();
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining('56/UBND-VP')]);
    expect(await rows.first().textContent()).toContain('Chưa gắn');
    await unlinked.uncheck();

    await choose(page, page.getByLabel('Năm ban hành'), 'Năm 2025');
    await expect.poll(async () => (await rows.allTextContents()).length).toBe(2);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/\d\d\/12\/2025/);
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
  });

  it('adds files with the file chooser: one in, an exe named .pdf refused with its reason', async () => {
    const { page } = app;
    const qd = doc(corpus, 'qd-vanquan');
    await page.getByTestId('library-drop-input').setInputFiles([qd.path, corpus.special.exeAsPdf]);
    const summary = page.getByTestId('intake-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('Đã thêm 1 tài liệu');
    const text = (await summary.textContent())!;
    expect(text).toContain('1 tệp không nhận');
    expect(text).toContain('ke-hoach-2024.pdf');
    expect(text).toMatch(/Tệp thực thi .* không được nhận làm tài liệu kiểm chứng/);

    // What was read from the PDF, to confirm or correct.
    const form = page.getByTestId('suggested-metadata');
    await form.waitFor();
    expect(await form.getByLabel('Số, ký hiệu').inputValue()).toBe('1234/QĐ-UBND');
    expect(await form.getByLabel('Ngày ban hành').inputValue()).toBe('28/12/2023');
    await shot(page, 'evidence-intake-summary');
    await form.getByLabel('Ghi chú', { exact: true }).fill('Bản gốc lưu tại Văn phòng');
    await form.getByLabel('Ngày ban hành').fill('29/12/2023');
    await form.getByRole('button', { name: 'Xác nhận thông tin' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page
      .getByTestId('library-table')
      .locator('.ant-table-row')
      .filter({ hasText: '1234/QĐ-UBND' });
    await expect.poll(() => row.textContent()).toContain('29/12/2023');
  });

  it('finds a document by a search typed without diacritics', async () => {
    const { page } = app;
    await search(page, 'quyet dinh 1234');
    const rows = page.getByTestId('library-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('1234/QĐ-UBND');
    await shot(page, 'evidence-search');
    await search(page, '');
  });

  it('previews a PDF with pdf.js, pages beside, metadata editable', async () => {
    const { page } = app;
    await search(page, '215/KH-UBND');
    const row = page.getByTestId('library-table').locator('.ant-table-row').first();
    await expect.poll(() => row.textContent()).toContain('215/KH-UBND');
    await row.locator('.lib-subject').click();
    const preview = page.getByTestId('preview');
    await preview.waitFor();
    const canvas = preview.locator('canvas.ev-pdf-canvas');
    await canvas.waitFor();
    // pdf.js drew something: the canvas is not blank.
    await expect
      .poll(() =>
        canvas.evaluate((el) => {
          const c = el as unknown as Canvas;
          const ctx = c.getContext('2d');
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
          return dark;
        }),
      )
      .toBeGreaterThan(500);
    expect(await preview.getByTestId('pdf-pages').textContent()).toMatch(/\/ \d+/);
    expect(await preview.getByTestId('metadata-form').getByLabel('Số, ký hiệu').inputValue()).toBe(
      '215/KH-UBND',
    );
    await shot(page, 'evidence-preview-pdf');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    await search(page, '');
  });

  it('works on one sub-criterion: drop files, paste a screenshot, reorder, pages, unlink', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Thêm vào tiêu chí…' }).click();
    const picker = page.getByTestId('node-drawer-picker');
    await picker.click();
    await page.keyboard.type('1.1.2');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('node-evidence');
    await panel.waitFor();
    await panel.getByTestId('evidence-slots').waitFor();

    const before = await panel.getByTestId('linked-doc').count();
    await dropFiles(page, panel.getByTestId('node-drop'), [
      payload(doc(corpus, 'bc-phuong-nguyentrai').path),
      payload(doc(corpus, 'kh-vixuyen-papi').path),
    ]);
    const summary = panel.getByTestId('intake-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('Đã thêm 2 tài liệu');
    await expect.poll(() => panel.getByTestId('linked-doc').count()).toBe(before + 2);
    await panel.getByRole('button', { name: 'Để sau' }).click();

    // The same file again: already in the library, linked.
    await dropFiles(page, panel.getByTestId('node-drop'), [
      payload(doc(corpus, 'qd-vanquan').path),
    ]);
    await expect.poll(() => summary.textContent()).toContain('1 tệp đã có trong thư viện');
    expect(await summary.textContent()).toContain('đã liên kết');
    await expect.poll(() => panel.getByTestId('linked-doc').count()).toBe(before + 3);

    // A screenshot pasted with Ctrl+V becomes a PNG document of this sub-criterion.
    await pasteImage(panel, payload(corpus.special.png, 'image/png'));
    await expect.poll(() => panel.getByTestId('linked-doc').count()).toBe(before + 4);
    await expect.poll(() => summary.textContent()).toMatch(/Đã thêm 1 tài liệu/);
    await shot(page, 'evidence-node-panel');
    await panel.getByRole('button', { name: 'Để sau' }).click();
    const last = panel.getByTestId('linked-doc').last();
    expect(await last.textContent()).toMatch(/anh-chup-man-hinh-.*\.png/);

    // Reorder: the last one up.
    const idOf = (l: Locator) => l.getAttribute('data-document-id');
    const lastId = await idOf(last);
    await last.getByRole('button', { name: 'Chuyển lên' }).click();
    await expect.poll(() => idOf(panel.getByTestId('linked-doc').nth(before + 2))).toBe(lastId);
    // …and dragged to the top.
    await panel
      .getByTestId('linked-doc')
      .nth(before + 2)
      .locator('.ev-handle')
      .dragTo(panel.getByTestId('linked-doc').first());
    await expect.poll(() => idOf(panel.getByTestId('linked-doc').first())).toBe(lastId);

    // A document already in the library, found by its number.
    await panel.getByRole('button', { name: 'Gắn tài liệu có sẵn' }).click();
    const pick = page.getByTestId('link-existing-select');
    await pick.click();
    await page.keyboard.type('56/UBND');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '56/UBND-VP' })
      .click();
    await page.locator('.ant-modal').getByRole('button', { name: 'Gắn vào tiêu chí' }).click();
    await expect.poll(() => panel.getByTestId('linked-doc').count()).toBe(before + 5);
    expect(await panel.getByTestId('linked-doc').last().textContent()).toContain('56/UBND-VP');
    await panel
      .getByTestId('linked-doc')
      .last()
      .getByRole('button', { name: 'Gỡ liên kết' })
      .click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gỡ liên kết' }).click();
    await expect.poll(() => panel.getByTestId('linked-doc').count()).toBe(before + 4);

    // Pages and note for this sub-criterion.
    const first = panel.getByTestId('linked-doc').filter({ hasText: '102/BC-UBND' });
    await first.getByRole('button', { name: 'Sửa' }).click();
    const editor = first.getByTestId('linked-editor');
    const pages = editor.getByLabel('Trang chứng minh');
    await pages.fill('3-5');
    await editor.getByText('Tài liệu chỉ có 2 trang; “3-5” vượt quá số trang.').waitFor();
    await pages.fill('1 đến 2');
    await editor.getByLabel('Ghi chú cho tiêu chí này').fill('Mục II');
    await shot(page, 'evidence-node-editor');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => first.textContent()).toContain('tr. 1–2');
    expect(await first.textContent()).toContain('Ghi chú: Mục II');

    // Unlink: gone from the node, still in the library.
    const firstId = await idOf(first);
    await first.getByRole('button', { name: 'Gỡ liên kết' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gỡ liên kết' }).click();
    await expect.poll(() => panel.getByTestId('linked-doc').count()).toBe(before + 3);
    expect(await panel.locator(`[data-document-id="${firstId}"]`).count()).toBe(0);
    await shot(page, 'evidence-node-panel-after');
    await closeDrawer(page);
  });

  it('deletes a document to the trash and restores it', async () => {
    const { page } = app;
    await search(page, 'papi vi xuyen');
    const rows = page.getByTestId('library-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button', { name: 'Xóa tài liệu' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa tài liệu' }).click();
    await expect.poll(() => rows.count()).toBe(0);

    await page.getByRole('button', { name: 'Thùng rác' }).click();
    const trash = page.getByTestId('evidence-trash');
    const item = trash.locator('.ant-list-item').filter({ hasText: '154/KH-UBND' });
    await item.waitFor();
    await shot(page, 'evidence-trash');
    await item.getByRole('button', { name: 'Khôi phục' }).click();
    await item.waitFor({ state: 'detached' });
    await closeDrawer(page);
    await expect.poll(() => rows.count()).toBe(1);

    // Deleted again, then deleted for good (file and all) after a clear warning.
    await rows.first().getByRole('button', { name: 'Xóa tài liệu' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa tài liệu' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByRole('button', { name: 'Thùng rác' }).click();
    await item.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
    const confirm = page.locator('.ant-popconfirm');
    expect(await confirm.textContent()).toContain('không thể khôi phục lại');
    await confirm.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
    await page.getByTestId('evidence-trash').waitFor({ state: 'detached' });
    await page.getByText('Thùng rác trống.').waitFor();
    await closeDrawer(page);
    await search(page, '');
  });

  it('filters by type, edits many documents at once and links them to a sub-criterion', async () => {
    const { page } = app;
    const count = page.getByTestId('library-count');
    await expect.poll(() => shownQuery(page)).toEqual({});
    const all = await count.textContent();
    await choose(page, page.getByLabel('Loại văn bản'), 'Báo cáo', true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await shownQuery(page))?.types).toEqual(['BC']);
    // The table is virtual: only the rows on screen are in the page; the count says how many.
    const rows = page.getByTestId('library-table').locator('.ant-table-row');
    const n = Number(/\d+/.exec((await count.textContent())!)![0]);
    expect(n).toBeGreaterThan(1);
    for (const text of await rows.allTextContents()) expect(text).toContain('Báo cáo');

    await page.getByTestId('library-table').locator('.ant-table-thead .ant-checkbox-input').check();
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.textContent()).toContain(`Đã chọn ${n} tài liệu`);
    await bar.getByRole('button', { name: 'Sửa thông tin' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: `Sửa thông tin ${n} tài liệu` });
    await choose(page, dialog.getByLabel('Phòng ban cung cấp'), 'Phòng Văn hóa - Xã hội');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await dialog.waitFor({ state: 'detached' });

    await bar.getByRole('button', { name: 'Gắn vào tiêu chí' }).click();
    const link = page.locator('.ant-modal').filter({ hasText: `Gắn ${n} tài liệu vào tiêu chí` });
    await link.getByTestId('bulk-link-node').click();
    await page.keyboard.type('1.2.1');
    await page.keyboard.press('Enter');
    await shot(page, 'evidence-bulk-link');
    await link.getByRole('button', { name: 'Gắn vào tiêu chí' }).click();
    await link.waitFor({ state: 'detached' });
    const shown = await rows.count();
    for (let i = 0; i < shown; i++) {
      await expect
        .poll(() => rows.nth(i).locator('.ev-code-tag').allTextContents())
        .toContain('1.2.1');
    }
    await bar.getByRole('button', { name: 'Bỏ chọn' }).click();

    // Both filters: the same reports, now of that office.
    await choose(page, page.getByLabel('Phòng ban', { exact: true }), 'Phòng Văn hóa - Xã hội');
    await expect.poll(() => count.textContent()).toBe(`${n} tài liệu`);
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expect.poll(() => shownQuery(page)).toEqual({});
    expect(await count.textContent()).toBe(all);
  });

  it('previews a Word file as its text and a screenshot as an image', async () => {
    const { page } = app;
    await page.getByTestId('library-drop-input').setInputFiles(doc(corpus, 'docx-qd-bacson').path);
    const summary = page.getByTestId('library').getByTestId('intake-summary');
    await expect.poll(() => summary.textContent()).toContain('Đã thêm 1 tài liệu');
    await page
      .getByTestId('suggested-metadata')
      .getByRole('button', { name: 'Xem tài liệu' })
      .click();
    const preview = page.getByTestId('preview');
    await preview.getByTestId('text-preview').waitFor();
    expect(await preview.getByTestId('text-preview').textContent()).toContain('QUYẾT ĐỊNH');
    await shot(page, 'evidence-preview-docx');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    await page.getByTestId('suggested-metadata').getByRole('button', { name: 'Để sau' }).click();

    await search(page, 'png');
    const row = page
      .getByTestId('library-table')
      .locator('.ant-table-row')
      .filter({ hasText: /anh-chup-man-hinh-[\d-]+\.png/ });
    await row.locator('.lib-subject').click();
    const img = page.getByTestId('image-view').locator('img');
    await img.waitFor();
    await expect
      .poll(() => img.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(620);
    await shot(page, 'evidence-preview-image');
    await closeDrawer(page);
    await search(page, '');
  });

  it('takes a whole folder and proposes the sub-criterion from each name', async () => {
    const { page } = app;
    const folder = path.join(tmp.dir, 'Ho so CCHC');
    mkdirSync(path.join(folder, '1.4.1 Kiem tra'), { recursive: true });
    writeFileSync(
      path.join(folder, '1.4.1 Kiem tra', 'qd-kiem-tra.pdf'),
      readFileSync(doc(corpus, 'qd-draft-vixuyen').path),
    );
    writeFileSync(
      path.join(folder, '1.3.1_KH tuyen truyen.pdf'),
      readFileSync(doc(corpus, 'kh-thangbinh').path),
    );
    writeFileSync(path.join(folder, 'khac.pdf'), readFileSync(doc(corpus, 'tb-vphu-bacson').path));
    writeFileSync(path.join(folder, 'Thumbs.db'), 'x');
    await page.getByTestId('folder-input').setInputFiles(folder);
    const stats = page.getByTestId('folder-stats');
    await stats.waitFor();
    expect(await stats.textContent()).toContain(
      '3 tệp sẽ được thêm: 2 tệp gắn vào tiêu chí, 1 tệp chỉ thêm vào thư viện',
    );
    const table = page.getByTestId('folder-table');
    expect(
      await table.locator('.ant-table-row').filter({ hasText: '1.3.1_KH' }).textContent(),
    ).toContain('1.3.1');
    await shot(page, 'evidence-folder-review');
    await page.getByRole('button', { name: 'Thêm 3 tệp' }).click();
    const summary = page.getByTestId('library').getByTestId('intake-summary');
    await expect.poll(() => summary.textContent()).toContain('Đã thêm 3 tài liệu');
    await search(page, 'thang binh 45');
    const row = page.getByTestId('library-table').locator('.ant-table-row').first();
    await expect.poll(() => row.locator('.ev-code-tag').allTextContents()).toContain('1.3.1');
  });
});
