import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core';

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
