import type { CoreEvent } from '../../shared/api';
import type { Actor } from './audit';
import type { FrameworkCatalog } from './criteria/frameworks';
import { CoreError } from './errors';
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
}

export function makeContext(opts: {
  resourcesDir: string;
  catalog: FrameworkCatalog;
  workspace: Workspace | null;
  actor: Partial<Actor> | undefined;
  emit: (e: CoreEvent) => void;
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
      const setting = (k: string) =>
        (
          db.prepare('SELECT value FROM setting WHERE key = ?').get(k) as
            { value: string } | undefined
        )?.value ?? null;
      return {
        name: opts.actor?.name ?? setting('user.name'),
        office: opts.actor?.office ?? setting('user.office'),
      };
    },
    emit: opts.emit,
    changed(entity) {
      opts.emit({ type: 'workspace.changed', entity });
    },
  };
}
