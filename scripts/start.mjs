// `npm start`: builds the app, then opens it in Electron; where the Electron binary is not
// installed (it cannot be downloaded on some machines), or no Electron build of the database
// module can be had, serves the same app from the local web host and prints the address.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  electronVersionOf,
  findElectron,
  planStart,
  prepareElectronBinding,
} from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (args) => {
  const r = spawnSync('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step(['vite', 'build', '--logLevel', 'warn']);

const electronDir = path.dirname(require.resolve('electron/package.json'));
const electronPath = findElectron({ electronDir });
let binding = null;
if (electronPath) {
  const electronVersion = electronVersionOf(electronDir);
  binding = prepareElectronBinding({ root, electronVersion });
  if (binding.file && !binding.cached) {
    console.log(`Đã chuẩn bị cơ sở dữ liệu cho Electron ${electronVersion}.`);
  }
}
const plan = planStart({ electronPath, binding });

const forward = (child) => {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (plan.mode === 'electron') {
  step(['node', 'scripts/build-electron.mjs']);
  forward(
    spawn(plan.electronPath, ['.', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, ...plan.env },
    }),
  );
} else {
  console.log(plan.message);
  forward(
    spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', ...process.argv.slice(2)],
      { stdio: 'inherit' },
    ),
  );
}
