import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds resources/ by walking up from this module: the same code runs from source (tsx,
 * vitest) and from the bundle in dist-electron/, at different depths. Packaged Electron
 * passes its own resourcesDir instead.
 */
export function defaultResourcesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (existsSync(path.join(candidate, 'frameworks'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('resources/ not found next to the application');
}
