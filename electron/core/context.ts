import type { CoreEvent } from '../../shared/api';
import type { Actor } from './audit';
import type { FrameworkCatalog } from './criteria/frameworks';
import { CoreError } from './errors';
import { readSettings } from './settings';
import type { Uploads } from './uploads';
import type { Workspace } from './workspace';

/** What every domain's handlers get from createCore: the workspace, who acts, and events. */
export interface CoreContext {
  resourcesDir: string;
  catalog: FrameworkCatalog;
  /** The open workspace, or a Vietnamese error when the core was created without one. */
  ws(): Workspace;
  /** The workspace, refusing when it was opened read-only. */
  writable(): Workspace;
  actor(): Actor;
  emit(event: CoreEvent): void;
  /** Announces that an entity changed, so every open view refreshes. */
  changed(entity: string): void;
  /** Files handed in by path or upload id. */
  uploads(): Uploads;
}

export function makeContext(opts: {
  resourcesDir: string;
  catalog: FrameworkCatalog;
  workspace: Workspace | null;
  actor: Partial<Actor> | undefined;
  emit: (e: CoreEvent) => void;
  uploads: Uploads | null;
}): CoreContext {
  const ws = (): Workspace => {
    if (!opts.workspace) throw new CoreError('WORKSPACE_MISSING', 'Chưa chọn thư mục hồ sơ.');
    return opts.workspace;
  };
  return {
    resourcesDir: opts.resourcesDir,
    catalog: opts.catalog,
    ws,
    writable() {
      const w = ws();
      if (w.readOnly) throw new CoreError('READ_ONLY', 'Hồ sơ đang được mở ở chế độ chỉ đọc.');
      return w;
    },
    actor() {
      const db = ws().db;
      const s = readSettings(db);
      const office =
        s.userOfficeId === null
          ? null
          : ((
              db.prepare('SELECT name FROM office WHERE id = ?').get(s.userOfficeId) as
                { name: string } | undefined
            )?.name ?? null);
      return { name: opts.actor?.name ?? s.userName, office: opts.actor?.office ?? office };
    },
    emit: opts.emit,
    changed(entity) {
      opts.emit({ type: 'workspace.changed', entity });
    },
    uploads() {
      ws();
      if (!opts.uploads) throw new CoreError('READ_ONLY', 'Hồ sơ đang được mở ở chế độ chỉ đọc.');
      return opts.uploads;
    },
  };
}
