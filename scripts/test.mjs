// `npm test`: builds what the UI tests open, runs every vitest suite (unit, integration,
// e2e in Chromium, Electron when its binary exists), then prints one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
};

if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
if (run('node', ['scripts/build-electron.mjs']) !== 0) process.exit(1);

mkdirSync('.tmp', { recursive: true });
const report = path.join('.tmp', 'vitest-report.json');
rmSync(report, { force: true });
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  ...process.argv.slice(2),
]);

try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
} catch {
  console.log('\nKhông đọc được báo cáo kiểm thử.');
}
process.exit(status);
