import type { HandlersOf } from '../../../shared/api';
import type { criteriaApi } from '../../../shared/contract/criteria';
import type { CoreContext } from '../context';
import { getAssessment, loadTree, nodeDetail } from './repo';

export function criteriaHandlers(c: CoreContext): HandlersOf<typeof criteriaApi> {
  return {
    'criteria.tree': async (input) => {
      const db = c.ws().db;
      const assessment = getAssessment(db, input.assessmentId);
      return { assessment, nodes: loadTree(db, assessment.id) };
    },
    'criteria.node': async (input) => nodeDetail(c.ws().db, input.nodeId),
  };
}
