import type { z } from 'zod';

/** One contract entry: a zod schema for what comes in and for what goes out. */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export interface CallContext {
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
}

/** The handler type of any slice of the contract; `Handlers` is this over the whole table. */
export type HandlersOf<A extends Record<string, MethodSpec>> = {
  [M in keyof A]: (
    input: z.output<A[M]['input']>,
    ctx: CallContext,
  ) => Promise<z.output<A[M]['output']>>;
};
