import type {
  ApiError,
  Bridge,
  CallOptions,
  CoreEvent,
  Input,
  Method,
  Output,
  Result,
} from '../shared/api';
import { vi } from './i18n/vi';

declare global {
  interface Window {
    hskc?: Bridge;
  }
}

/** A failed call, carrying the core's Vietnamese message. */
export class CallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export const TOKEN_KEY = 'hskc.token';

/**
 * The web host's door: the secret arrives once in the URL fragment (never sent to a server,
 * never in history after we strip it) and goes in a header on every call.
 */
function httpBridge(): Bridge {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';
  return {
    async call(method, input, opts) {
      let res: Response;
      try {
        res = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-HSKC-Token': token() },
          body: JSON.stringify({ input, jobId: opts?.jobId }),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'OFFLINE',
            message: vi.connection.lost,
          },
        };
      }
      return (await res.json()) as Result<never>;
    },
    on(listener) {
      const controller = new AbortController();
      void (async () => {
        try {
          const res = await fetch('/events', {
            headers: { 'X-HSKC-Token': token() },
            signal: controller.signal,
          });
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let idx;
            while ((idx = buffer.indexOf('\n\n')) >= 0) {
              const chunk = buffer.slice(0, idx);
              buffer = buffer.slice(idx + 2);
              if (chunk.startsWith('data: ')) listener(JSON.parse(chunk.slice(6)) as CoreEvent);
            }
          }
        } catch {
          // Closed by the page or the host; nothing to report.
        }
      })();
      return () => controller.abort();
    },
  };
}

export const bridge: Bridge = window.hskc ?? httpBridge();

/** Calls the core and returns its data, or throws CallError with the Vietnamese message. */
export async function call<M extends Method>(
  method: M,
  input: Input<M>,
  opts?: CallOptions,
): Promise<Output<M>> {
  const r = await bridge.call(method, input, opts);
  if (!r.ok) throw new CallError(r.error);
  return r.data;
}
