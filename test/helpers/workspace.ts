import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core';
import type { Input, Method, Output } from '../../shared/api';

/** A fresh temporary folder; removed by the returned cleanup. */
export function tempDir(prefix = 'hskc-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A core on a new workspace folder, checking every output against the contract. */
export function testCore(dataDir: string, opts: { readOnly?: boolean } = {}): Core {
  return createCore({
    dataDir,
    validateOutput: true,
    actor: { name: 'Kiểm thử', office: 'Văn phòng HĐND và UBND' },
    ...opts,
  });
}

export const ctx = { signal: new AbortController().signal, progress: () => {} };

/** A core call that must succeed: its output, or an error naming the method, code and message. */
export async function callOk<M extends Method>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as Output<M>;
}
