// `npm start`: builds the app, then opens it in Electron; where the Electron binary is not
// installed (it cannot be downloaded on some machines), serves the same app from the local
// web host and prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const step = (args) => {
  const r = spawnSync('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step(['vite', 'build', '--logLevel', 'warn']);

let electronPath = null;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}

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
