import { z } from 'zod';
import { NodeKind, ScoringOption } from '../framework';
import { Assessment, CriteriaTree, NodeDetail, TreeNode } from '../models';
import type { MethodSpec } from './common';
import { Id, Text } from './workspace';

/** Points cross the contract as integer hundredths (9,5 → 950); people type them in the UI/CLI. */
const Hundredths = z.number().int().min(-100_000).max(100_000);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const NodePatch = z
  .object({
    code: Text(30),
    title: Text(2000),
    maxPoints: Hundredths.nullable(),
    kind: NodeKind,
    mayBeNotApplicable: z.boolean(),
    step: z.number().int().min(1).max(100_000).nullable(),
    scoringGuide: OptionalText(10_000),
    scoringOptions: z.array(ScoringOption.extend({ points: Hundredths })).max(20),
    evidenceGuide: OptionalText(10_000),
    evidenceSlots: z.array(Text(200)).max(20),
    deadline: OptionalText(100),
    task: OptionalText(5_000),
    target: OptionalText(5_000),
    note: OptionalText(5_000),
  })
  .partial();
export type NodePatch = z.infer<typeof NodePatch>;

export const TreeWarning = z.object({
  nodeId: z.number().int().nullable(),
  code: z.string().nullable(),
  message: z.string(),
});
export type TreeWarning = z.infer<typeof TreeWarning>;

export const TrashedNode = TreeNode.pick({ id: true, code: true, title: true }).extend({
  deletedAt: z.string(),
  descendants: z.number().int(),
});

export const criteriaApi = {
  'criteria.tree': {
    input: z.object({ assessmentId: Id.optional() }),
    output: CriteriaTree,
  },
  'criteria.node': { input: z.object({ nodeId: Id }), output: NodeDetail },
  'criteria.validate': {
    input: z.object({ assessmentId: Id.optional() }),
    output: z.array(TreeWarning),
  },
  'criteria.addNode': {
    input: z.object({
      assessmentId: Id,
      parentId: Id.nullable(),
      /** Insert at this index among the parent's children; at the end when absent. */
      position: z.number().int().min(0).optional(),
      node: NodePatch.required({ code: true, title: true }),
    }),
    output: NodeDetail,
  },
  'criteria.updateNode': { input: z.object({ nodeId: Id, patch: NodePatch }), output: NodeDetail },
  'criteria.moveNode': {
    input: z.object({ nodeId: Id, parentId: Id.nullable(), position: z.number().int().min(0) }),
    output: NodeDetail,
  },
  /** Deleting never loses anything: the node and its subtree go to the trash. */
  'criteria.deleteNode': {
    input: z.object({ nodeId: Id }),
    output: z.object({ deleted: z.number().int() }),
  },
  'criteria.restoreNode': { input: z.object({ nodeId: Id }), output: NodeDetail },
  'criteria.trash': {
    input: z.object({ assessmentId: Id.optional() }),
    output: z.array(TrashedNode),
  },
  'criteria.assign': {
    input: z.object({
      nodeIds: z.array(Id).min(1).max(5000),
      /** undefined leaves the lead office as it is; null removes it (inherit from the parent). */
      leadOfficeId: Id.nullable().optional(),
      coopOfficeIds: z.array(Id).max(50).optional(),
      /** Remove overrides below the chosen nodes so the whole subtree follows them. */
      clearDescendants: z.boolean().default(false),
    }),
    output: z.object({ updated: z.number().int() }),
  },
  /** Whether an imported table may replace this assessment's tree (no evidence, no scores yet). */
  'criteria.canReplace': {
    input: z.object({ assessmentId: Id }),
    output: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
  },
  'assessment.newYear': {
    input: z.object({ fromAssessmentId: Id, year: z.number().int().min(2000).max(2100) }),
    output: Assessment,
  },
} as const satisfies Record<string, MethodSpec>;
