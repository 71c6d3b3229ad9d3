/**
 * The PDF dossier (hồ sơ TLKC): cover, score table, contents, then each area → criterion →
 * sub-criterion with a divider and its documents, every evidence page stamped and numbered,
 * bookmarked down to each document. See docs/benchmarks.md ("Xuất hồ sơ PDF") for figures.
 *
 * The main thread only plans: it converts office files, splits the dossier into volumes and
 * hands out jobs. Worker 0 lays the dossier out and writes each volume's own pages and
 * structure; both workers copy documents straight into the volume file (writer.ts), one at a
 * time and under a time limit. Volumes are written under temporary names and renamed only
 * when all of them are complete, so a cancel or a crash never leaves a half file behind.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExcludedDocument } from '../../../../shared/contract/export';
import { computeIndex } from '../../../../shared/scoring';
import { CoreError } from '../../errors';
import type { BuildPdf, PartContext, PdfResult } from '../parts';
import { excludedConflict, withExcluded, type ExportPlan } from '../plan';
import type { BeginResult, LayoutSummary } from './assembler';
import {
  cancelled,
  damagedReason,
  nameOf,
  parseTimeoutMs,
  prepareDocuments,
  readError,
  startupError,
} from './convert';
import type { DocResult, DocSpec, DossierSpec, NodeSpec } from './model';
import { JobTimeout, PoolStopped, WorkerFailed, WorkerPool } from './pool';
import { dateLine, volumeFileName } from './text';
import {
  GENERATED_PAGE_BYTES,
  HARD_MAX_BYTES,
  PAGE_OVERHEAD,
  planVolumes,
  type PackUnit,
  type PlannedVolume,
} from './volumes';

export { findLibreOffice } from './libreoffice';

/** Knobs for tests and the benchmark; the app uses the defaults. */
export interface DossierTuning {
  workers?: number;
  parseTimeoutMs?: (bytes: number) => number;
  convertTimeoutMs?: number;
  now?: Date;
}

const LONG_MS = 30 * 60_000;

export const buildPdfDossier: BuildPdf = (plan, opts, ctx) => buildDossier(plan, opts, ctx);

