import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core';
import { APP_ORIGIN } from './protocol';

/** One channel in, one channel out; calls are accepted only from our own window's app:// page. */
export function registerIpc(core: Core, getWindow: () => BrowserWindow | null): () => void {
  const fromOurWindow = (event: IpcMainInvokeEvent) => {
    const win = getWindow();
    const frameUrl = event.senderFrame?.url ?? '';
    return (
      win !== null && event.sender === win.webContents && frameUrl.startsWith(`${APP_ORIGIN}/`)
    );
  };
  ipcMain.handle('hskc:call', async (event, method: unknown, input: unknown, opts: unknown) => {
    if (!fromOurWindow(event)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ ứng dụng.' },
      };
    }
    const jobId =
      typeof opts === 'object' &&
      opts !== null &&
      typeof (opts as { jobId?: unknown }).jobId === 'string'
        ? (opts as { jobId: string }).jobId
        : undefined;
    return core.dispatch(String(method), input, jobId ? { jobId } : {});
  });
  const off = core.on((e) => getWindow()?.webContents.send('hskc:event', e));
  return () => {
    off();
    ipcMain.removeHandler('hskc:call');
  };
}
