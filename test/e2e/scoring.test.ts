import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { openApp, openScreen, revealInTree, screenshot, type RunningApp } from '../helpers/app';

describe.skipIf(!hasChromium)('scoring in the node page', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('scores by option and by typing a comma; the tree roll-up moves at once', async () => {
    const { page } = app;
    await openScreen(page, 'Bộ tiêu chí');
    await (await revealInTree(page, 'Mức độ hoàn thành kế hoạch CCHC năm')).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('1.1.2');
    await page.getByTestId('score-option').click();
    await page.getByTitle('Từ 80% đến dưới 100%: 0,5 điểm').click();
    await expect.poll(() => page.getByTestId('pts-1.1.2').textContent()).toBe('0,5/1');
    await expect.poll(() => page.getByTestId('pts-1.1').textContent()).toBe('0,5/2');

    await (await revealInTree(page, 'Ban hành kế hoạch tuyên truyền CCHC')).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('1.3.1');
    await page.getByTestId('score-input').fill('0,5');
    await expect.poll(() => page.getByTestId('pts-1.3.1').textContent()).toBe('0,5/0,5');
    await expect.poll(() => page.getByTestId('pts-1').textContent()).toBe('1/10');

    // Out of range: a Vietnamese error, nothing saved.
    await page.getByTestId('score-input').fill('2');
    await expect
      .poll(() => page.getByTestId('score-error').textContent())
      .toMatch(/vượt quá điểm tối đa \(0,5 điểm\)/);
    await page.getByTestId('score-input').fill('0.5');
    await page.getByTestId('score-explanation').fill('Đã ban hành Kế hoạch số 12/KH-UBND');
    await screenshot(page, 'scoring-node');

    // What the core stored after the debounce.
    const tree = await app.core.dispatch('criteria.tree', {});
    const nodes = (tree as { data: { nodes: { id: number; code: string }[] } }).data.nodes;
    const id = nodes.find((n) => n.code === '1.3.1')!.id;
    await expect
      .poll(
        async () =>
          (
            (await app.core.dispatch('score.get', { nodeId: id })) as {
              data: { selfScore: number; explanation: string | null };
            }
          ).data,
      )
      .toEqual(
        expect.objectContaining({
          selfScore: 50,
          explanation: 'Đã ban hành Kế hoạch số 12/KH-UBND',
        }),
      );
  });

  it('marks "không chấm" only with a reason, and lists the node’s problems with a fix', async () => {
    const { page } = app;
    await (await revealInTree(page, 'Tuyển dụng công chức')).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('5.2');
    await page.getByTestId('score-na').click();
    await expect.poll(() => page.getByTestId('score-error').textContent()).toMatch(/hãy ghi lý do/);
    await page.getByTestId('score-na-reason').fill('Trong năm không tuyển dụng');
    await expect.poll(() => page.getByTestId('pts-5').textContent()).toBe('—/11,5');

    await (await revealInTree(page, 'Sử dụng biên chế được giao')).click();
    await page.getByTestId('score-input').fill('2');
    const problems = page.getByTestId('node-problems');
    await expect.poll(() => problems.textContent()).toMatch(/thiếu TLKC|tài liệu kiểm chứng/i);
    await problems.getByRole('button', { name: 'Đính kèm tài liệu' }).first().click();
    await expect.poll(() => page.getByTestId('node-evidence').isVisible()).toBe(true);
    await screenshot(page, 'scoring-problems');
  });

  it('filters the tree to nodes with errors', async () => {
    const { page } = app;
    await page.getByTestId('tree-status-filter').getByText('Có lỗi').click();
    const search = page.getByPlaceholder('Tìm theo mã hoặc nội dung (không cần dấu)');
    const codes = () =>
      page
        .getByTestId('criteria-tree')
        .locator('[data-code]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    // The list is virtualised: narrow it by code to see whether a node passes the filter.
    await search.fill('4.2.1');
    await expect.poll(codes).toContain('4.2.1');
    await search.fill('1.3.1');
    await expect.poll(codes).not.toContain('1.3.1');
    // Without the filter the same search shows it: the absence above is the filter's doing.
    await page.getByTestId('tree-status-filter').getByText('Tất cả').click();
    await expect.poll(codes).toContain('1.3.1');
    await search.fill('');
  });
});
