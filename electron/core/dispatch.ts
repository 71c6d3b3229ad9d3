import {
  api,
  isMethod,
  type CallOptions,
  type CoreEvent,
  type Handlers,
  type Result,
} from '../../shared/api';
import { CoreError } from './errors';
import { describeZodError } from './validation';

export interface Dispatcher {
  dispatch(method: string, input: unknown, opts?: CallOptions): Promise<Result<unknown>>;
  cancel(jobId: string): boolean;
}

/**
 * The single entry every door uses: parse input with the contract, run the handler with a
 * cancel signal and progress reporter, and turn anything thrown into { ok: false } with a
 * Vietnamese message. Internal errors are logged, never shown raw.
 */
export function createDispatcher(
  handlers: Handlers,
  emit: (event: CoreEvent) => void,
  opts: { validateOutput?: boolean; log?: (e: unknown) => void } = {},
): Dispatcher {
  const jobs = new Map<string, AbortController>();

  async function dispatch(
    method: string,
    rawInput: unknown,
    callOpts: CallOptions = {},
  ): Promise<Result<unknown>> {
    if (!isMethod(method)) {
      return {
        ok: false,
        error: { code: 'NOT_FOUND', message: `Không có chức năng “${method}”.` },
      };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: describeZodError(parsed.error) },
      };
    }
    const controller = new AbortController();
    const jobId = callOpts.jobId;
    if (jobId) jobs.set(jobId, controller);
    let lastEmit = 0;
    const ctx = {
      signal: controller.signal,
      progress(done: number, total: number, label: string) {
        if (!jobId) return;
        // At most ~20 events a second: enough for a smooth bar, never a flood over IPC.
        const now = Date.now();
        if (done < total && now - lastEmit < 50) return;
        lastEmit = now;
        emit({ type: 'job.progress', jobId, done, total, label });
      },
    };
    try {
      const handler = handlers[method] as (input: unknown, c: typeof ctx) => Promise<unknown>;
      const data = await handler(parsed.data, ctx);
      if (opts.validateOutput) spec.output.parse(data);
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: toApiError(e, opts.log) };
    } finally {
      if (jobId) jobs.delete(jobId);
    }
  }

  return {
    dispatch,
    cancel(jobId) {
      const c = jobs.get(jobId);
      if (!c) return false;
      c.abort();
      return true;
    },
  };
}

export function toApiError(
  e: unknown,
  log?: (e: unknown) => void,
): { code: string; message: string } {
  if (e instanceof CoreError) return { code: e.code, message: e.message };
  if ((e as Error | undefined)?.name === 'AbortError')
    return { code: 'CANCELLED', message: 'Đã hủy.' };
  (log ?? console.error)(e);
  return {
    code: 'INTERNAL',
    message:
      'Đã xảy ra lỗi không mong muốn. Dữ liệu của bạn không bị thay đổi; hãy thử lại hoặc báo cho bộ phận hỗ trợ.',
  };
}
