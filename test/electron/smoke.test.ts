import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import {
  electronVersionOf,
  NATIVE_BINDING_ENV,
  prepareElectronBinding,
} from '../../scripts/electron-native.mjs';
import { tempDir } from '../helpers/workspace';

const require = createRequire(import.meta.url);

/**
 * The Electron binary cannot be downloaded on the build machines; where it was installed, this
 * runs. Looked up without require('electron'), which would try to download it.
 */
function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const file = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : null;
}
const binary = electronBinary();
if (!binary)
  console.log(
    'Bỏ qua kiểm thử Electron: không có bản chạy Electron trên máy này (npm không tải được).',
  );

describe.skipIf(!binary)('Electron window', () => {
  it(
    'opens the demo on app:// with the security settings',
    async () => {
      // As `npm start` does: node_modules holds the Node build, Electron gets its own.
      const binding = prepareElectronBinding({
        root: process.cwd(),
        electronVersion: electronVersionOf(path.dirname(require.resolve('electron/package.json'))),
      });
      if (!binding.file) throw new Error(`No Electron build of better-sqlite3: ${binding.error}`);
      const tmp = tempDir('hskc-electron-');
      const app = await electron.launch({
        executablePath: binary!,
        args: ['.'],
        env: { ...process.env, HSKC_WORKSPACE: tmp.dir, [NATIVE_BINDING_ENV]: binding.file },
      });
      try {
        const page = await app.firstWindow();
        await page.getByTestId('unit-name').waitFor();
        expect(await page.getByTestId('unit-name').textContent()).toBe('UBND phường Đông Kinh');
        expect(page.url()).toBe('app://hskc/index.html');
        // The page sees only the bridge: no require, no process, no ipcRenderer.
        expect(
          await page.evaluate(() => typeof (globalThis as { require?: unknown }).require),
        ).toBe('undefined');
        expect(
          await page.evaluate(() => typeof (globalThis as { process?: unknown }).process),
        ).toBe('undefined');
        expect(
          await page.evaluate(() =>
            Object.keys((globalThis as unknown as { hskc: object }).hskc).sort(),
          ),
        ).toEqual(['call', 'on', 'pathForFile']);
        const prefs = await app.evaluate(({ BrowserWindow }) => {
          const wc = BrowserWindow.getAllWindows()[0]!.webContents;
          const p = (
            wc as unknown as { getLastWebPreferences(): Record<string, unknown> }
          ).getLastWebPreferences();
          return {
            contextIsolation: p.contextIsolation,
            sandbox: p.sandbox,
            nodeIntegration: p.nodeIntegration,
          };
        });
        expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
        // Permission requests are refused (the app needs none).
        expect(
          await page.evaluate(() =>
            (
              globalThis as unknown as { Notification: { requestPermission(): Promise<string> } }
            ).Notification.requestPermission(),
          ),
        ).toBe('denied');
        // window.open and navigation away are denied.
        await page.evaluate(() =>
          (globalThis as unknown as { open(u: string): void }).open('https://example.com'),
        );
        expect(app.windows()).toHaveLength(1);
        await page.evaluate(
          () =>
            ((globalThis as unknown as { location: { href: string } }).location.href =
              'https://example.com'),
        );
        await page.waitForTimeout(300);
        expect(page.url()).toBe('app://hskc/index.html');
      } finally {
        await app.close();
        tmp.cleanup();
      }
    },
    15 * 60_000,
  ); // the first run may download or compile the Electron build
});
