import { z } from 'zod';
import type { MethodSpec } from './common';
import { Id } from './workspace';

const Hundredths = z.number().int().min(-100_000).max(100_000);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const NodeScore = z.object({
  nodeId: z.number().int(),
  selfScore: z.number().int().nullable(),
  notApplicable: z.boolean(),
  naReason: z.string().nullable(),
  explanation: z.string().nullable(),
  appraised: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
});
export type NodeScore = z.infer<typeof NodeScore>;

const CheckNodeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  title: z.string(),
  kind: z.enum(['self', 'survey', 'bonus', 'penalty']),
  maxPoints: z.number().int().nullable(),
  step: z.number().int().nullable(),
  mayBeNotApplicable: z.boolean(),
  leadOfficeId: z.number().int().nullable(),
  deadline: z.string().nullable(),
  evidenceSlots: z.array(z.string()),
  scoringOptions: z.array(z.object({ label: z.string(), points: z.number().int() })),
});

/** Everything the pure completeness check needs; the UI runs it locally for instant feedback. */
export const CheckInputSchema = z.object({
  assessmentId: z.number().int(),
  year: z.number().int(),
  today: z.string(),
  uploadLimitBytes: z.number().int(),
  nodes: z.array(CheckNodeSchema),
  scores: z.array(NodeScore),
  documents: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      fileKind: z.enum(['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls', 'odt', 'ods']),
      docType: z.string().nullable(),
      number: z.string().nullable(),
      issuedOn: z.string().nullable(),
      subject: z.string().nullable(),
      draft: z.boolean(),
      isScan: z.boolean(),
      encrypted: z.boolean(),
      damaged: z.boolean(),
      sizeBytes: z.number().int(),
      fileStatus: z.enum(['ok', 'missing', 'corrupt']),
    }),
  ),
  links: z.array(
    z.object({
      nodeId: z.number().int(),
      documentId: z.number().int(),
      slot: z.string().nullable(),
    }),
  ),
  offices: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

const Group = z.object({
  leaves: z.number().int(),
  complete: z.number().int(),
  notStarted: z.number().int(),
  notApplicable: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  percent: z.number(),
  pointsAtRisk: z.number(),
});

/** The CLI's `check --json` shape; points here are numbers of points (9.5), not hundredths. */
export const CheckReport = z.object({
  summary: z.object({
    leaves: z.number().int(),
    complete: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    score: z.number(),
    applicableMax: z.number(),
    index: z.number().nullable(),
    pointsAtRisk: z.number(),
    percent: z.number(),
  }),
  byArea: z.array(
    Group.extend({
      code: z.string(),
      title: z.string(),
      status: z.string(),
      score: z.number(),
      applicableMax: z.number(),
      index: z.number().nullable(),
    }),
  ),
  byOffice: z.array(Group.extend({ officeId: z.number().int().nullable(), name: z.string() })),
  problems: z.array(
    z.object({
      code: z.string().nullable(),
      severity: z.enum(['error', 'warning', 'info']),
      rule: z.string(),
      message: z.string(),
      documentId: z.number().int().optional(),
      nodeId: z.number().int().nullable(),
    }),
  ),
});
export type CheckReport = z.infer<typeof CheckReport>;

export const GapRow = z.object({
  nodeId: z.number().int(),
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
  max: z.number().int(),
  applicableMax: z.number().int(),
  selfScore: z.number().int().nullable(),
  appraised: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
  /**
   * Points lost against the maximum (appraised when known, else self-assessed). For an area:
   * the sum of its losers (gap-view's gapAreaFigures), so unscored items do not count.
   */
  lost: z.number().int(),
  office: z.string().nullable(),
  explanation: z.string().nullable(),
  naReason: z.string().nullable(),
});

export const GapAnalysis = z.object({
  assessmentId: z.number().int(),
  year: z.number().int(),
  areas: z.array(GapRow.extend({ losers: z.array(GapRow) })),
  total: GapRow.pick({
    max: true,
    applicableMax: true,
    selfScore: true,
    appraised: true,
    lastYear: true,
  }),
});
export type GapAnalysis = z.infer<typeof GapAnalysis>;

export const scoringApi = {
  'score.set': {
    input: z.object({
      nodeId: Id,
      selfScore: Hundredths.nullable().optional(),
      notApplicable: z.boolean().optional(),
      naReason: OptionalText(2000),
      explanation: OptionalText(10_000),
      appraised: Hundredths.nullable().optional(),
      lastYear: Hundredths.nullable().optional(),
    }),
    output: NodeScore,
  },
  'score.get': { input: z.object({ nodeId: Id }), output: NodeScore },
  /** Fills "last year" from another assessment's appraised (else self) scores, matched by code. */
  'score.copyLastYear': {
    input: z.object({ assessmentId: Id, fromAssessmentId: Id }),
    output: z.object({ matched: z.number().int() }),
  },
  'check.input': { input: z.object({ assessmentId: Id.optional() }), output: CheckInputSchema },
  'check.run': { input: z.object({ assessmentId: Id.optional() }), output: CheckReport },
  'gap.analysis': { input: z.object({ assessmentId: Id.optional() }), output: GapAnalysis },
  'gap.exportXlsx': {
    input: z.object({ assessmentId: Id.optional() }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
