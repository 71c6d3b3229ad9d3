import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method } from '../../shared/api';
import { hasChromium } from '../helpers/browser';
import { openApp, openScreen, revealInTree, screenshot, type RunningApp } from '../helpers/app';
import { callOk } from '../helpers/workspace';

/**
 * What a coordinator does all season, through the UI only: type a score, watch the dashboard
 * move, follow the problem back to its node; plus the node page's effective kind, last year's
 * scores, "không chấm" in the tree and the file check.
 */
describe.skipIf(!hasChromium)('from a typed score to the dashboard and back', () => {
  let app: RunningApp;
  let id: (code: string) => number;

  /** Setup the UI has its own screens for (adding nodes); the steps under test go through the UI. */
  const core = <M extends Method>(method: M, input: Input<M>) => callOk(app.core, method, input);
  const text = (testId: string) => app.page.getByTestId(testId).textContent();
  const openNode = async (title: string, code: string) => {
    await openScreen(app.page, 'Bộ tiêu chí');
    await (await revealInTree(app.page, title)).click();
    await expect.poll(() => text('node-code')).toBe(code);
  };

  beforeAll(async () => {
    app = await openApp();
    const tree = await core('criteria.tree', {});
    id = (code) => tree.nodes.find((n) => n.code === code)!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('types a score on a leaf without evidence, sees the dashboard change, follows the problem', async () => {
    const { page } = app;
    await openScreen(page, 'Tổng quan');
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => text('dash-score')).toBe('0/100 điểm');
    expect(await text('dash-risk')).toBe('0 điểm');

    // 3.3.2 (max 2) has no evidence in the demo.
    await openNode('Thực hiện xin lỗi người dân khi giải quyết hồ sơ trễ hạn', '3.3.2');
    const input = page.getByTestId('score-input');
    await input.click();
    await input.pressSequentially('2', { delay: 60 });
    await expect.poll(() => text('pts-3.3.2')).toBe('2/2');
    await page.getByTestId('score-panel').getByText('Đã lưu').waitFor();
    await expect
      .poll(() => page.getByTestId('node-problems').textContent())
      .toMatch(/chấm 2 điểm nhưng thiếu TLKC/);

    await openScreen(page, 'Tổng quan');
    await page.getByText('Điểm có nguy cơ bị trừ', { exact: true }).waitFor();
    await expect.poll(() => text('dash-score')).toBe('2/100 điểm');
    expect(await text('dash-index')).toBe('2');
    expect(await text('dash-risk')).toBe('2 điểm');

    const groups = page.getByTestId('dash-problem-groups');
    await groups.getByText('Trung tâm Phục vụ hành chính công', { exact: true }).click();
    const problem = groups.locator('.dash-problem[data-code="3.3.2"]').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^3\.3\.2 “.*”: chấm 2 điểm nhưng thiếu TLKC/);
    await page.waitForTimeout(400); // let the panel finish opening
    await problem.scrollIntoViewIfNeeded();
    await screenshot(page, 'score-to-dashboard');
    await problem.click();
    await expect.poll(() => text('node-code')).toBe('3.3.2');
    expect(page.url()).toMatch(/#\/criteria\/\d+$/);
    expect(await page.getByTestId('score-input').inputValue()).toBe('2');
  });

  it('scores a plain row under a penalty group as a deduction, and a survey row as survey', async () => {
    const { page } = app;
    const assessmentId = (await core('workspace.info', {})).currentAssessmentId!;
    const group = await core('criteria.addNode', {
      assessmentId,
      parentId: null,
      node: { code: '10', title: 'Điểm trừ', kind: 'penalty', maxPoints: 200 },
    });
    // Left at the default kind, as imported tables do: it inherits "điểm trừ" from its group.
    const leaf = await core('criteria.addNode', {
      assessmentId,
      parentId: group.id,
      node: { code: '10.1', title: 'Để xảy ra sai phạm trong giải quyết TTHC', maxPoints: 100 },
    });
    expect(leaf.kind).toBe('self');

    await openNode('Để xảy ra sai phạm trong giải quyết TTHC', '10.1');
    // The details say what it scores as, not the kind stored on the row.
    await expect.poll(() => text('node-kind')).toBe('Điểm trừ');
    const input = page.getByTestId('score-input');
    await input.click();
    await input.pressSequentially('-0,5', { delay: 40 });
    await expect.poll(() => text('pts-10.1')).toBe('-0,5/1');
    expect(await page.getByTestId('score-panel').textContent()).toContain(
      'Trừ tối đa 1 điểm; nhập số âm, ví dụ -0,5',
    );
    expect(await page.getByTestId('score-error').count()).toBe(0);
    await expect
      .poll(async () => (await core('score.get', { nodeId: leaf.id })).selfScore)
      .toBe(-50);
    // A positive number is what a deduction cannot be.
    await input.fill('0,5');
    await expect
      .poll(() => text('score-error'))
      .toMatch(/Điểm trừ phải là số âm hoặc 0 \(ví dụ: -0,5\)/);
    await input.fill('-1,5');
    await expect.poll(() => text('score-error')).toMatch(/vượt mức trừ tối đa \(-1 điểm\)/);
    await input.fill('-0,5');
    await expect.poll(() => page.getByTestId('score-error').count()).toBe(0);
    await screenshot(page, 'scoring-penalty-row');

    // 9.1 made a plain row: the survey group still makes it a survey item.
    await core('criteria.updateNode', { nodeId: id('9.1'), patch: { kind: 'self' } });
    await openNode('Tiếp cận dịch vụ hành chính công', '9.1');
    await page.getByText(/Điểm lấy từ kết quả điều tra xã hội học/).waitFor();
    expect(await text('node-kind')).toMatch(/^Điều tra xã hội học/);
  });

  it('shows "không chấm" in the tree instead of 0/0', async () => {
    const { page } = app;
    await openNode('Tuyển dụng công chức', '5.2');
    expect(await text('pts-5.2')).toBe('—/0,5');
    await page.getByTestId('score-na').click();
    await page.getByTestId('score-na-reason').fill('Trong năm không tuyển dụng');
    await expect.poll(() => text('pts-5.2')).toBe('không chấm');
    expect(await page.getByTestId('pts-5.2').locator('.pts-na').count()).toBe(1);
    await expect.poll(() => text('pts-5')).toBe('—/11,5');
    await screenshot(page, 'tree-not-applicable');
  });

  it('names the damaged file after "Kiểm tra tệp" and the check reports it', async () => {
    const { page } = app;
    const [linked] = await core('evidence.nodeDocuments', { nodeId: id('1.3.1') });
    const doc = linked!.document;
    const file = path.join(app.dataDir, 'files', doc.sha256.slice(0, 2), doc.sha256.slice(2));
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(file, bytes);

    await openScreen(page, 'Cài đặt');
    const card = page.getByTestId('files-card');
    await card.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const result = page.getByTestId('files-verify-result');
    await result.waitFor();
    const summary = /^Đã kiểm tra (\d+) tệp: 1 tệp hỏng, 0 tệp thiếu\./;
    expect(await result.textContent()).toMatch(summary);
    const checked = Number(summary.exec((await result.textContent())!)![1]);
    expect(checked).toBeGreaterThan(1);
    expect(await result.textContent()).toContain(`Tệp hỏng: ${doc.subject}`);
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-verify-files');

    await openNode('Ban hành kế hoạch tuyên truyền CCHC', '1.3.1');
    await expect
      .poll(() => page.getByTestId('node-problems').textContent())
      .toMatch(/bị hỏng hoặc đã bị thay đổi so với bản đã lưu/);

    // Put the bytes back: the next check says all is well.
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(file, bytes);
    await openScreen(page, 'Cài đặt');
    await page.getByTestId('files-card').getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect
      .poll(() => page.getByTestId('files-verify-result').textContent())
      .toBe(`Đã kiểm tra ${checked} tệp: tất cả nguyên vẹn.`);
  });

  it('takes last year’s score on the node page and from the previous assessment', async () => {
    const { page } = app;
    await openNode('Thực hiện xin lỗi người dân khi giải quyết hồ sơ trễ hạn', '3.3.2');
    const lastYear = page.getByTestId('last-year-input');
    await lastYear.click();
    await lastYear.pressSequentially('1.5', { delay: 40 });
    await page.getByTestId('score-panel').getByText('Đã lưu').waitFor();
    expect((await core('score.get', { nodeId: id('3.3.2') })).lastYear).toBe(150);
    await lastYear.fill('3');
    await expect.poll(() => text('score-error')).toMatch(/vượt quá điểm tối đa \(2 điểm\)/);
    await lastYear.fill('1,5');
    await expect.poll(() => page.getByTestId('score-error').count()).toBe(0);
    // Shown with a comma when the node is opened again.
    await openNode('Ban hành kế hoạch tuyên truyền CCHC', '1.3.1');
    await openNode('Thực hiện xin lỗi người dân khi giải quyết hồ sơ trễ hạn', '3.3.2');
    expect(await page.getByTestId('last-year-input').inputValue()).toBe('1,5');

    // Only one assessment: nothing to copy from, and the page says so.
    await openScreen(page, 'Phân tích điểm');
    await page.getByTestId('gap-copy-last-year').click();
    await page.getByText(/^Chưa có kỳ đánh giá năm trước/).waitFor();

    // A new year from the demo's, then last year's scores copied into it.
    const year = (await core('workspace.info', {})).assessments[0]!.year;
    await openScreen(page, 'Bộ tiêu chí');
    await page.getByRole('button', { name: /Tạo kỳ đánh giá năm mới/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
    await page.getByText(`Đã tạo kỳ đánh giá năm ${year + 1}.`).waitFor();

    await openScreen(page, 'Phân tích điểm');
    await page.getByTestId('gap-table').waitFor();
    await expect.poll(() => page.getByTestId('gap').textContent()).toContain(`năm ${year + 1}`);
    await page.getByTestId('gap-copy-last-year').click();
    await page.getByText(`Lấy điểm của kỳ đánh giá năm ${year}?`).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'gap-copy-last-year-confirm');
    await page.getByRole('button', { name: 'Lấy điểm', exact: true }).click();
    // Scored last year: 3.3.2 (2), 10.1 (−0,5); 5.2 "không chấm" has no score to take.
    await page
      .getByText(`Đã lấy điểm năm trước của 2 tiêu chí từ kỳ đánh giá năm ${year}.`)
      .waitFor();
    const area3 = page.getByTestId('gap-table').locator('tr', {
      has: page.locator('.gap-area[data-code="3"]'),
    });
    await expect.poll(() => area3.locator('td').nth(6).textContent()).toBe('2');
    await page.locator('.ant-popover').waitFor({ state: 'hidden' });
    await screenshot(page, 'gap-after-copy');

    await openNode('Thực hiện xin lỗi người dân khi giải quyết hồ sơ trễ hạn', '3.3.2');
    expect(await page.getByTestId('last-year-input').inputValue()).toBe('2');
    expect(await page.getByTestId('score-input').inputValue()).toBe('');
    await screenshot(page, 'scoring-last-year');
  });
});
