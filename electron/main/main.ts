import { app, BrowserWindow, Menu, shell } from 'electron';
import path from 'node:path';
import { defaultWorkspaceDir } from '../core/paths';
import { openCoreWithDemo } from '../core/startup';
import type { Core } from '../core';
import { registerIpc } from './ipc';
import { APP_ORIGIN, registerScheme, serveRenderer } from './protocol';

// The bundle lives in dist-electron/; the renderer build in dist/ next to it.
const appRoot = app.isPackaged ? process.resourcesPath : path.resolve(__dirname, '..');
let win: BrowserWindow | null = null;
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerScheme();
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Navigation and new windows are denied everywhere; links to the web open in the browser.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app
    .whenReady()
    .then(async () => {
      const dataDir = process.env.HSKC_WORKSPACE ?? defaultWorkspaceDir();
      core = await openCoreWithDemo({
        dataDir,
        resourcesDir: path.join(appRoot, 'resources'),
      });
      serveRenderer(path.join(appRoot, 'dist'));
      registerIpc(core, () => win);
      Menu.setApplicationMenu(null);
      win = new BrowserWindow({
        width: 1360,
        height: 860,
        title: 'Hồ sơ kiểm chứng',
        show: false,
        webPreferences: {
          preload: path.join(__dirname, 'preload.cjs'),
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      win.once('ready-to-show', () => win?.show());
      win.on('closed', () => (win = null));
      await win.loadURL(`${APP_ORIGIN}/index.html`);
    })
    .catch((e) => {
      console.error(e);
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
