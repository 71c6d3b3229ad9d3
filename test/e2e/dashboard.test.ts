import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method } from '../../shared/api';
import { formatPoints } from '../../shared/points';
import { formatIndex } from '../../shared/scoring';
import {
  bigFramework,
  openApp,
  openScreen,
  resourcesWithDemo,
  screenshot,
  type RunningApp,
} from '../helpers/app';
import { hasChromium } from '../helpers/browser';
import { callOk } from '../helpers/workspace';

/** Points as the check report gives them (9.5) shown the way the UI does ("9,5"). */
const shown = (points: number) => formatPoints(Math.round(points * 100));

/** dd/mm/yyyy of today ± days, from the ISO date the core calls "today". */
function dayFrom(todayIso: string, days: number): string {
  const [y, m, d] = todayIso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

describe.skipIf(!hasChromium)('Tổng quan and Phân tích điểm', () => {
  let app: RunningApp;
  let id: (code: string) => number;

  /** The same core call the CLI makes (the CLI cannot open the workspace while the app holds it). */
  const core = <M extends Method>(method: M, input: Input<M>) => callOk(app.core, method, input);
  const text = (testId: string) => app.page.getByTestId(testId).textContent();

  beforeAll(async () => {
    app = await openApp();
    const tree = await core('criteria.tree', {});
    id = (code) => tree.nodes.find((n) => n.code === code)!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the index, score, readiness, points at risk and problem counts', async () => {
    const { page } = app;
    await openScreen(page, 'Tổng quan');
    await page.getByTestId('dashboard').waitFor();
    const report = await core('check.run', {});
    await expect.poll(() => text('dash-score')).toBe('0/100 điểm');
    expect(await text('dash-index')).toBe('0');
    expect(await text('dash-ready')).toBe(`${report.summary.percent}%`);
    expect(await text('dash-risk')).toBe('0 điểm');
    expect(await text('dash-problems')).toBe(
      `${report.summary.errors} lỗi${report.summary.warnings} cảnh báo`,
    );
    // One bar per area (9) and one per office that leads something.
    expect(await page.getByTestId('dash-areas').locator('.dash-bar').count()).toBe(9);
    expect(await page.getByTestId('dash-offices').locator('.dash-bar').count()).toBe(
      report.byOffice.length,
    );
    // No office chosen yet: the filter is off and says where to choose it.
    expect(await page.getByTestId('filter-mine-hint').textContent()).toContain(
      'Chưa chọn phòng của bạn.',
    );
    await screenshot(page, 'dashboard-demo');
  });

  it('follows scores and deadlines set elsewhere without a reload', async () => {
    const { page } = app;
    await openScreen(page, 'Tổng quan');
    const today = (await core('check.input', {})).today;
    // 3.3.1 at full marks and 3.3.2 at 2 points; the demo gives neither any evidence, so both
    // are points at risk.
    await core('score.set', { nodeId: id('3.3.1'), selfScore: 300 });
    await core('score.set', { nodeId: id('3.3.2'), selfScore: 200 });
    await core('criteria.updateNode', {
      nodeId: id('3.3'),
      patch: { deadline: dayFrom(today, -5) },
    });
    await core('criteria.updateNode', {
      nodeId: id('6.1'),
      patch: { deadline: dayFrom(today, 20) },
    });
    const report = await core('check.run', {});
    expect(report.summary.pointsAtRisk).toBeGreaterThan(0);

    await expect.poll(() => text('dash-score')).toBe(`${shown(report.summary.score)}/100 điểm`);
    expect(await text('dash-index')).toBe(formatIndex(report.summary.index));
    expect(await text('dash-risk')).toBe(`${shown(report.summary.pointsAtRisk)} điểm`);

    // Deadlines: earliest first, the past one in red with how late it is.
    const deadlines = page.getByTestId('dash-deadlines');
    await expect
      .poll(() => deadlines.locator('.dash-deadline-node .code').allTextContents())
      .toEqual(['3.3', '6.1']);
    expect(await deadlines.locator('tr.dash-row-overdue').count()).toBe(1);
    expect(await deadlines.locator('tr.dash-row-overdue').textContent()).toContain(
      'Quá hạn 5 ngày',
    );
    expect(await deadlines.textContent()).toContain('Còn 20 ngày');
    await screenshot(page, 'dashboard-after-scoring');
  });

  it('opens the node of a problem from the office’s list', async () => {
    const { page } = app;
    await openScreen(page, 'Tổng quan');
    const groups = page.getByTestId('dash-problem-groups');
    await groups.getByText('Trung tâm Phục vụ hành chính công', { exact: true }).click();
    const problem = groups.locator('.dash-problem[data-code="3.3.2"]').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^3\.3\.2 “.*”: chấm 2 điểm nhưng thiếu TLKC/);
    await page.waitForTimeout(400); // let the panel finish opening
    await screenshot(page, 'dashboard-problems');
    await problem.click();
    await expect.poll(() => text('node-code')).toBe('3.3.2');
    expect(page.url()).toMatch(/#\/criteria\/\d+$/);
  });

  it('filters to my office and to errors', async () => {
    const { page } = app;
    await openScreen(page, 'Tổng quan');
    const office = (await core('workspace.info', {})).offices.find(
      (o) => o.name === 'Trung tâm Phục vụ hành chính công',
    )!;
    await core('settings.set', { userOfficeId: office.id });
    await expect
      .poll(() => page.getByTestId('filter-mine-hint').textContent())
      .toBe('Phòng của tôi: Trung tâm Phục vụ hành chính công');
    await page.getByTestId('filter-mine').click();
    const groups = page.getByTestId('dash-problem-groups');
    await expect
      .poll(() => groups.locator('.dash-group-label').allTextContents())
      .toEqual(['Trung tâm Phục vụ hành chính công']);
    expect(
      await page.getByTestId('dash-offices').locator('.dash-bar .name').allTextContents(),
    ).toEqual(['Trung tâm Phục vụ hành chính công']);
    await page.getByTestId('filter-errors').click();
    const tags = await groups.locator('.dash-sev').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['Lỗi']));
    await screenshot(page, 'dashboard-filtered');
    await page.getByTestId('filter-errors').click();
    await page.getByTestId('filter-mine').click();
  });

  it('shows the areas that lost points against the appraisal and exports Excel', async () => {
    const { page } = app;
    await openScreen(page, 'Phân tích điểm');
    await page.getByTestId('gap-table').waitFor();
    // Nothing appraised yet: said plainly.
    expect(await page.getByTestId('gap-no-appraised').textContent()).toContain(
      'Chưa có điểm thẩm định',
    );
    await screenshot(page, 'gap-no-appraisal');

    await core('score.set', {
      nodeId: id('3.3.1'),
      appraised: 200,
      explanation: 'Đạt 97% hồ sơ đúng hạn',
    });
    await core('score.set', { nodeId: id('3.3.2'), appraised: 200 });
    await core('score.set', {
      nodeId: id('5.2'),
      notApplicable: true,
      naReason: 'Trong năm không tuyển dụng công chức',
    });
    await page.getByTestId('gap-no-appraised').waitFor({ state: 'detached' });
    await expect.poll(() => text('gap-total-appraised')).toBe('4');
    expect(await text('gap-total-self')).toBe('5');
    expect(await text('gap-total-lost')).toBe('1');
    // 100 − 0,5 not scored (5.2) − 5 scored.
    await expect.poll(() => text('gap-total-unscored')).toBe('94,5');

    const table = page.getByTestId('gap-table');
    await table.locator('.gap-area[data-code="3"]').click();
    const detail = page.getByTestId('gap-detail-3');
    await detail.waitFor();
    const loser = detail.locator('tr', { has: page.locator('[data-code="3.3.1"]') });
    expect(await loser.textContent()).toContain('Đạt 97% hồ sơ đúng hạn');
    expect(await loser.locator('.gap-lost').textContent()).toBe('1');
    expect(await loser.textContent()).toContain('Trung tâm Phục vụ hành chính công');

    // Area 5 lost 0,5 of its maximum to an item not scored, with the reason.
    await table.locator('.gap-area[data-code="5"]').click();
    const area5 = page.getByTestId('gap-detail-5');
    await area5.waitFor();
    expect(await area5.textContent()).toContain('Trong năm không tuyển dụng công chức');
    expect(
      await table.locator('tr', { has: page.locator('.gap-area[data-code="5"]') }).textContent(),
    ).toContain('11,5 (tối đa 12)');
    await page.waitForTimeout(400); // let the rows finish expanding
    await screenshot(page, 'gap-losers');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('gap-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Phan-tich-diem-.*-2026\.xlsx$/);
    await page.getByText(/^Đã xuất tệp Phan-tich-diem/).waitFor();

    await loser.click();
    await expect.poll(() => text('node-code')).toBe('3.3.1');
  });
});

describe.skipIf(!hasChromium)('Tổng quan on 2,000 sub-criteria', () => {
  let app: RunningApp;
  let resources: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    // 2,000 sub-criteria, none scored; areas 11–20 so the demo's documents find no node.
    resources = resourcesWithDemo(bigFramework(20, 11));
    app = await openApp({ resourcesDir: resources.dir });
  });
  afterAll(async () => {
    await app?.close();
    resources?.cleanup();
  });

  it('opens quickly and renders one page of problems, not 2,000', async () => {
    const { page } = app;
    await page.getByTestId('unit-name').waitFor();
    await openScreen(page, 'Tổng quan');
    await expect.poll(() => page.getByTestId('dash-score').textContent()).toBe('0/100 điểm');
    expect(await page.getByTestId('dash-ready').textContent()).toBe('0%');
    const groups = page.getByTestId('dash-problem-groups');
    await groups.locator('.dash-problem').first().waitFor();
    expect(await groups.locator('.dash-problem').count()).toBeLessThanOrEqual(8);
    // The last page is one click away.
    await groups.locator('.ant-pagination-item').last().click();
    await groups.locator('.dash-problem[data-code="20.10.20"]').waitFor();
    await screenshot(page, 'dashboard-big');
  });
});
