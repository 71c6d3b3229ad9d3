// `npm start`: builds the app, then opens it in Electron; where the Electron binary is not
// installed (it cannot be downloaded on some machines), serves the same app from the local
// web host and prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const step = (args) => {
  const r = spawnSync('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step(['vite', 'build', '--logLevel', 'warn']);

/**
 * The Electron binary, fetched on first start where the network allows (electron ≥ 42 no longer
 * downloads at install); null where it cannot be had. The attempt is silent: one line is enough.
 */
function electronBinary() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const binary = () => {
    if (!existsSync(pathFile)) return null;
    const file = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(file) ? file : null;
  };
  if (!binary()) {
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 10 * 60_000 });
  }
  return binary();
}

const electronPath = electronBinary();

const forward = (child) => {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (typeof electronPath === 'string') {
  step(['node', 'scripts/build-electron.mjs']);
  forward(spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' }));
} else {
  console.log(
    'Không có Electron trên máy này (không tải được bản chạy), nên ứng dụng chạy qua trình duyệt:',
  );
  forward(
    spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', ...process.argv.slice(2)],
      { stdio: 'inherit' },
    ),
  );
}
