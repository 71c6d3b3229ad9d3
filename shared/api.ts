import type { z } from 'zod';
import type { CallContext, HandlersOf } from './contract/common';
import { criteriaApi } from './contract/criteria';
import { evidenceApi } from './contract/evidence';
import { criteriaImportApi } from './contract/criteria-import';
import { scoringApi } from './contract/scoring';
import { exportApi } from './contract/export';
import { orgApi } from './contract/org';
import { workspaceApi } from './contract/workspace';

/**
 * The one contract between the UI, the CLI and the core: method → zod input and output.
 * Every door (Electron IPC, the local web host, the CLI) goes through dispatch(), which parses
 * input with these schemas before a handler runs. Each domain keeps its slice in
 * shared/contract/<domain>.ts; the types below are derived from the merged table, so a missing
 * handler or a wrong output shape is a compile error.
 */
export const api = {
  ...workspaceApi,
  ...orgApi,
  ...criteriaApi,
  ...evidenceApi,
  ...criteriaImportApi,
  ...scoringApi,
  ...exportApi,
};

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller sends (defaults may be omitted). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives after parsing. */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;
export type Handlers = HandlersOf<Api>;
export type { CallContext, HandlersOf };

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

/** What the renderer sees as window.hskc (Electron preload) or its HTTP twin. */
export interface Bridge {
  call<M extends Method>(
    method: M,
    input: Input<M>,
    opts?: CallOptions,
  ): Promise<Result<Output<M>>>;
  on(listener: (event: CoreEvent) => void): () => void;
  /** Electron only: the real path of a dropped or picked file (webUtils.getPathForFile). */
  pathForFile?(file: Blob): string;
}
