import { app, BrowserWindow, dialog, Menu, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { defaultWorkspaceDir } from '../core/paths';
import { openCoreWithDemo, startupFailureMessage } from '../core/startup';
import { CoreError } from '../core/errors';
import type { Core } from '../core';
import { registerIpc } from './ipc';
import { APP_ORIGIN, registerScheme, serveRenderer } from './protocol';

// The app folder (app.asar when packaged) holds dist/ (the renderer) and dist-electron/ (this
// bundle); resources/ (frameworks, fonts) is copied beside app.asar by electron-builder's
// extraResources, and sits in the project folder when run from source.
const appDir = app.getAppPath();
const resourcesRoot = app.isPackaged ? process.resourcesPath : appDir;
/**
 * `npm start` passes an Electron build of better-sqlite3 (node_modules holds the Node build, for
 * the CLI and tests). A packaged app has its own, rebuilt by electron-builder, and ignores it.
 */
const nativeBinding = app.isPackaged ? undefined : process.env.HSKC_NATIVE_BINDING || undefined;
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

  // Navigation, redirects away from app:// and new windows are denied everywhere; links to
  // the web are not opened either (the app has none; a crafted one must not reach the shell).
  app.on('web-contents-created', (_e, contents) => {
    const stayInApp = (event: { preventDefault(): void }, url: string) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    };
    contents.on('will-navigate', (event, url) => stayInApp(event, url));
    contents.on('will-redirect', (event, url) => stayInApp(event, url));
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    denyPermissions(contents);
  });

  app
    .whenReady()
    .then(async () => {
      const dataDir = process.env.HSKC_WORKSPACE ?? defaultWorkspaceDir();
      core = await openCoreWithDemo({
        dataDir,
        resourcesDir: path.join(resourcesRoot, 'resources'),
        ...(nativeBinding ? { nativeBinding } : {}),
      });
      serveRenderer(path.join(appDir, 'dist'));
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
    .catch((e: unknown) => {
      // A person sees one Vietnamese sentence (e.g. the workspace is open in another window);
      // the technical detail stays in the console for support.
      console.error(e instanceof CoreError ? e.message : e);
      dialog.showErrorBox('Hồ sơ kiểm chứng', startupFailureMessage(e));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}

/**
 * The app needs no camera, microphone, notifications, geolocation, MIDI, USB…: every permission
 * request and check is refused, with one exception: our own page (app://hskc) may read the
 * clipboard, for the "paste a screenshot" button (Ctrl+V works without it).
 */
function denyPermissions(contents: WebContents): void {
  const session = contents.session;
  if (denied.has(session)) return;
  denied.add(session);
  const allowed = (permission: string, url: string | undefined) =>
    CLIPBOARD.has(permission) && (url ?? '').startsWith(`${APP_ORIGIN}/`);
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    allowed(permission, `${requestingOrigin}/`),
  );
}
const denied = new WeakSet<Session>();
const CLIPBOARD = new Set(['clipboard-read', 'clipboard-sanitized-write']);
