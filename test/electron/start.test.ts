import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bindingCacheFile,
  findElectron,
  NATIVE_BINDING_ENV,
  planStart,
  prepareElectronBinding,
  type BuildJob,
} from '../../scripts/electron-native.mjs';
import { tempDir } from '../helpers/workspace';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function fresh(prefix: string) {
  const t = tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A project folder with a Node build of better-sqlite3, as `npm install` leaves it. */
function fakeProject() {
  const root = fresh('hskc-start-');
  const sqlite = path.join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
  mkdirSync(path.join(sqlite, 'src'), { recursive: true });
  writeFileSync(path.join(sqlite, 'package.json'), JSON.stringify({ version: '12.11.1' }));
  writeFileSync(path.join(sqlite, 'src', 'better_sqlite3.cpp'), '// sources');
  writeFileSync(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'node build');
  return { root, nodeBuild: path.join(sqlite, 'build', 'Release', 'better_sqlite3.node') };
}

/** A builder that succeeds by writing an "Electron build" into the scratch copy. */
const writes =
  (calls: BuildJob[], content = 'electron build') =>
  (job: BuildJob) => {
    calls.push(job);
    // The scratch copy has the sources but not the Node build.
    expect(existsSync(path.join(job.dir, 'src', 'better_sqlite3.cpp'))).toBe(true);
    expect(existsSync(path.join(job.dir, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
    mkdirSync(path.join(job.dir, 'build', 'Release'), { recursive: true });
    writeFileSync(path.join(job.dir, 'build', 'Release', 'better_sqlite3.node'), content);
    return true;
  };
const fails = (calls: BuildJob[]) => (job: BuildJob) => {
  calls.push(job);
  return false;
};

describe('npm start: finding Electron', () => {
  it('says it is looking before a fetch, with a bounded wait, and reports none', () => {
    const dir = fresh('hskc-electron-pkg-');
    const lines: string[] = [];
    const waits: number[] = [];
    const found = findElectron({
      electronDir: dir,
      log: (l) => lines.push(l),
      fetch: (_d, t) => waits.push(t),
    });
    expect(found).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Đang tìm Electron…/);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(10 * 60_000);
  });

  it('uses an installed binary without fetching or printing', () => {
    const dir = fresh('hskc-electron-pkg-');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    const lines: string[] = [];
    const found = findElectron({
      electronDir: dir,
      log: (l) => lines.push(l),
      fetch: () => {
        throw new Error('must not fetch');
      },
    });
    expect(found).toBe(path.join(dir, 'dist', 'electron'));
    expect(lines).toEqual([]);
  });
});

describe('npm start: the Electron build of better-sqlite3', () => {
  const opts = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

  it('takes the prebuilt binary, keeps it apart from node_modules, and reuses it', () => {
    const { root, nodeBuild } = fakeProject();
    const prebuilds: BuildJob[] = [];
    const compiles: BuildJob[] = [];
    const tmpRoot = fresh('hskc-scratch-');
    const r = prepareElectronBinding({
      root,
      ...opts,
      tmpRoot,
      builders: { prebuild: writes(prebuilds), compile: fails(compiles) },
    });
    const expected = bindingCacheFile({ root, sqliteVersion: '12.11.1', ...opts });
    expect(r).toEqual({ file: expected, cached: false });
    expect(expected).toContain(path.join('node_modules', '.cache'));
    expect(expected).toMatch(/electron-45\.4\.1-better-sqlite3-12\.11\.1-linux-x64/);
    expect(readFileSync(expected, 'utf8')).toBe('electron build');
    expect(prebuilds).toEqual([{ dir: expect.any(String), ...opts }]);
    expect(compiles).toEqual([]);
    // node_modules keeps the Node build (CLI, tests); the scratch copy is gone.
    expect(readFileSync(nodeBuild, 'utf8')).toBe('node build');
    expect(readdirSync(tmpRoot)).toEqual([]);

    const again = prepareElectronBinding({
      root,
      ...opts,
      tmpRoot,
      builders: { prebuild: fails(prebuilds), compile: fails(compiles) },
    });
    expect(again).toEqual({ file: expected, cached: true });
    expect(prebuilds).toHaveLength(1);
  });

  it('compiles against the Electron headers when no prebuilt binary can be had', () => {
    const { root } = fakeProject();
    const prebuilds: BuildJob[] = [];
    const compiles: BuildJob[] = [];
    const r = prepareElectronBinding({
      root,
      ...opts,
      tmpRoot: fresh('hskc-scratch-'),
      builders: {
        prebuild: () => {
          prebuilds.push({} as BuildJob);
          throw new Error('network down');
        },
        compile: writes(compiles, 'compiled'),
      },
    });
    expect(prebuilds).toHaveLength(1);
    expect(compiles).toHaveLength(1);
    expect(r.file && readFileSync(r.file, 'utf8')).toBe('compiled');
  });

  it('reports a Vietnamese reason when neither works, and caches nothing', () => {
    const { root } = fakeProject();
    const calls: BuildJob[] = [];
    const r = prepareElectronBinding({
      root,
      ...opts,
      tmpRoot: fresh('hskc-scratch-'),
      builders: { prebuild: fails(calls), compile: fails(calls) },
    });
    expect(calls).toHaveLength(2);
    expect(r.error).toMatch(/không tải được bản better-sqlite3 cho Electron 45\.4\.1/);
    expect(existsSync(bindingCacheFile({ root, sqliteVersion: '12.11.1', ...opts }))).toBe(false);
  });
});

describe('npm start: what opens', () => {
  it('opens Electron with the binding path, or the web host with one line saying why', () => {
    expect(
      planStart({ electronPath: '/e/electron', binding: { file: '/c/b.node', cached: true } }),
    ).toEqual({
      mode: 'electron',
      electronPath: '/e/electron',
      env: { [NATIVE_BINDING_ENV]: '/c/b.node' },
    });
    const noElectron = planStart({ electronPath: null, binding: null });
    expect(noElectron).toMatchObject({
      mode: 'web',
      message: expect.stringMatching(/^Không có Electron/),
    });
    const noBinding = planStart({ electronPath: '/e/electron', binding: { error: 'lý do' } });
    expect(noBinding).toMatchObject({
      mode: 'web',
      message: expect.stringMatching(/^Chưa chuẩn bị được cơ sở dữ liệu cho Electron \(lý do\)/),
    });
    for (const p of [noElectron, noBinding]) {
      expect(p.mode === 'web' && p.message.split('\n')).toHaveLength(1);
    }
  });
});
