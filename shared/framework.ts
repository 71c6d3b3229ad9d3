import { z } from 'zod';

/**
 * A criteria framework as it travels: built-in JSON in resources/frameworks, the result of
 * importing an official table, and the tree copied from last year. Points here are numbers of
 * points (9.5); the database stores integer hundredths.
 */

export const NodeKind = z.enum(['self', 'survey', 'bonus', 'penalty']);
export type NodeKind = z.infer<typeof NodeKind>;

export const NODE_KIND_LABEL: Record<NodeKind, string> = {
  self: 'Tự đánh giá (cần TLKC)',
  survey: 'Điều tra xã hội học',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
};

export const ScoringOption = z.object({
  label: z.string().min(1),
  points: z.number(),
});
export type ScoringOption = z.infer<typeof ScoringOption>;

export interface FrameworkNode {
  code: string;
  title: string;
  maxPoints?: number | null;
  kind?: NodeKind;
  mayBeNotApplicable?: boolean;
  scoringGuide?: string | null;
  scoringOptions?: ScoringOption[];
  /** Scoring step in points (0.25: scores must be multiples of it). */
  step?: number | null;
  evidenceGuide?: string | null;
  evidenceSlots?: string[];
  leadOffice?: string | null;
  coopOffices?: string[];
  deadline?: string | null;
  task?: string | null;
  target?: string | null;
  note?: string | null;
  children?: FrameworkNode[];
}

export const FrameworkNode: z.ZodType<FrameworkNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    title: z.string().min(1),
    maxPoints: z.number().nullable().optional(),
    kind: NodeKind.optional(),
    mayBeNotApplicable: z.boolean().optional(),
    scoringGuide: z.string().nullable().optional(),
    scoringOptions: z.array(ScoringOption).optional(),
    step: z.number().positive().nullable().optional(),
    evidenceGuide: z.string().nullable().optional(),
    evidenceSlots: z.array(z.string()).optional(),
    leadOffice: z.string().nullable().optional(),
    coopOffices: z.array(z.string()).optional(),
    deadline: z.string().nullable().optional(),
    task: z.string().nullable().optional(),
    target: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
    children: z.array(FrameworkNode).optional(),
  }),
);

export const IndexKind = z.enum(['PAR', 'PAPI', 'SIPAS', 'DDCI', 'OTHER']);
export type IndexKind = z.infer<typeof IndexKind>;

/** illustrative: demo content; skeleton: areas and maxima only, complete by import; official: a real set. */
export const FrameworkStatus = z.enum(['illustrative', 'skeleton', 'official', 'imported']);
export type FrameworkStatus = z.infer<typeof FrameworkStatus>;

export const Framework = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  index: IndexKind,
  /** Level of the assessed unit: 'xa' (xã/phường), 'so' (sở, ngành), 'huyen' (former district), 'tinh'. */
  level: z.enum(['xa', 'so', 'huyen', 'tinh']),
  status: FrameworkStatus,
  /** Where the content comes from (seed document, decision number…). */
  source: z.string().min(1),
  description: z.string().optional(),
  /** Whether nodes carry points (PAR) or are a task tracker (PAPI, DDCI). */
  scored: z.boolean(),
  nodes: z.array(FrameworkNode),
});
export type Framework = z.infer<typeof Framework>;
