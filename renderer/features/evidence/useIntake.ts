import { useCallback, useRef, useState } from 'react';
import type { FileRef } from '../../../shared/contract/files';
import type { EvidenceDocument } from '../../../shared/contract/evidence';
import { call } from '../../api';
import { toFileRef } from '../../files';
import { followJob, newJobId } from './jobs';
import type { PickedFile } from './picked';

/**
 * Runs an intake: every file is first handed to the core (its real path in Electron, uploaded
 * over the web door otherwise), then added batch by batch (one batch per target sub-criterion)
 * as a cancellable job whose progress the core reports.
 */

export type RowStatus = 'added' | 'duplicate' | 'refused' | 'skipped';

export interface IntakeRow {
  fileName: string;
  path: string;
  status: RowStatus;
  reason: string | null;
  warnings: string[];
  document: EvidenceDocument | null;
  linked: boolean;
  nodeCode: string | null;
}

export interface IntakeBatch {
  files: PickedFile[];
  nodeId?: number;
  nodeCode?: string;
  slot?: string | null;
}

export interface IntakeState {
  /** Counts the runs, so views can reset per run. */
  runId: number;
  running: boolean;
  stage: 'upload' | 'add';
  done: number;
  total: number;
  label: string;
  rows: IntakeRow[];
  cancelled: boolean;
  pendingAnalysis: number;
}

const skipped = (pf: PickedFile, nodeCode: string | null): IntakeRow => ({
  fileName: pf.file.name,
  path: pf.path,
  status: 'skipped',
  reason: null,
  warnings: [],
  document: null,
  linked: false,
  nodeCode,
});

export function useIntake() {
  const [state, setState] = useState<IntakeState | null>(null);
  const job = useRef<{ cancelled: boolean; jobId: string | null }>({
    cancelled: false,
    jobId: null,
  });
  const runs = useRef(0);

  const run = useCallback(async (batches: IntakeBatch[]): Promise<IntakeRow[]> => {
    const c = { cancelled: false, jobId: null as string | null };
    job.current = c;
    const runId = ++runs.current;
    const total = batches.reduce((n, b) => n + b.files.length, 0);
    const update = (patch: Partial<IntakeState>) => setState((s) => (s ? { ...s, ...patch } : s));
    setState({
      runId,
      running: true,
      stage: 'upload',
      done: 0,
      total,
      label: '',
      rows: [],
      cancelled: false,
      pendingAnalysis: 0,
    });

    // 1. Hand every file to the core.
    const refs: (FileRef | IntakeRow)[][] = [];
    let handed = 0;
    for (const b of batches) {
      const out: (FileRef | IntakeRow)[] = [];
      for (const pf of b.files) {
        if (c.cancelled) {
          out.push(skipped(pf, b.nodeCode ?? null));
          continue;
        }
        update({ label: pf.path, done: handed });
        try {
          out.push(await toFileRef(pf.file));
        } catch (e) {
          out.push({
            ...skipped(pf, b.nodeCode ?? null),
            status: 'refused',
            reason: (e as Error).message,
          });
        }
        handed++;
      }
      refs.push(out);
    }

    // 2. Add them, one job per batch.
    const rows: IntakeRow[] = [];
    let base = 0;
    let pendingAnalysis = 0;
    update({ stage: 'add', done: 0, label: '' });
    for (const [bi, b] of batches.entries()) {
      const items = refs[bi]!;
      const code = b.nodeCode ?? null;
      const sent: { ref: FileRef; pf: PickedFile }[] = [];
      const batchRows: IntakeRow[] = items.map((it, i) => {
        if ('status' in it) return it;
        sent.push({ ref: it, pf: b.files[i]! });
        return skipped(b.files[i]!, code);
      });
      const slots = items.flatMap((it, i) => ('status' in it ? [] : [i]));
      if (sent.length > 0 && !c.cancelled) {
        const jobId = newJobId();
        c.jobId = jobId;
        const off = followJob(jobId, (p) => update({ done: base + p.done, label: p.label }));
        try {
          const r = await call(
            'evidence.add',
            {
              files: sent.map((s) => s.ref),
              ...(b.nodeId !== undefined ? { nodeId: b.nodeId } : {}),
              ...(b.slot ? { slot: b.slot } : {}),
            },
            { jobId },
          );
          for (const res of r.results) {
            const at = slots[res.index]!;
            batchRows[at] = {
              fileName: res.fileName,
              path: b.files[at]!.path,
              status: res.status,
              reason: res.reason,
              warnings: res.warnings,
              document: res.document,
              linked: res.linked,
              nodeCode: code,
            };
          }
          pendingAnalysis += r.summary.pendingAnalysis;
          if (r.summary.cancelled) c.cancelled = true;
        } catch (e) {
          for (const at of slots)
            batchRows[at] = { ...batchRows[at]!, status: 'refused', reason: (e as Error).message };
        } finally {
          off();
          c.jobId = null;
        }
      }
      rows.push(...batchRows);
      base += b.files.length;
      update({ done: base, rows: [...rows] });
    }
    setState({
      runId,
      running: false,
      stage: 'add',
      done: total,
      total,
      label: '',
      rows,
      cancelled: c.cancelled,
      pendingAnalysis,
    });
    return rows;
  }, []);

  const cancel = useCallback(() => {
    const c = job.current;
    c.cancelled = true;
    if (c.jobId) void call('jobs.cancel', { jobId: c.jobId }).catch(() => undefined);
  }, []);

  const clear = useCallback(() => setState(null), []);

  return { state, run, cancel, clear };
}
