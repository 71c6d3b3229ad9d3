import { EventEmitter } from 'node:events';
import path from 'node:path';
import { z } from 'zod';
import type { CallOptions, CoreEvent, Handlers, Result } from '../../shared/api';
import type { Actor } from './audit';
import { makeContext } from './context';
import { FrameworkCatalog } from './criteria/frameworks';
import { criteriaHandlers } from './criteria/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { criteriaImportHandlers } from './criteria/import-handlers';
import { scoringHandlers } from './scoring/handlers';
import { exportHandlers } from './export/handlers';
import { orgHandlers } from './org-handlers';
import { createDispatcher } from './dispatch';
import { defaultResourcesDir } from './resources';
import { openWorkspace } from './workspace';
import { workspaceHandlers } from './workspace-handlers';
import { Uploads } from './uploads';
import { readSettings } from './settings';
import type { Readable } from 'node:stream';
import type { UploadResult } from '../../shared/contract/files';

z.config(z.locales.vi());

export interface CoreOptions {
  /** The workspace folder; absent for commands that need none (frameworks list). */
  dataDir?: string;
  readOnly?: boolean;
  resourcesDir?: string;
  actor?: Partial<Actor>;
  /** Check every output against the contract too (tests). */
  validateOutput?: boolean;
  log?: (e: unknown) => void;
  /** Whether inputs may name files by path (Electron, CLI); the web host sets false. */
  allowPaths?: boolean;
  /**
   * A better_sqlite3.node built for this runtime (Electron passes the one `npm start` prepared,
   * since node_modules holds the build for plain Node); absent, the default build loads.
   */
  nativeBinding?: string;
}

export interface Core {
  handlers: Handlers;
  dispatch(method: string, input: unknown, opts?: CallOptions): Promise<Result<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
  /** The web host streams uploaded bytes here; the returned id is then used as a FileRef. */
  receiveUpload(name: string, body: Readable): Promise<UploadResult>;
  close(): void;
}

/** The back end of one workspace: every domain's handlers behind one dispatch. */
export function createCore(opts: CoreOptions): Core {
  const resourcesDir = opts.resourcesDir ?? defaultResourcesDir();
  const catalog = new FrameworkCatalog(path.join(resourcesDir, 'frameworks'));
  const workspace = opts.dataDir
    ? openWorkspace(path.resolve(opts.dataDir), {
        readOnly: opts.readOnly ?? false,
        ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
      })
    : null;
  const events = new EventEmitter();
  const emit = (e: CoreEvent) => events.emit('event', e);
  const uploads =
    workspace && !workspace.readOnly ? new Uploads(workspace.dir, opts.allowPaths ?? true) : null;
  const c = makeContext({ resourcesDir, catalog, workspace, actor: opts.actor, emit, uploads });

  // Domains are merged here; the Handlers type makes a forgotten one a compile error.
  const handlers: Handlers = {
    ...workspaceHandlers(c, (jobId) => dispatcher.cancel(jobId)),
    ...orgHandlers(c),
    ...criteriaHandlers(c),
    ...evidenceHandlers(c),
    ...criteriaImportHandlers(c),
    ...scoringHandlers(c),
    ...exportHandlers(c),
  };
  const dispatcher = createDispatcher(handlers, emit, {
    validateOutput: opts.validateOutput ?? false,
    ...(opts.log ? { log: opts.log } : {}),
  });

  return {
    handlers,
    dispatch: dispatcher.dispatch,
    on(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    receiveUpload(name, body) {
      const maxBytes = readSettings(c.ws().db).maxFileMb * 1024 * 1024;
      return c.uploads().receive(name, body, maxBytes);
    },
    close() {
      uploads?.close();
      workspace?.close();
    },
  };
}
