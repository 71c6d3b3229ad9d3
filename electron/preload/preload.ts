import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { Bridge, CoreEvent } from '../../shared/api';

/**
 * The renderer's only way to the core: call(method, input) and on(event). No raw ipcRenderer,
 * no generic channel pass-through; the main process re-validates every input anyway.
 */
const bridge: Bridge = {
  call: (method, input, opts) => ipcRenderer.invoke('hskc:call', method, input, opts ?? {}),
  on(listener) {
    const wrapped = (_e: IpcRendererEvent, event: CoreEvent) => listener(event);
    ipcRenderer.on('hskc:event', wrapped);
    return () => ipcRenderer.removeListener('hskc:event', wrapped);
  },
  // Since Electron 32 File.path is gone; the real path of a dropped file comes from webUtils.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('hskc', bridge);
