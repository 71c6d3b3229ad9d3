import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core';
import { defaultWorkspaceDir } from '../core/paths';
import { openCoreWithDemo, startupFailureMessage } from '../core/startup';
import { CoreError } from '../core/errors';
import { startHost, type Host } from './server';

/** `npm start` without Electron: the same app in the browser, from the local web host. */
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = process.argv[2] ?? defaultWorkspaceDir();
const port = Number(process.env.HSKC_PORT ?? 0);

let core: Core | null = null;
let host: Host;
try {
  core = await openCoreWithDemo({ dataDir, allowPaths: false });
  host = await startHost({ core, staticDir: path.resolve(here, '../../dist'), port });
} catch (e) {
  // One line a person can act on (e.g. the workspace is open in another window), not a stack.
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `Không mở được ứng dụng: cổng ${port} đang được dùng; hãy chọn cổng khác (HSKC_PORT).`,
    );
  } else {
    console.error(startupFailureMessage(e));
    if (!(e instanceof CoreError) || process.env.HSKC_DEBUG) console.error(e);
  }
  core?.close();
  process.exit(1);
}
console.log(`Hồ sơ: ${dataDir}`);
console.log(`Mở ứng dụng trong trình duyệt tại: ${host.openUrl}`);

const stop = async () => {
  await host.close();
  core?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
