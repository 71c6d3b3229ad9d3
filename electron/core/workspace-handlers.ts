import type { HandlersOf } from '../../shared/api';
import type { workspaceApi } from '../../shared/contract/workspace';
import { APP_VERSION } from '../../shared/version';
import { audit } from './audit';
import type { CoreContext } from './context';
import { createAssessment, listAssessments } from './criteria/repo';
import { SCHEMA_VERSION } from './db/migrations';
import { tx } from './db/open';
import { seedDemo } from './demo';
import { seedDemoEvidence } from './demo/evidence';
import { CoreError, invalid } from './errors';
import { ensureOffice, getUnit, listOffices, setUnit } from './org';
import { verifyWorkspace } from './verify';
import { readSettings, writeSettings } from './settings';
import { isFile } from './export/pdf/libreoffice';

export function workspaceHandlers(
  c: CoreContext,
  cancel: (jobId: string) => boolean,
): HandlersOf<typeof workspaceApi> {
  const info = () => {
    const w = c.ws();
    const assessments = listAssessments(w.db);
    const unit = getUnit(w.db);
    return {
      initialized: unit !== null,
      dataDir: w.dir,
      readOnly: w.readOnly,
      unit,
      offices: listOffices(w.db),
      assessments,
      currentAssessmentId: assessments[0]?.id ?? null,
    };
  };
  const assertEmpty = () => {
    if (getUnit(c.ws().db)) {
      throw new CoreError(
        'WORKSPACE_EXISTS',
        'Thư mục này đã có hồ sơ; hãy chọn một thư mục trống.',
      );
    }
  };

  return {
    'app.info': async () => ({ version: APP_VERSION, schemaVersion: SCHEMA_VERSION }),
    'workspace.info': async () => info(),
    'workspace.init': async (input) => {
      const w = c.writable();
      const framework = c.catalog.get(input.frameworkId);
      tx(w.db, () => {
        assertEmpty();
        setUnit(w.db, {
          name: input.unit.name,
          level: input.unit.level,
          parentBody: input.unit.parentBody ?? null,
          place: input.unit.place ?? null,
        });
        input.offices?.forEach((name, i) => ensureOffice(w.db, name, { coordinator: i === 0 }));
        const id = createAssessment(w.db, framework, input.year);
        audit(w.db, c.actor(), 'workspace.init', 'assessment', id, {
          framework: framework.id,
          year: input.year,
        });
      });
      c.changed('workspace');
      return info();
    },
    'workspace.demo': async () => {
      const w = c.writable();
      tx(w.db, () => {
        assertEmpty();
        const id = seedDemo(w.db, c.catalog);
        audit(w.db, c.actor(), 'workspace.demo', 'assessment', id);
      });
      // Files are written before the rows that point at them, so this runs after the tree.
      await seedDemoEvidence(w, c.resourcesDir, c.actor());
      c.changed('workspace');
      return info();
    },
    'workspace.verify': async (_input, ctx) => verifyWorkspace(c.ws(), ctx),
    'workspace.audit': async (input) =>
      (
        c.ws().db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(input.limit) as {
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
    'settings.get': async () => readSettings(c.ws().db),
    'settings.set': async (input) => {
      const w = c.writable();
      if (
        input.userOfficeId != null &&
        !listOffices(w.db).some((o) => o.id === input.userOfficeId)
      ) {
        throw new CoreError('NOT_FOUND', 'Không tìm thấy phòng ban đã chọn.');
      }
      if (input.libreOfficePath && !isFile(input.libreOfficePath)) {
        throw invalid(
          `Không có chương trình LibreOffice (soffice) tại “${input.libreOfficePath}”.`,
        );
      }
      tx(w.db, () => {
        writeSettings(w.db, input);
        audit(w.db, c.actor(), 'settings.set', 'setting', null, input);
      });
      c.changed('settings');
      return readSettings(w.db);
    },
    'uploads.put': async (input) => {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) throw new CoreError('BAD_FILE', 'Tệp rỗng.');
      return c.uploads().receiveBytes(input.name, bytes);
    },
    'frameworks.list': async () => c.catalog.summaries(),
    'jobs.cancel': async (input) => ({ cancelled: cancel(input.jobId) }),
  };
}
