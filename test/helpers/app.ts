import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '../../electron/core';
import { openCoreWithDemo } from '../../electron/core/startup';
import { startHost, type Host } from '../../electron/host/server';
import type { Framework, FrameworkNode } from '../../shared/framework';
import { launchChromium } from './browser';
import { tempDir } from './workspace';

export interface RunningApp {
  core: Core;
  host: Host;
  browser: Browser;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** The real app as a person gets it without Electron: web host + built UI + Chromium. */
export async function openApp(
  opts: { resourcesDir?: string; viewport?: { width: number; height: number } } = {},
): Promise<RunningApp> {
  const tmp = tempDir('hskc-e2e-');
  const core = await openCoreWithDemo({
    dataDir: tmp.dir,
    validateOutput: true,
    allowPaths: false,
    ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}),
  });
  const host = await startHost({ core, staticDir: 'dist' });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: opts.viewport ?? { width: 1360, height: 860 },
    locale: 'vi-VN',
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.openUrl);
  return {
    core,
    host,
    browser,
    page,
    dataDir: tmp.dir,
    async close() {
      await browser.close();
      await host.close();
      core.close();
      tmp.cleanup();
      if (errors.length) throw new Error(`Lỗi trong trang: ${errors.join('; ')}`);
    },
  };
}

export const SCREENSHOTS = path.resolve('test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Opens a screen from the header menu as a person would. The menu never folds items under a
 * “…” (disabledOverflow), so the item is always there to click once the header is drawn.
 */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.locator('.app-nav').getByRole('menuitem', { name, exact: true }).click();
}

/** A copy of resources/ whose demo framework is replaced by a generated one (e.g. 2,000 nodes). */
export function resourcesWithDemo(framework: Framework): { dir: string; cleanup: () => void } {
  const tmp = tempDir('hskc-res-');
  cpSync('resources', tmp.dir, { recursive: true });
  writeFileSync(
    path.join(tmp.dir, 'frameworks', 'demo-par-phuong-minh-hoa.json'),
    JSON.stringify(framework),
  );
  return tmp;
}

/**
 * Scrolls the virtual tree with the mouse wheel, as a person would, until a row with this
 * text is rendered; returns its locator.
 */
export async function revealInTree(page: Page, text: string, opts: { exact?: boolean } = {}) {
  const tree = page.getByTestId('criteria-tree');
  const row = tree.getByText(text, { exact: opts.exact ?? false }).first();
  await tree.hover();
  const visible = async () => (await row.count()) > 0 && (await row.isVisible());
  // From the top, as a person would look for it: the list may have been left scrolled down.
  for (let i = 0; i < 20 && !(await visible()); i++) {
    await page.mouse.wheel(0, -3000);
    await page.waitForTimeout(20);
  }
  for (let i = 0; i < 300 && !(await visible()); i++) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(20);
  }
  return row;
}

/**
 * A large tree replacing the demo's: 10 areas × 10 criteria × `subs` sub-criteria of 0,05
 * points each, areas numbered from `firstArea`.
 */
export function bigFramework(subs: number, firstArea = 1): Framework {
  const nodes: FrameworkNode[] = [];
  for (let a = firstArea; a < firstArea + 10; a++) {
    const criteria: FrameworkNode[] = [];
    for (let c = 1; c <= 10; c++) {
      const children: FrameworkNode[] = [];
      for (let k = 1; k <= subs; k++) {
        children.push({
          code: `${a}.${c}.${k}`,
          title: `Tiêu chí thành phần số ${a}.${c}.${k}`,
          maxPoints: 0.05,
        });
      }
      criteria.push({
        code: `${a}.${c}`,
        title: `Tiêu chí ${a}.${c}`,
        maxPoints: subs * 0.05,
        children,
      });
    }
    nodes.push({
      code: String(a),
      title: `Lĩnh vực ${a}`,
      maxPoints: subs * 0.5,
      children: criteria,
    });
  }
  return {
    id: 'demo-par-phuong-minh-hoa',
    name: 'Bộ lớn',
    index: 'PAR',
    level: 'xa',
    status: 'illustrative',
    source: 'kiểm thử',
    scored: true,
    nodes,
  };
}
