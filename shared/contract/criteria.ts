import { z } from 'zod';
import { CriteriaTree, NodeDetail } from '../models';
import type { MethodSpec } from './common';
import { Id } from './workspace';

export const criteriaApi = {
  'criteria.tree': {
    input: z.object({ assessmentId: Id.optional() }),
    output: CriteriaTree,
  },
  'criteria.node': { input: z.object({ nodeId: Id }), output: NodeDetail },
} as const satisfies Record<string, MethodSpec>;
