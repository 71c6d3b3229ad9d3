import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser';
import {
  bigFramework,
  openApp,
  resourcesWithDemo,
  revealInTree,
  screenshot,
  type RunningApp,
} from '../helpers/app';

describe.skipIf(!hasChromium)('the app in Chromium (web host)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the demo workspace with unit, year and tree', async () => {
    const { page } = app;
    await expect
      .poll(() => page.getByTestId('unit-name').textContent())
      .toBe('UBND phường Đông Kinh');
    expect(await page.getByTestId('assessment-year').textContent()).toBe('Năm 2026');
    expect(await page.title()).toBe('Hồ sơ kiểm chứng');
    const tree = page.getByTestId('criteria-tree');
    await tree
      .getByText('Công tác chỉ đạo, điều hành cải cách hành chính', { exact: true })
      .waitFor();
    expect(await page.getByTestId('tree-summary').textContent()).toMatch(
      /Lĩnh vực9Tiêu chí thành phần57Tổng điểm tối đa100/,
    );
    await screenshot(page, 'app-demo-overview');
  });

  it('shows a node’s code, title, points and lead office when clicked', async () => {
    const { page } = app;
    await (await revealInTree(page, 'Thực hiện cơ chế một cửa, một cửa liên thông')).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('3.3');
    expect(await page.getByTestId('node-title').textContent()).toBe(
      '3.3. Thực hiện cơ chế một cửa, một cửa liên thông',
    );
    expect(await page.getByTestId('node-max').textContent()).toBe('5 điểm');
    expect(await page.getByTestId('node-lead').textContent()).toBe(
      'Trung tâm Phục vụ hành chính công',
    );

    await (await revealInTree(page, 'Ban hành kế hoạch kiểm soát TTHC năm')).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('3.1.1');
    expect(await page.getByTestId('node-lead').textContent()).toBe(
      'Văn phòng HĐND và UBND (theo cấp trên)',
    );
    // The required slot "Kế hoạch", shown by the evidence panel once it has loaded.
    await expect.poll(() => page.getByTestId('node-evidence').textContent()).toContain('Kế hoạch');

    await (await revealInTree(page, 'Cải cách tổ chức bộ máy hành chính')).click();
    await expect.poll(() => page.getByTestId('node-max').textContent()).toBe('9,5 điểm');
    await screenshot(page, 'app-node-details');
  });

  it('follows the breadcrumb up to the parent', async () => {
    const { page } = app;
    await (await revealInTree(page, 'Cập nhật thông tin trên Trang thông tin điện tử')).click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('7.1.1');
    await page.locator('.ant-breadcrumb').getByText('7.1 Cổng/Trang thông tin điện tử').click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('7.1');
    expect(await page.getByTestId('node-lead').textContent()).toBe('Phòng Văn hóa - Xã hội');
  });

  it('searches without diacritics, đ folded to d', async () => {
    const { page } = app;
    const search = page.getByPlaceholder('Tìm theo mã hoặc nội dung (không cần dấu)');
    await search.fill('dao tao boi duong');
    const tree = page.getByTestId('criteria-tree');
    await tree.getByText('Ban hành kế hoạch đào tạo, bồi dưỡng năm').waitFor();
    await expect
      .poll(() =>
        tree
          .locator('[data-code]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
      )
      .toEqual(['5', '5.3', '5.3.1', '5.3.2']);
    expect(await page.getByText('4/86 mục').count()).toBe(1);
    await search.fill('khong co muc nay');
    await tree.getByText('Không có tiêu chí nào khớp.').waitFor();
    await search.fill('');
  });
});

describe.skipIf(!hasChromium)('a 2,000-node tree', () => {
  let app: RunningApp;
  let resources: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    // 10 areas × 10 criteria × 18 sub-criteria: 1,910 nodes.
    resources = resourcesWithDemo(bigFramework(18));
    app = await openApp({ resourcesDir: resources.dir });
  });
  afterAll(async () => {
    await app?.close();
    resources?.cleanup();
  });

  it('renders only what is on screen and still reaches the last node', async () => {
    const { page } = app;
    const tree = page.getByTestId('criteria-tree');
    await tree.getByText('Lĩnh vực 1', { exact: true }).waitFor();
    expect(await page.getByText('1910 mục').count()).toBe(1);
    // Virtualised: a few dozen rows in the DOM, not 1,910.
    expect(await tree.locator('.ant-tree-treenode').count()).toBeLessThan(80);
    await page.getByPlaceholder('Tìm theo mã hoặc nội dung (không cần dấu)').fill('10.10.18');
    await tree.getByText('Tiêu chí thành phần số 10.10.18').click();
    await expect.poll(() => page.getByTestId('node-code').textContent()).toBe('10.10.18');
    await screenshot(page, 'app-big-tree');
  });
});
