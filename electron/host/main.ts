import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkspaceDir } from '../core/paths';
import { openCoreWithDemo } from '../core/startup';
import { startHost } from './server';

/** `npm start` without Electron: the same app in the browser, from the local web host. */
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = process.argv[2] ?? defaultWorkspaceDir();
const port = Number(process.env.HSKC_PORT ?? 0);

const core = await openCoreWithDemo({ dataDir, allowPaths: false });
const host = await startHost({ core, staticDir: path.resolve(here, '../../dist'), port });
console.log(`Hồ sơ: ${dataDir}`);
console.log(`Mở ứng dụng trong trình duyệt tại: ${host.openUrl}`);

const stop = async () => {
  await host.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
