import { bridge } from '../../api';

/**
 * One shared subscription to the core's events for job progress (each subscription of the web
 * door is a connection; the browser allows only a few per host).
 */

type Progress = { done: number; total: number; label: string };
const listeners = new Map<string, (p: Progress) => void>();
let subscribed = false;

export function followJob(jobId: string, listener: (p: Progress) => void): () => void {
  listeners.set(jobId, listener);
  if (!subscribed) {
    subscribed = true;
    bridge.on((e) => {
      if (e.type === 'job.progress') listeners.get(e.jobId)?.(e);
    });
  }
  return () => listeners.delete(jobId);
}

export function newJobId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return `evidence-${c.randomUUID()}`;
  return `evidence-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
