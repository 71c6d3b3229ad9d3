/**
 * Benchmark of the export workbook (electron/core/export/xlsx): a large district dossier with
 * 20,000 evidence rows, each with a hyperlink to its file and one to its page in the PDF
 * dossier. Budget: < 5 s and < 300 MB peak RSS.
 *
 *   npx tsx --expose-gc test/bench/xlsx.bench.ts      (or: npm run bench -- xlsx)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { writeWorkbookDetailed } from '../../electron/core/export/xlsx';
import { planFromCheckInput } from '../fixtures/export-plan';
import { generateCompletenessDataset } from './completeness.bench';

const TARGET_ROWS = 20_000;
const BUDGET_MS = 5_000;
const BUDGET_MB = 300;

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function runXlsxBench(): Promise<{ ms: number; peakMb: number; rows: number }> {
  // ~2% of the generated links repeat a (node, document) pair and are dropped, as in the database.
  const input = generateCompletenessDataset({ leaves: 2000, documents: 12_000, links: 20_500 });
  const plan = planFromCheckInput(input);
  let rows = 0;
  for (const n of plan.nodes) {
    if (rows + n.links.length > TARGET_ROWS) n.links = n.links.slice(0, TARGET_ROWS - rows);
    rows += n.links.length;
  }
  const folderFiles = new Map<string, string>();
  for (const n of plan.nodes) {
    for (const l of n.links) {
      folderFiles.set(
        l.evidenceCode,
        `TLKC/${n.code.split('.')[0]}/${n.code}/${l.evidenceCode}_Ke-hoach-cai-cach-hanh-chinh.pdf`,
      );
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hskc-xlsx-bench-'));
  const pdfPages = new Map<number, { file: string; page: number }>();
  let page = 1;
  for (const d of plan.documents.values()) {
    pdfPages.set(d.id, { file: path.join(dir, 'Ho so TLKC 2024 - Tap 1.pdf'), page });
    page += d.pages ?? 1;
  }
  const file = path.join(dir, 'Bang tu danh gia 2024.xlsx');

  // The plan is in memory before any export starts; what counts is what writing adds.
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 5);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await writeWorkbookDetailed(
    plan,
    { file, folderFiles, pdfPages },
    { signal: new AbortController().signal, progress: sample },
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  sample();
  const size = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });

  const peakMb = mb(peak);
  console.log(
    `xlsx: ${plan.nodes.length} nodes, ${result.evidenceRows} evidence rows (each with a link to its file and one to its PDF page, ` +
      `in both "Bảng tự đánh giá" and "Danh mục TLKC"), ${result.problems} problems; file ${mb(size).toFixed(1)} MB`,
  );
  console.log(
    `xlsx: ${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (budget ${BUDGET_MS / 1000} s); ` +
      `peak RSS ${peakMb.toFixed(0)} MB (budget ${BUDGET_MB} MB): ${mb(rssBefore).toFixed(0)} MB with the plan loaded, ` +
      `+${mb(peak - rssBefore).toFixed(0)} MB while writing`,
  );
  const verdict = ms < BUDGET_MS && peakMb < BUDGET_MB && result.evidenceRows >= TARGET_ROWS;
  console.log(
    `xlsx: ${verdict ? 'within budget' : 'OVER BUDGET'} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`,
  );
  return { ms, peakMb, rows: result.evidenceRows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runXlsxBench();
  if (r.ms >= BUDGET_MS || r.peakMb >= BUDGET_MB || r.rows < TARGET_ROWS) process.exitCode = 1;
}
