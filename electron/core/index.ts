import { EventEmitter } from 'node:events';
import path from 'node:path';
import { z } from 'zod';
import type { CallOptions, CoreEvent, Handlers, Result } from '../../shared/api';
import { APP_VERSION } from '../../shared/version';
import { SCHEMA_VERSION } from './db/migrations';
import { tx } from './db/open';
import { FrameworkCatalog } from './criteria/frameworks';
import {
  createAssessment,
  getAssessment,
  listAssessments,
  loadTree,
  nodeDetail,
} from './criteria/repo';
import { seedDemo } from './demo';
import { createDispatcher } from './dispatch';
import { CoreError } from './errors';
import { getUnit, listOffices, ensureOffice, setUnit } from './org';
import { defaultResourcesDir } from './resources';
import { openWorkspace, type Workspace } from './workspace';
import { audit, type Actor } from './audit';
import { verifyWorkspace } from './verify';

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
}

export interface Core {
  handlers: Handlers;
  dispatch(method: string, input: unknown, opts?: CallOptions): Promise<Result<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const resourcesDir = opts.resourcesDir ?? defaultResourcesDir();
  const catalog = new FrameworkCatalog(path.join(resourcesDir, 'frameworks'));
  const ws: Workspace | null = opts.dataDir
    ? openWorkspace(path.resolve(opts.dataDir), { readOnly: opts.readOnly ?? false })
    : null;
  const events = new EventEmitter();
  const emit = (e: CoreEvent) => events.emit('event', e);

  const need = (): Workspace => {
    if (!ws) throw new CoreError('WORKSPACE_MISSING', 'Chưa chọn thư mục hồ sơ.');
    return ws;
  };
  const writable = (): Workspace => {
    const w = need();
    if (w.readOnly) throw new CoreError('READ_ONLY', 'Hồ sơ đang được mở ở chế độ chỉ đọc.');
    return w;
  };
  const actor = (): Actor => {
    const w = need();
    const setting = (k: string) =>
      (
        w.db.prepare('SELECT value FROM setting WHERE key = ?').get(k) as
          { value: string } | undefined
      )?.value ?? null;
    return {
      name: opts.actor?.name ?? setting('user.name'),
      office: opts.actor?.office ?? setting('user.office'),
    };
  };
  const assertEmpty = (w: Workspace) => {
    if (getUnit(w.db)) {
      throw new CoreError(
        'WORKSPACE_EXISTS',
        'Thư mục này đã có hồ sơ; hãy chọn một thư mục trống.',
      );
    }
  };

  const info = () => {
    const w = need();
    const assessments = listAssessments(w.db);
    return {
      initialized: getUnit(w.db) !== null,
      dataDir: w.dir,
      readOnly: w.readOnly,
      unit: getUnit(w.db),
      offices: listOffices(w.db),
      assessments,
      currentAssessmentId: assessments[0]?.id ?? null,
    };
  };

  const handlers: Handlers = {
    'app.info': async () => ({ version: APP_VERSION, schemaVersion: SCHEMA_VERSION }),
    'workspace.info': async () => info(),
    'workspace.init': async (input) => {
      const w = writable();
      const framework = catalog.get(input.frameworkId);
      tx(w.db, () => {
        assertEmpty(w);
        setUnit(w.db, {
          name: input.unit.name,
          level: input.unit.level,
          parentBody: input.unit.parentBody ?? null,
          place: input.unit.place ?? null,
        });
        input.offices?.forEach((name, i) => ensureOffice(w.db, name, { coordinator: i === 0 }));
        const id = createAssessment(w.db, framework, input.year);
        audit(w.db, actor(), 'workspace.init', 'assessment', id, {
          framework: framework.id,
          year: input.year,
        });
      });
      emit({ type: 'workspace.changed', entity: 'workspace' });
      return info();
    },
    'workspace.demo': async () => {
      const w = writable();
      tx(w.db, () => {
        assertEmpty(w);
        const id = seedDemo(w.db, catalog);
        audit(w.db, actor(), 'workspace.demo', 'assessment', id);
      });
      emit({ type: 'workspace.changed', entity: 'workspace' });
      return info();
    },
    'workspace.verify': async (_input, ctx) => verifyWorkspace(need(), ctx),
    'workspace.audit': async (input) =>
      (
        need().db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(input.limit) as {
          id: number;
          at: string;
          actor: string | null;
          office: string | null;
          action: string;
          entity: string;
          entity_id: number | null;
          detail: string | null;
        }[]
      ).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        office: r.office,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        detail: r.detail,
      })),
    'frameworks.list': async () => catalog.summaries(),
    'criteria.tree': async (input) => {
      const w = need();
      const assessment = getAssessment(w.db, input.assessmentId);
      return { assessment, nodes: loadTree(w.db, assessment.id) };
    },
    'criteria.node': async (input) => nodeDetail(need().db, input.nodeId),
    'jobs.cancel': async (input) => ({ cancelled: dispatcher.cancel(input.jobId) }),
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
    close() {
      ws?.close();
    },
  };
}
