import os from 'node:os';
import path from 'node:path';

/**
 * Where a person's workspace lives when none is named: the per-user application data folder
 * (the same one Electron's appData points to), so the desktop app and the web host share it.
 */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HSKC_WORKSPACE) return path.resolve(env.HSKC_WORKSPACE);
  const home = os.homedir();
  const appData =
    process.platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'ho-so-kiem-chung', 'workspace');
}
