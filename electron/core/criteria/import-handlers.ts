import { promises as fsp } from 'node:fs';
import type { HandlersOf } from '../../../shared/api';
import type { criteriaImportApi } from '../../../shared/contract/criteria-import';
import type { FileRef } from '../../../shared/contract/files';
import type { Framework } from '../../../shared/framework';
import { formatDateVi } from '../../../shared/dates';
import { asciiSlug } from '../../../shared/text';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { tx, type Db } from '../db/open';
import { CoreError } from '../errors';
import { getUnit } from '../org';
import {
  exportCriteriaTable,
  inspectCriteriaTable,
  planOffices,
  type ImportOptions,
} from './import';
import { createAssessment, getAssessment, insertTree, treeToFramework } from './repo';

/** Criteria tables are small; anything bigger is not one. */
const MAX_TABLE_BYTES = 30 * 1024 * 1024;

/** Tables other domains add that make an assessment "in use" (its tree must not be swapped). */
const WORK_TABLES: { table: string; sql: string }[] = [
  {
    table: 'document_link',
    sql: 'SELECT count(*) FROM document_link l JOIN node n ON n.id = l.node_id WHERE n.assessment_id = ?',
  },
  {
    table: 'score',
    sql: 'SELECT count(*) FROM score s JOIN node n ON n.id = s.node_id WHERE n.assessment_id = ?',
  },
];

/** Why an assessment that is in use may not have its tree swapped for an imported one. */
export const REPLACE_BLOCKED =
  'Kỳ đánh giá này đã có điểm hoặc tài liệu kiểm chứng; không thể thay bộ tiêu chí. Hãy nhập thành một kỳ đánh giá mới.';

export function hasWork(db: Db, assessmentId: number): boolean {
  return WORK_TABLES.some(({ table, sql }) => {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(table);
    return exists ? (db.prepare(sql).pluck().get(assessmentId) as number) > 0 : false;
  });
}

export function criteriaImportHandlers(c: CoreContext): HandlersOf<typeof criteriaImportApi> {
  /** Lenient: a layout the core does not understand comes back with `problem` (see contract). */
  const preview = async (file: FileRef, options: ImportOptions) => {
    const { path, name } = c.uploads().resolve(file);
    const stat = await fsp.stat(path);
    if (stat.size > MAX_TABLE_BYTES) {
      throw new CoreError(
        'TOO_LARGE',
        `Tệp “${name}” quá lớn (${Math.round(stat.size / 1048576)} MB) để là một bảng tiêu chí.`,
      );
    }
    const result = await inspectCriteriaTable(
      new Uint8Array(await fsp.readFile(path)),
      name,
      options,
    );
    // Office names are matched with the existing offices (no near-duplicates) and listed.
    const existing = c
      .ws()
      .db.prepare('SELECT name FROM office WHERE deleted_at IS NULL ORDER BY position, id')
      .pluck()
      .all() as string[];
    const plan = planOffices(result.nodes, existing);
    return {
      ...result,
      nodes: plan.nodes,
      offices: { matched: plan.matched, created: plan.created },
      fileName: name,
    };
  };

  return {
    'criteria.importPreview': async (input) => preview(input.file, input.options),
    'criteria.importApply': async (input) => {
      const w = c.writable();
      const p = await preview(input.file, input.options);
      if (p.problem) throw new CoreError('INVALID_INPUT', p.problem.message);
      const scored = p.stats.maxPoints > 0;
      const target = input.target;
      const id = tx(w.db, () => {
        if (target.kind === 'new') {
          const frameworkId = `nhap-${asciiSlug(target.name, 40).toLowerCase() || 'bo-tieu-chi'}`;
          const clash = w.db
            .prepare(
              'SELECT 1 FROM assessment WHERE framework_id = ? AND year = ? AND deleted_at IS NULL',
            )
            .get(frameworkId, target.year);
          if (clash) {
            throw new CoreError(
              'CONFLICT',
              `Đã có kỳ đánh giá “${target.name}” năm ${target.year}; hãy đặt tên khác hoặc chọn thay thế bộ tiêu chí của kỳ đó.`,
            );
          }
          const framework: Framework = {
            id: frameworkId,
            name: target.name,
            index: target.indexKind,
            level: getUnit(w.db)?.level ?? 'xa',
            status: 'imported',
            source: `Nhập từ tệp “${p.fileName}” (${p.sheet}) ngày ${formatDateVi(new Date().toISOString())}`,
            scored,
            nodes: p.nodes,
          };
          const newId = createAssessment(w.db, framework, target.year);
          audit(w.db, c.actor(), 'criteria.import', 'assessment', newId, {
            file: p.fileName,
            nodes: p.stats.nodes,
          });
          return newId;
        }
        const a = getAssessment(w.db, target.assessmentId);
        if (hasWork(w.db, a.id)) {
          throw new CoreError('CONFLICT', REPLACE_BLOCKED);
        }
        // The old tree goes to the trash, not away.
        w.db
          .prepare('UPDATE node SET deleted_at = ? WHERE assessment_id = ? AND deleted_at IS NULL')
          .run(new Date().toISOString(), a.id);
        insertTree(w.db, a.id, null, p.nodes);
        w.db
          .prepare('UPDATE assessment SET scored = ?, source = ? WHERE id = ?')
          .run(
            scored ? 1 : 0,
            `Nhập từ tệp “${p.fileName}” (${p.sheet}) ngày ${formatDateVi(new Date().toISOString())}`,
            a.id,
          );
        audit(w.db, c.actor(), 'criteria.import', 'assessment', a.id, {
          file: p.fileName,
          nodes: p.stats.nodes,
          replace: true,
        });
        return a.id;
      });
      c.uploads().discard(input.file);
      c.changed('workspace');
      return {
        assessment: getAssessment(w.db, id),
        nodes: p.stats.nodes,
        warnings: p.warnings.length,
      };
    },
    'criteria.exportTable': async (input) => {
      const db = c.ws().db;
      const a = getAssessment(db, input.assessmentId);
      const unit = getUnit(db);
      const title = `${a.frameworkName.toUpperCase()} NĂM ${a.year}${unit ? ` — ${unit.name}` : ''}`;
      const bytes = await exportCriteriaTable(title, treeToFramework(db, a.id));
      return {
        fileName: `Bo-tieu-chi-${asciiSlug(a.frameworkName, 50)}-${a.year}.xlsx`,
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
