import { z } from 'zod';
import {
  AuditEntry,
  CriteriaTree,
  FrameworkSummary,
  NodeDetail,
  UnitLevel,
  VerifyReport,
  WorkspaceInfo,
} from './models';

/**
 * The one contract between the UI, the CLI and the core: method → zod input and output.
 * Every door (Electron IPC, the local web host, the CLI) parses input with these schemas
 * before a handler runs; the types below are derived from this table, so a handler that is
 * missing or returns the wrong shape is a compile error.
 */

const Empty = z.object({}).strict();
const Id = z.number().int().positive();
const Text = (max: number) => z.string().trim().min(1).max(max);

export const UnitInput = z.object({
  name: Text(200),
  level: UnitLevel,
  parentBody: z.string().trim().max(200).nullish(),
  place: z.string().trim().max(100).nullish(),
});

export const api = {
  'app.info': {
    input: Empty,
    output: z.object({ version: z.string(), schemaVersion: z.number().int() }),
  },
  'workspace.info': { input: Empty, output: WorkspaceInfo },
  'workspace.init': {
    input: z.object({
      frameworkId: Text(100),
      year: z.number().int().min(2000).max(2100),
      unit: UnitInput,
      offices: z.array(Text(200)).max(200).optional(),
    }),
    output: WorkspaceInfo,
  },
  'workspace.demo': { input: Empty, output: WorkspaceInfo },
  'workspace.verify': { input: Empty, output: VerifyReport },
  'workspace.audit': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.array(AuditEntry),
  },
  'frameworks.list': { input: Empty, output: z.array(FrameworkSummary) },
  'criteria.tree': {
    input: z.object({ assessmentId: Id.optional() }),
    output: CriteriaTree,
  },
  'criteria.node': { input: z.object({ nodeId: Id }), output: NodeDetail },
  'jobs.cancel': {
    input: z.object({ jobId: Text(100) }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller sends (defaults may be omitted). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives after parsing. */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export const METHODS = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export interface ApiError {
  code: string;
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Events the core pushes to the doors: progress of long jobs and changes others should see. */
export type CoreEvent =
  | { type: 'job.progress'; jobId: string; done: number; total: number; label: string }
  | { type: 'workspace.changed'; entity: string };

export interface CallOptions {
  /** Lets the caller cancel the call with jobs.cancel and follow its job.progress events. */
  jobId?: string;
}

export interface CallContext {
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
}

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>>;
};

/** What the renderer sees as window.hskc (Electron preload) or its HTTP twin. */
export interface Bridge {
  call<M extends Method>(
    method: M,
    input: Input<M>,
    opts?: CallOptions,
  ): Promise<Result<Output<M>>>;
  on(listener: (event: CoreEvent) => void): () => void;
}
