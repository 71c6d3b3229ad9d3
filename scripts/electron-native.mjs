// What `npm start` decides before opening a window, kept apart from start.mjs so it can be
// tested without Electron: where the Electron binary is, and an Electron build of
// better-sqlite3. node_modules/better-sqlite3 stays built for Node (the CLI and the tests run
// on plain Node); Electron has its own ABI, so its build lives in a cache folder of its own and
// reaches the core through HSKC_NATIVE_BINDING (better-sqlite3's `nativeBinding` option).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The variable electron/main reads to open the database with the Electron build. */
export const NATIVE_BINDING_ENV = 'HSKC_NATIVE_BINDING';

/** The longest `npm start` waits for the Electron binary download (about 100 MB). */
export const ELECTRON_FETCH_TIMEOUT_MS = 5 * 60_000;

/** The longest one attempt at an Electron build of better-sqlite3 may take. */
export const NATIVE_BUILD_TIMEOUT_MS = 10 * 60_000;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The installed Electron executable, or null (no path.txt yet, or the file is missing). */
export function installedElectron(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const file = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : null;
}

/**
 * The Electron binary, fetched on first start where the network allows (electron ≥ 42 no
 * longer downloads at install); null where it cannot be had. Says so before a wait.
 */
export function findElectron({
  electronDir,
  log = console.log,
  fetch = (dir, timeout) =>
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout }),
  timeoutMs = ELECTRON_FETCH_TIMEOUT_MS,
}) {
  const found = installedElectron(electronDir);
  if (found) return found;
  log(`Đang tìm Electron… (tải bản chạy lần đầu, tối đa ${Math.round(timeoutMs / 60_000)} phút)`);
  fetch(electronDir, timeoutMs);
  return installedElectron(electronDir);
}

/** Where the Electron build for this Electron, better-sqlite3, platform and arch is kept. */
export function bindingCacheFile({ root, electronVersion, sqliteVersion, platform, arch }) {
  return path.join(
    root,
    'node_modules',
    '.cache',
    'hskc-electron-native',
    `electron-${electronVersion}-better-sqlite3-${sqliteVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

/** The two ways to get an Electron build, each run in a scratch copy of better-sqlite3. */
export function defaultBuilders({ root, env = process.env, timeout = NATIVE_BUILD_TIMEOUT_MS }) {
  // A configured nodedir (Node's own headers) would make node-gyp ignore --target and build
  // for Node again; the Electron build must use Electron's headers.
  const childEnv = Object.fromEntries(
    Object.entries(env).filter(([k]) => !/^npm_config_nodedir$/i.test(k)),
  );
  const run = (args, cwd) =>
    spawnSync(process.execPath, args, { cwd, stdio: 'ignore', timeout, env: childEnv }).status ===
    0;
  return {
    // A prebuilt binary from better-sqlite3's releases: fast, needs no compiler.
    prebuild: ({ dir, electronVersion, arch, platform }) => {
      const bin = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
      if (!existsSync(bin)) return false;
      return run(
        [
          bin,
          '--runtime',
          'electron',
          '--target',
          electronVersion,
          '--arch',
          arch,
          '--platform',
          platform,
        ],
        dir,
      );
    },
    // Compiling against Electron's headers: needs Python and a C++ toolchain.
    compile: ({ dir, electronVersion, arch }) => {
      const gyp = nodeGypScript(env);
      if (!gyp) return false;
      return run(
        [
          gyp,
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          '--runtime=electron',
          '--dist-url=https://electronjs.org/headers',
        ],
        dir,
      );
    },
  };
}

/** node-gyp as npm ships it: npm names it to scripts; otherwise it sits beside node. */
export function nodeGypScript(env = process.env) {
  const candidates = [
    env.npm_config_node_gyp,
    path.join(
      path.dirname(process.execPath),
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  return candidates.find((f) => f && existsSync(f)) ?? null;
}

/**
 * An Electron build of better-sqlite3: the cached one when present, else made in a scratch
 * copy of node_modules/better-sqlite3 (prebuilt download first, compile second) and kept.
 * Returns { file } or { error } (a Vietnamese reason); node_modules is never touched.
 */
export function prepareElectronBinding({
  root,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  builders = defaultBuilders({ root }),
  tmpRoot = os.tmpdir(),
}) {
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(path.join(sqliteDir, 'package.json'))) {
    return { error: 'không thấy node_modules/better-sqlite3 (hãy chạy “npm install”)' };
  }
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const file = bindingCacheFile({ root, electronVersion, sqliteVersion, platform, arch });
  if (existsSync(file)) return { file, cached: true };

  const scratch = mkdtempSync(path.join(tmpRoot, 'hskc-electron-sqlite-'));
  try {
    const dir = path.join(scratch, 'better-sqlite3');
    // The sources and package.json are what the builders need; the Node build is left behind.
    cpSync(sqliteDir, dir, {
      recursive: true,
      filter: (src) =>
        !src.startsWith(path.join(sqliteDir, 'build') + path.sep) &&
        src !== path.join(sqliteDir, 'build'),
    });
    const built = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
    const job = { dir, electronVersion, arch, platform };
    for (const step of [builders.prebuild, builders.compile]) {
      rmSync(path.join(dir, 'build'), { recursive: true, force: true });
      let ok = false;
      try {
        ok = step(job);
      } catch {
        ok = false;
      }
      if (ok && existsSync(built)) {
        mkdirSync(path.dirname(file), { recursive: true });
        // Copied under a temporary name first, so a half-written file is never taken as cached.
        const partial = `${file}.partial-${process.pid}`;
        copyFileSync(built, partial);
        rmSync(file, { force: true });
        copyFileSync(partial, file);
        rmSync(partial, { force: true });
        return { file, cached: false };
      }
    }
    return {
      error: `không tải được bản better-sqlite3 cho Electron ${electronVersion} (${platform}-${arch}) và cũng không biên dịch được`,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * What `npm start` opens: Electron with its database build, or the local web host with the
 * one line saying why.
 */
export function planStart({ electronPath, binding }) {
  if (!electronPath) {
    return {
      mode: 'web',
      message:
        'Không có Electron trên máy này (không tải được bản chạy), nên ứng dụng chạy qua trình duyệt:',
    };
  }
  if (!binding || binding.error) {
    return {
      mode: 'web',
      message: `Chưa chuẩn bị được cơ sở dữ liệu cho Electron (${binding?.error ?? 'không rõ lý do'}), nên ứng dụng chạy qua trình duyệt:`,
    };
  }
  return { mode: 'electron', electronPath, env: { [NATIVE_BINDING_ENV]: binding.file } };
}

/** The installed Electron's version (node_modules/electron/package.json). */
export function electronVersionOf(electronDir) {
  return readJson(path.join(electronDir, 'package.json')).version;
}
