import type { PartContext, WriteWorkbook } from '../parts';
import type { ExportPlan } from '../plan';
import { openStreamingBook, throwIfAborted } from './book';
import { problemsOf, writeCheckSheet } from './check-sheet';
import type { WorkbookContext } from './context';
import { writeEvidenceSheet } from './evidence-sheet';
import { writeOfficeSheet } from './office-sheet';
import { SCORE_SHEET, writeScoreSheet } from './score-sheet';
import type { ScoreModel } from './score-model';

/**
 * The workbook sent with the dossier: "Bảng tự đánh giá" (the self-assessment table, with live
 * formulas, re-importable as a criteria table), "Danh mục TLKC" (every document link),
 * "Kiểm tra" (the completeness problems) and "Theo đơn vị" (progress per lead office).
 * Streamed, written to a temporary name and renamed at the end.
 */

export { SCORE_SHEET } from './score-sheet';
export { EVIDENCE_SHEET } from './evidence-sheet';
export { CHECK_SHEET } from './check-sheet';
export { OFFICE_SHEET } from './office-sheet';

export interface WorkbookResult {
  file: string;
  score: ScoreModel;
  evidenceRows: number;
  problems: number;
}

/** writeWorkbook with what it wrote (for tests, the benchmark and the orchestrator's report). */
export async function writeWorkbookDetailed(
  plan: ExportPlan,
  opts: {
    file: string;
    folderFiles: Map<string, string> | null;
    pdfPages: Map<number, { file: string; page: number }> | null;
  },
  ctx: PartContext,
): Promise<WorkbookResult> {
  throwIfAborted(ctx.signal);
  const links = plan.nodes.reduce((s, n) => s + n.links.length, 0);
  const total =
    plan.nodes.length + links + problemsOf(plan).length + plan.check.byOffice.length + 1;
  let done = 0;
  const w: WorkbookContext = {
    file: opts.file,
    folderFiles: opts.folderFiles,
    pdfPages: opts.pdfPages,
    signal: ctx.signal,
    now: new Date(),
    tick(rows) {
      done += rows;
      ctx.progress(Math.min(done, total), total, 'Đang ghi bảng Excel');
    },
  };
  const book = await openStreamingBook(opts.file);
  try {
    const score = await writeScoreSheet(book.wb, plan, w);
    throwIfAborted(ctx.signal);
    const evidenceRows = await writeEvidenceSheet(book.wb, plan, w);
    throwIfAborted(ctx.signal);
    const rowOf = new Map(score.rows.map((r) => [r.node.id, r.row]));
    const problems = writeCheckSheet(book.wb, plan, w, { sheet: SCORE_SHEET, rowOf });
    writeOfficeSheet(book.wb, plan, w);
    throwIfAborted(ctx.signal);
    await book.finish();
    ctx.progress(total, total, 'Đã ghi xong bảng Excel');
    return { file: opts.file, score, evidenceRows, problems };
  } catch (e) {
    await book.abort();
    throw e;
  }
}

export const writeWorkbook: WriteWorkbook = async (plan, opts, ctx) => {
  await writeWorkbookDetailed(plan, opts, ctx);
};
