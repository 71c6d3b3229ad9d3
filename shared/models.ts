import { z } from 'zod';
import { IndexKind, NodeKind, FrameworkStatus } from './framework';

/** Shapes that cross the contract. Points are integer hundredths; dates ISO strings. */

export const UnitLevel = z.enum(['xa', 'so', 'huyen', 'tinh']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const UNIT_LEVEL_LABEL: Record<UnitLevel, string> = {
  xa: 'UBND xã, phường',
  so: 'Sở, ban, ngành',
  huyen: 'UBND huyện (trước 01/7/2025)',
  tinh: 'UBND tỉnh',
};

export const Unit = z.object({
  name: z.string(),
  level: UnitLevel,
  parentBody: z.string().nullable(),
  place: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

export const Office = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  isCoordinator: z.boolean(),
});
export type Office = z.infer<typeof Office>;

export const Assessment = z.object({
  id: z.number().int(),
  year: z.number().int(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  indexKind: IndexKind,
  scored: z.boolean(),
  illustrative: z.boolean(),
  source: z.string().nullable(),
});
export type Assessment = z.infer<typeof Assessment>;

/**
 * The assessment whose results are "last year" for `current`: the latest earlier year of the
 * same index (a PAPI tracker never feeds PAR scores), newest id first among equals.
 */
export function previousAssessment<A extends Pick<Assessment, 'id' | 'year' | 'indexKind'>>(
  all: readonly A[],
  current: Pick<Assessment, 'year' | 'indexKind'>,
): A | null {
  return (
    all
      .filter((a) => a.year < current.year && a.indexKind === current.indexKind)
      .sort((a, b) => b.year - a.year || b.id - a.id)[0] ?? null
  );
}

export const WorkspaceInfo = z.object({
  initialized: z.boolean(),
  dataDir: z.string(),
  readOnly: z.boolean(),
  unit: Unit.nullable(),
  offices: z.array(Office),
  assessments: z.array(Assessment),
  currentAssessmentId: z.number().int().nullable(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const FrameworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  index: IndexKind,
  level: UnitLevel,
  status: FrameworkStatus,
  source: z.string(),
  scored: z.boolean(),
  nodes: z.number().int(),
  /** Sum of the top-level maxima, in points (not hundredths), or null for unscored trackers. */
  maxPoints: z.number().nullable(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

/** One row of the tree, in tree order. */
export const TreeNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
  isLeaf: z.boolean(),
  kind: NodeKind,
  maxPoints: z.number().int().nullable(),
  leadOfficeId: z.number().int().nullable(),
  /** After inheritance from the nearest ancestor that names one. */
  leadOffice: z.string().nullable(),
  leadOfficeInherited: z.boolean(),
  /** Cooperating offices after inheritance. */
  coopOfficeIds: z.array(z.number().int()),
});
export type TreeNode = z.infer<typeof TreeNode>;

export const CriteriaTree = z.object({
  assessment: Assessment,
  nodes: z.array(TreeNode),
});
export type CriteriaTree = z.infer<typeof CriteriaTree>;

export const NodeDetail = TreeNode.extend({
  path: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
  mayBeNotApplicable: z.boolean(),
  step: z.number().int().nullable(),
  scoringGuide: z.string().nullable(),
  scoringOptions: z.array(z.object({ label: z.string(), points: z.number().int() })),
  evidenceGuide: z.string().nullable(),
  evidenceSlots: z.array(z.string()),
  coopOffices: z.array(z.object({ id: z.number().int(), name: z.string() })),
  deadline: z.string().nullable(),
  task: z.string().nullable(),
  target: z.string().nullable(),
  note: z.string().nullable(),
});
export type NodeDetail = z.infer<typeof NodeDetail>;

/** A stored file that failed, with the documents that point at it (for a person to act on). */
export const FileProblem = z.object({
  status: z.enum(['missing', 'corrupt']),
  sha256: z.string(),
  documents: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type FileProblem = z.infer<typeof FileProblem>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  database: z.string(),
  files: z.object({
    checked: z.number().int(),
    missing: z.number().int(),
    corrupt: z.number().int(),
  }),
  problems: z.array(FileProblem),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  office: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
