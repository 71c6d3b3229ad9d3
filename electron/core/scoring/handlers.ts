import type { HandlersOf } from '../../../shared/api';
import { buildCheckTree } from '../../../shared/check-tree';
import { checkCompleteness } from '../../../shared/completeness';
import type { scoringApi } from '../../../shared/contract/scoring';
import { scoreIssue } from '../../../shared/scoring';
import { asciiSlug } from '../../../shared/text';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { getNodeRef } from '../criteria/edit';
import { getAssessment } from '../criteria/repo';
import { tx } from '../db/open';
import { CoreError } from '../errors';
import { listOffices } from '../org';
import { gapWorkbook } from './gap-xlsx';
import { buildCheckInput, loadCheckNodes, toNodeScore } from './input';
import { gapAnalysis, toCheckReport } from './report';

const EMPTY = {
  self_score: null,
  not_applicable: 0,
  na_reason: null,
  explanation: null,
  appraised: null,
  last_year: null,
};

export function scoringHandlers(c: CoreContext): HandlersOf<typeof scoringApi> {
  const getScore = (nodeId: number) => {
    const row = c.ws().db.prepare('SELECT * FROM score WHERE node_id = ?').get(nodeId) as
      Parameters<typeof toNodeScore>[0] | undefined;
    return toNodeScore(row ?? { node_id: nodeId, ...EMPTY });
  };
  const input = (assessmentId?: number) => {
    const w = c.ws();
    const a = getAssessment(w.db, assessmentId);
    return buildCheckInput(w.db, w.store, a.id, a.year);
  };

  return {
    'score.get': async ({ nodeId }) => {
      getNodeRef(c.ws().db, nodeId);
      return getScore(nodeId);
    },
    'score.set': async (patch) => {
      const w = c.writable();
      const ref = getNodeRef(w.db, patch.nodeId);
      const nodes = loadCheckNodes(w.db, ref.assessment_id);
      const tree = buildCheckTree(nodes);
      const node = tree.byId.get(patch.nodeId)!;
      const label = `${node.code} ${node.title.length > 60 ? `${node.title.slice(0, 57)}…` : node.title}`;
      const isLeaf = !tree.children.has(node.id);
      const current = getScore(patch.nodeId);
      const next = {
        selfScore: patch.selfScore !== undefined ? patch.selfScore : current.selfScore,
        notApplicable: patch.notApplicable ?? current.notApplicable,
        naReason: patch.naReason !== undefined ? patch.naReason || null : current.naReason,
        explanation:
          patch.explanation !== undefined ? patch.explanation || null : current.explanation,
        appraised: patch.appraised !== undefined ? patch.appraised : current.appraised,
        lastYear: patch.lastYear !== undefined ? patch.lastYear : current.lastYear,
      };
      if (!isLeaf && (patch.selfScore != null || patch.appraised != null)) {
        throw new CoreError(
          'INVALID_INPUT',
          `Tiêu chí ${label} có mục con: điểm được cộng từ các mục con, hãy chấm ở từng mục con.`,
        );
      }
      if (next.notApplicable && !node.mayBeNotApplicable) {
        throw new CoreError(
          'INVALID_INPUT',
          `Tiêu chí ${label} không được “không chấm” theo bộ tiêu chí. Nếu đúng là không phát sinh, hãy bật “Có thể không chấm” cho tiêu chí này trước.`,
        );
      }
      if (next.notApplicable && !next.naReason) {
        throw new CoreError('INVALID_INPUT', `Hãy ghi lý do không chấm tiêu chí ${label}.`);
      }
      const kind = tree.kind.get(node.id) ?? node.kind;
      for (const [what, value] of [
        ['Điểm tự đánh giá', patch.selfScore],
        ['Điểm thẩm định', patch.appraised],
      ] as const) {
        const issue = value == null ? null : scoreIssue(node, value, kind);
        if (issue)
          throw new CoreError(
            'INVALID_INPUT',
            `${what} của tiêu chí ${node.code}: ${issue.message}`,
          );
      }
      tx(w.db, () => {
        w.db
          .prepare(
            `INSERT INTO score (node_id, self_score, not_applicable, na_reason, explanation, appraised, last_year, updated_at, updated_by)
             VALUES (@nodeId, @selfScore, @na, @naReason, @explanation, @appraised, @lastYear, @at, @by)
             ON CONFLICT(node_id) DO UPDATE SET self_score = excluded.self_score, not_applicable = excluded.not_applicable,
               na_reason = excluded.na_reason, explanation = excluded.explanation, appraised = excluded.appraised,
               last_year = excluded.last_year, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          )
          .run({
            ...next,
            nodeId: patch.nodeId,
            na: next.notApplicable ? 1 : 0,
            at: new Date().toISOString(),
            by: c.actor().name,
          });
        audit(w.db, c.actor(), 'score.set', 'node', patch.nodeId, { code: node.code, ...patch });
      });
      c.changed('scores');
      return getScore(patch.nodeId);
    },
    'score.copyLastYear': async ({ assessmentId, fromAssessmentId }) => {
      const w = c.writable();
      getAssessment(w.db, assessmentId);
      getAssessment(w.db, fromAssessmentId);
      const matched = tx(w.db, () => {
        const rows = w.db
          .prepare(
            `SELECT n.id AS node_id, coalesce(s.appraised, s.self_score) AS value FROM node n
             JOIN node p ON p.code = n.code AND p.assessment_id = ? AND p.deleted_at IS NULL
             JOIN score s ON s.node_id = p.id
             WHERE n.assessment_id = ? AND n.deleted_at IS NULL AND coalesce(s.appraised, s.self_score) IS NOT NULL`,
          )
          .all(fromAssessmentId, assessmentId) as { node_id: number; value: number }[];
        const up = w.db.prepare(
          `INSERT INTO score (node_id, last_year, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT(node_id) DO UPDATE SET last_year = excluded.last_year`,
        );
        const at = new Date().toISOString();
        for (const r of rows) up.run(r.node_id, r.value, at, c.actor().name);
        audit(w.db, c.actor(), 'score.copyLastYear', 'assessment', assessmentId, {
          fromAssessmentId,
          matched: rows.length,
        });
        return rows.length;
      });
      c.changed('scores');
      return { matched };
    },
    'check.input': async ({ assessmentId }) => input(assessmentId),
    'check.run': async ({ assessmentId }) => toCheckReport(checkCompleteness(input(assessmentId))),
    'gap.analysis': async ({ assessmentId }) => {
      const offices = new Map(listOffices(c.ws().db).map((o) => [o.id, o.name]));
      return gapAnalysis(input(assessmentId), offices);
    },
    'gap.exportXlsx': async ({ assessmentId }) => {
      const w = c.ws();
      const a = getAssessment(w.db, assessmentId);
      const offices = new Map(listOffices(w.db).map((o) => [o.id, o.name]));
      const gap = gapAnalysis(input(a.id), offices);
      const bytes = await gapWorkbook(gap, a.frameworkName);
      return {
        fileName: `Phan-tich-diem-${asciiSlug(a.frameworkName, 40)}-${a.year}.xlsx`,
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
