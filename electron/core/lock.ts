import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import { CoreError } from './errors';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

/**
 * One writer per workspace: a lock file created exclusively. A lock left by a process that
 * died on this machine is taken over; a live one is refused with a message a person can act on.
 */
export function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const info: LockInfo = {
        pid: process.pid,
        host: os.hostname(),
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      if (holder ? isStale(holder) : olderThan(file, 10_000)) {
        rmSync(file, { force: true });
        continue;
      }
      throw new CoreError('WORKSPACE_LOCKED', lockedMessage(holder), holder ?? undefined);
    }
  }
  throw new CoreError('WORKSPACE_LOCKED', 'Không lấy được quyền ghi hồ sơ. Hãy thử lại.');
}

/** Who holds the workspace, in words: the machine and the local time, not the process id. */
export function lockedMessage(holder: LockInfo | null): string {
  const since = holder ? new Date(holder.since) : null;
  const where = holder
    ? ` trên máy ${holder.host}${since && !Number.isNaN(since.getTime()) ? ` từ ${formatLocal(since)}` : ''}`
    : '';
  return `Hồ sơ đang được mở ở một cửa sổ khác (hoặc một lệnh hskc đang chạy)${where}. Hãy đóng cửa sổ hoặc đợi lệnh đó xong rồi thử lại.`;
}

/** dd/mm/yyyy HH:mm in the machine's local time, as people read dates in Vietnam. */
function formatLocal(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** An unreadable lock is a crash mid-write unless it was created a moment ago by a racing process. */
function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

function isStale(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return false;
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
