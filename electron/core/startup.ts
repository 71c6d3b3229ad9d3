import { CoreError } from './errors';
import { createCore, type Core, type CoreOptions } from './index';

/** Opens the workspace for a window; a fresh machine starts on the demo workspace. */
export async function openCoreWithDemo(opts: CoreOptions & { dataDir: string }): Promise<Core> {
  const core = createCore(opts);
  try {
    const info = await core.handlers['workspace.info']({}, noContext);
    if (!info.initialized && !info.readOnly) await core.handlers['workspace.demo']({}, noContext);
    return core;
  } catch (e) {
    core.close();
    throw e;
  }
}

/**
 * The one Vietnamese line a person sees when the app cannot start (workspace locked by another
 * window, unreadable database, …). Unexpected errors get a generic line; the technical detail
 * is for the log, never the main text.
 */
export function startupFailureMessage(e: unknown): string {
  if (e instanceof CoreError) return `Không mở được ứng dụng: ${e.message}`;
  return 'Không mở được ứng dụng do một lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.';
}

const noContext = { signal: new AbortController().signal, progress: () => {} };