export async function buildDossier(
  inputPlan: ExportPlan,
  opts: Parameters<BuildPdf>[1],
  ctx: PartContext,
  tuning: DossierTuning = {},
): Promise<PdfResult> {
  const outDir = path.resolve(opts.outDir);
  await fsp.mkdir(outDir, { recursive: true });
  const workDir = await fsp.mkdtemp(path.join(outDir, '.hskc-pdf-'));
  const workers = Math.max(
    1,
    Math.min(4, tuning.workers ?? Math.min(2, os.availableParallelism())),
  );
  const pool = new WorkerPool(workers);
  const temps = new Set<string>();
  const onAbort = () => void pool.terminate();
  ctx.signal.addEventListener('abort', onAbort);
  const check = () => {
    if (ctx.signal.aborted) throw cancelled();
  };
  let plan = inputPlan;
  /** Documents this step found unreadable and left out (never a broken page). */
  const leftOut: ExcludedDocument[] = [];
  const leaveOut = (bad: Map<number, string>) => {
    const before = new Set(plan.excluded.map((e) => e.documentId));
    plan = withExcluded(
      plan,
      [...bad].map(([documentId, reason]) => ({ documentId, reason })),
    );
    const added = plan.excluded.filter((e) => !before.has(e.documentId));
    if (!opts.confirmExcluded) {
      throw new CoreError(
        'CONFLICT',
        excludedConflict(
          added,
          'Hãy xác nhận bỏ qua chúng (hoặc thay tệp khác trong thư viện) rồi xuất lại.',
        ),
        { documentIds: added.map((e) => e.documentId) },
      );
    }
    leftOut.push(...added);
  };
  try {
    pool.warm();
    check();
    ctx.progress(0, 1, 'Đang chuẩn bị tài liệu cho hồ sơ PDF…');
    const unreadable = new Map<number, string>();
    const docs = await prepareDocuments(
      plan,
      { libreOffice: opts.libreOffice, workDir, convertTimeoutMs: tuning.convertTimeoutMs },
      pool,
      ctx,
      (id, reason) => unreadable.set(id, reason),
    );
    if (unreadable.size) leaveOut(unreadable);
    const docById = new Map(docs.filter((d) => !unreadable.has(d.id)).map((d) => [d.id, d]));
    const limit = Math.min(
      opts.maxVolumeMb ? opts.maxVolumeMb * 1048576 : HARD_MAX_BYTES,
      HARD_MAX_BYTES,
    );
    const now = tuning.now ?? new Date();
    let factor = 1;
    for (let attempt = 0; ; attempt++) {
      check();
      const nodes = nodeSpecs(plan);
      const planned = plan2volumes(plan, nodes, docById, opts, factor);
      const spec = dossierSpec(plan, opts, nodes, [...docById.values()], planned, now);
      const layout = await pool.call<LayoutSummary>(0, { kind: 'layout', spec }, LONG_MS);
      const built = await buildVolumes(pool, spec, layout, docById, outDir, temps, ctx, tuning);
      if (built.kind === 'excluded') {
        // Unreadable documents are left out and the dossier laid out again without them, so no
        // bookmark, contents line or divider points at a page that is not there.
        await discard(temps);
        leaveOut(built.docs);
        for (const id of built.docs.keys()) docById.delete(id);
        // Not a retry of the same layout: each round leaves out at least one document.
        attempt--;
        continue;
      }
      if (built.kind === 'mismatch') {
        // The library's page count was wrong (pdf.js and pdf-lib disagree on a broken file).
        const d = docById.get(built.docId)!;
        if (built.actual <= 0 || attempt >= 3) throw readError(d, new Error('page count'));
        d.pages = built.actual;
        await discard(temps);
        continue;
      }
      const over = built.volumes.filter(
        (v, i) => v.bytes > limit && planned[i]!.units.reduce((a, u) => a + u.docIds.length, 0) > 1,
      );
      if (over.length && attempt < 2) {
        // Estimates were low (object streams expand when copied): correct them and re-plan.
        factor *= Math.max(...over.map((v) => v.bytes / Math.max(1, v.estimate))) * 1.03;
        await discard(temps);
        continue;
      }
      check();
      ctx.progress(1, 1, 'Đang lưu các tập hồ sơ…');
      for (const v of built.volumes) {
        await fsp.rename(v.tmp, v.file);
        temps.delete(v.tmp);
      }
      const pageOf = new Map<number, { file: string; page: number }>();
      for (const v of layout.volumes) {
        const file = built.volumes[v.index - 1]!.file;
        for (const d of v.docs)
          if (!pageOf.has(d.docId)) pageOf.set(d.docId, { file, page: d.firstPage });
      }
      return {
        files: built.volumes.map((v) => v.file),
        pages: built.volumes.reduce((a, v) => a + v.pages, 0),
        pageOf,
        excluded: leftOut,
      };
    }
  } catch (e) {
    await discard(temps);
    if (e instanceof CoreError) throw e;
    if (e instanceof PoolStopped || ctx.signal.aborted) throw cancelled();
    if (e instanceof WorkerFailed && e.remoteName === 'Startup') throw startupError(e);
    throw e;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    await pool.terminate();
    await fsp.rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

type Built =
  | {
      kind: 'ok';
      volumes: { tmp: string; file: string; bytes: number; pages: number; estimate: number }[];
    }
  | { kind: 'mismatch'; docId: number; actual: number }
  | { kind: 'excluded'; docs: Map<number, string> };

async function buildVolumes(
  pool: WorkerPool,
  spec: DossierSpec,
  layout: LayoutSummary,
  docs: Map<number, DocSpec>,
  outDir: string,
  temps: Set<string>,
  ctx: PartContext,
  tuning: DossierTuning,
): Promise<Built> {
  const volumes: Extract<Built, { kind: 'ok' }>['volumes'] = [];
  const totalJobs = layout.volumes.reduce((a, v) => a + v.docs.length, 0);
  let done = 0;
  const timeout = tuning.parseTimeoutMs ?? parseTimeoutMs;
  for (const v of layout.volumes) {
    const fileName = spec.volumes[v.index - 1]!.fileName;
    const file = path.join(outDir, fileName);
    const tmp = path.join(outDir, `.${fileName}.${randomBytes(4).toString('hex')}.part`);
    temps.add(tmp);
    const label = spec.volumes.length > 1 ? ` tập ${v.index}/${spec.volumes.length}` : '';
    ctx.progress(done, totalJobs, `Đang dựng bìa, bảng điểm và mục lục${label}…`);
    const begin = await pool.call<BeginResult>(
      0,
      { kind: 'begin', volume: v.index, file: tmp },
      LONG_MS,
    );

    // Largest first: the two workers finish together instead of one waiting on a big scan.
    const jobs = [...begin.docs].sort(
      (a, b) => (docs.get(b.docId)?.size ?? 0) - (docs.get(a.docId)?.size ?? 0),
    );
    const results: DocResult[] = [];
    let next = 0;
    let failure: unknown = null;
    let mismatch: { docId: number; actual: number } | null = null;
    const damaged = new Map<number, string>();
    const runner = async () => {
      while (next < jobs.length && failure === null && mismatch === null) {
        const j = jobs[next++]!;
        const d = docs.get(j.docId)!;
        try {
          const r = await pool.any<DocResult>(
            {
              kind: 'doc',
              job: {
                kind: 'doc',
                volume: v.index,
                refs: begin.refs,
                doc: d,
                firstPage: j.firstPage,
                stamps: j.stamps,
                parents: j.parents,
              },
            },
            timeout(d.size),
          );
          results.push(r);
          done++;
          ctx.progress(done, totalJobs, `Đang ghép tài liệu ${nameOf(d)}${label}…`);
        } catch (e) {
          if (
            e instanceof WorkerFailed &&
            e.remoteName === 'PageCountMismatch' &&
            e.actual !== undefined
          ) {
            mismatch = { docId: d.id, actual: e.actual };
          } else if (damagedReason(e) !== null) {
            // The worker could not read or copy this document: it is left out, not a blank page.
            damaged.set(d.id, damagedReason(e)!);
          } else if (failure === null) {
            failure =
              e instanceof PoolStopped && ctx.signal.aborted
                ? cancelled()
                : e instanceof JobTimeout || e instanceof WorkerFailed
                  ? readError(d, e)
                  : e;
            void pool.terminate();
          }
        }
      }
    };
    await Promise.all(Array.from({ length: pool.size }, runner));
    if (failure !== null) throw failure;
    if (mismatch !== null) {
      await pool.each({ kind: 'release' });
      await pool.call(0, { kind: 'abandon' }, 60_000);
      return { kind: 'mismatch', ...(mismatch as { docId: number; actual: number }) };
    }
    if (damaged.size) {
      await pool.each({ kind: 'release' });
      await pool.call(0, { kind: 'abandon' }, 60_000);
      return { kind: 'excluded', docs: damaged };
    }
    await pool.each({ kind: 'release' });
    ctx.progress(done, totalJobs, `Đang hoàn tất tệp PDF${label}…`);
    const fin = await pool.call<{ bytes: number; pages: number }>(
      0,
      { kind: 'finish', results },
      LONG_MS,
    );
    const estimate = estimateVolume(spec, v.index, docs);
    volumes.push({ tmp, file, bytes: fin.bytes, pages: fin.pages, estimate });
  }
  return { kind: 'ok', volumes };
}

function estimateVolume(spec: DossierSpec, index: number, docs: Map<number, DocSpec>): number {
  let bytes = 0;
  for (const u of spec.volumes[index - 1]!.units) {
    for (const id of u.docIds) {
      const d = docs.get(id);
      if (d) bytes += d.size + d.pages * PAGE_OVERHEAD;
    }
  }
  return bytes;
}

async function discard(temps: Set<string>): Promise<void> {
  for (const t of temps) await fsp.rm(t, { force: true }).catch(() => undefined);
  temps.clear();
}

function plan2volumes(
  plan: ExportPlan,
  nodes: NodeSpec[],
  docs: Map<number, DocSpec>,
  opts: Parameters<BuildPdf>[1],
  factor: number,
): PlannedVolume[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const areaOf = (n: NodeSpec): string => {
    let cur = n;
    while (cur.parentId !== null && byId.has(cur.parentId)) cur = byId.get(cur.parentId)!;
    return cur.code;
  };
  const units: PackUnit[] = [];
  for (const n of nodes) {
    if (!n.divider) continue;
    units.push({
      nodeId: n.id,
      areaCode: areaOf(n),
      bytes: GENERATED_PAGE_BYTES * (1 + Math.floor(n.links.length / 12)),
      docs: n.links
        .filter((l) => l.first)
        .map((l) => {
          const d = docs.get(l.docId)!;
          const own =
            d.kind === 'attachment'
              ? (d.attachment?.size ?? d.size) + GENERATED_PAGE_BYTES
              : d.size * factor;
          return { id: d.id, bytes: own + d.pages * PAGE_OVERHEAD };
        }),
    });
  }
  return planVolumes(units, {
    maxBytes: opts.maxVolumeMb ? opts.maxVolumeMb * 1048576 : null,
    perArea: opts.volumePerArea,
    firstVolumeExtra: plan.nodes.length * 400,
  });
}

function nodeSpecs(plan: ExportPlan): NodeSpec[] {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  return plan.nodes.map((n) => {
    const excluded = n.excludedLinks.map((e) => ({
      code: e.evidenceCode,
      name: e.name,
      reason: e.reason,
    }));
    let naReason = n.score?.naReason ?? null;
    for (
      let p = n.parentId !== null ? byId.get(n.parentId) : undefined;
      !naReason && n.notApplicable && p;
    ) {
      naReason = p.score?.naReason ?? null;
      p = p.parentId !== null ? byId.get(p.parentId) : undefined;
    }
    return {
      id: n.id,
      parentId: n.parentId,
      code: n.code,
      title: n.title,
      level: n.level,
      isLeaf: n.isLeaf,
      kind: n.kind,
      maxPoints: n.maxPoints,
      leadOffice: n.leadOffice,
      selfScore: n.isLeaf
        ? (n.score?.selfScore ?? null)
        : n.total.scoredLeaves > 0
          ? n.total.score
          : null,
      notApplicable: n.notApplicable,
      naReason,
      explanation: n.score?.explanation ?? null,
      links: n.links.map((l) => ({
        docId: l.documentId,
        evidenceCode: l.evidenceCode,
        first: l.first,
        pages: l.pages,
        note: l.note,
      })),
      excluded,
      divider: n.links.length > 0 || excluded.length > 0 || n.score?.notApplicable === true,
    };
  });
}

function dossierSpec(
  plan: ExportPlan,
  opts: Parameters<BuildPdf>[1],
  nodes: NodeSpec[],
  docs: DocSpec[],
  planned: PlannedVolume[],
  now: Date,
): DossierSpec {
  const ids = new Set(plan.nodes.map((n) => n.id));
  const roots = plan.nodes.filter((n) => n.parentId === null || !ids.has(n.parentId));
  const score = roots.reduce((a, n) => a + n.total.score, 0);
  const applicableMax = roots.reduce((a, n) => a + n.total.applicableMax, 0);
  const max = roots.reduce((a, n) => a + (n.maxPoints ?? n.total.applicableMax), 0);
  return {
    unit: plan.unit
      ? { name: plan.unit.name, parentBody: plan.unit.parentBody, place: plan.unit.place }
      : null,
    assessment: {
      year: plan.assessment.year,
      indexKind: plan.assessment.indexKind,
      frameworkName: plan.assessment.frameworkName,
    },
    dateLine: dateLine(plan.unit?.place, now),
    nodes,
    docs,
    volumes: planned.map((v, i) => ({
      index: i + 1,
      fileName: volumeFileName(opts.baseName, i + 1, planned.length, opts.asciiNames),
      areas: v.areas,
      units: v.units,
    })),
    total: { max, score, applicableMax, index: computeIndex(score, applicableMax) },
    partial: plan.partial ?? null,
    fontsDir: path.join(opts.resourcesDir, 'fonts'),
  };
}
