import { createCore, type Core, type CoreOptions } from './index';

/** Opens the workspace for a window; a fresh machine starts on the demo workspace. */
export async function openCoreWithDemo(opts: CoreOptions & { dataDir: string }): Promise<Core> {
  const core = createCore(opts);
  const info = await core.handlers['workspace.info']({}, noContext);
  if (!info.initialized && !info.readOnly) await core.handlers['workspace.demo']({}, noContext);
  return core;
}

const noContext = { signal: new AbortController().signal, progress: () => {} };
