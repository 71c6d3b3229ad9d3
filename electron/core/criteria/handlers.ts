import type { HandlersOf } from '../../../shared/api';
import type { criteriaApi } from '../../../shared/contract/criteria';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { tx } from '../db/open';
import {
  addNode,
  assignOffices,
  copyAssessment,
  deleteNode,
  getNodeRef,
  listTrash,
  moveNode,
  restoreNode,
  updateNode,
  validateTree,
} from './edit';
import { hasWork, REPLACE_BLOCKED } from './import-handlers';
import { getAssessment, loadTree, nodeDetail } from './repo';

export function criteriaHandlers(c: CoreContext): HandlersOf<typeof criteriaApi> {
  /** One transaction for the change and its audit row, then tell every view. */
  const change = <T>(
    action: string,
    entityId: number | null | ((r: T) => number),
    detail: unknown,
    fn: () => T,
  ): T => {
    const w = c.writable();
    const result = tx(w.db, () => {
      const r = fn();
      audit(
        w.db,
        c.actor(),
        action,
        'node',
        typeof entityId === 'function' ? entityId(r) : entityId,
        detail,
      );
      return r;
    });
    c.changed('criteria');
    return result;
  };

  return {
    'criteria.tree': async (input) => {
      const db = c.ws().db;
      const assessment = getAssessment(db, input.assessmentId);
      return { assessment, nodes: loadTree(db, assessment.id) };
    },
    'criteria.node': async (input) => nodeDetail(c.ws().db, input.nodeId),
    'criteria.validate': async (input) => {
      const db = c.ws().db;
      return validateTree(db, getAssessment(db, input.assessmentId).id);
    },
    'criteria.addNode': async (input) => {
      getAssessment(c.ws().db, input.assessmentId);
      const id = change<number>(
        'criteria.addNode',
        (newId) => newId,
        input,
        () => addNode(c.ws().db, input.assessmentId, input.parentId, input.position, input.node),
      );
      return nodeDetail(c.ws().db, id);
    },
    'criteria.updateNode': async (input) => {
      change('criteria.updateNode', input.nodeId, input.patch, () =>
        updateNode(c.ws().db, input.nodeId, input.patch),
      );
      return nodeDetail(c.ws().db, input.nodeId);
    },
    'criteria.moveNode': async (input) => {
      change('criteria.moveNode', input.nodeId, input, () =>
        moveNode(c.ws().db, input.nodeId, input.parentId, input.position),
      );
      return nodeDetail(c.ws().db, input.nodeId);
    },
    'criteria.deleteNode': async (input) => {
      const ref = getNodeRef(c.ws().db, input.nodeId);
      const deleted = change('criteria.deleteNode', input.nodeId, { code: ref.code }, () =>
        deleteNode(c.ws().db, input.nodeId),
      );
      return { deleted };
    },
    'criteria.restoreNode': async (input) => {
      change('criteria.restoreNode', input.nodeId, null, () =>
        restoreNode(c.ws().db, input.nodeId),
      );
      return nodeDetail(c.ws().db, input.nodeId);
    },
    'criteria.trash': async (input) => {
      const db = c.ws().db;
      return listTrash(db, getAssessment(db, input.assessmentId).id);
    },
    'criteria.assign': async (input) => ({
      updated: change('criteria.assign', null, input, () =>
        assignOffices(
          c.ws().db,
          input.nodeIds,
          input.leadOfficeId,
          input.coopOfficeIds,
          input.clearDescendants,
        ),
      ),
    }),
    'criteria.canReplace': async (input) => {
      const db = c.ws().db;
      const blocked = hasWork(db, getAssessment(db, input.assessmentId).id);
      return { allowed: !blocked, reason: blocked ? REPLACE_BLOCKED : null };
    },
    'assessment.newYear': async (input) => {
      const w = c.writable();
      const id = tx(w.db, () => {
        const newId = copyAssessment(w.db, input.fromAssessmentId, input.year);
        audit(w.db, c.actor(), 'assessment.newYear', 'assessment', newId, input);
        return newId;
      });
      c.changed('workspace');
      return getAssessment(w.db, id);
    },
  };
}
