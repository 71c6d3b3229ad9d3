/**
 * Benchmark of the PDF dossier export against `qpdf --empty --pages` on the same PDFs.
 *
 *   npm run bench export                      # full size: ≥ 1,000 documents, ≥ 10,000 pages, ≥ 1 GB
 *   HSKC_BENCH_SCALE=0.1 npm run bench export # a tenth, for a quick look
 *
 * A generated district-style dataset (scanned PDFs of real JPEG pages, text PDFs with object
 * streams, screenshots and photos) is linked to every leaf of the demo tree; the export runs
 * with default settings (volumes of at most 1 GB, two worker threads). Printed: wall times, the
 * ratio to qpdf, peak RSS of the process tree sampled from /proc every 50 ms (workers are
 * threads, so they are in the process's RSS), and the main thread's event-loop delay. Every
 * generated file is deleted at the end (HSKC_BENCH_KEEP=1 keeps them). HSKC_BENCH_CHECK=1 also
 * runs `qpdf --check` on each volume (minutes per GB).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { getAssessment, loadTree } from '../../electron/core/criteria/repo';
import { buildPlan } from '../../electron/core/export/plan';
import { buildDossier } from '../../electron/core/export/pdf/index';
import { openWorkspace } from '../../electron/core/workspace';
import {
  A4,
  encodeJpeg,
  encodePng,
  scanPdf,
  scanPixels,
  screenshotPixels,
  textPdf,
  withExifOrientation,
} from '../fixtures/pdf-dossier-files';
import { insertDocument, linkDocument } from '../fixtures/pdf-dossier-workspace';
import { seededRandom } from '../../shared/random';

const SCALE = Number(process.env.HSKC_BENCH_SCALE ?? '1');
const TARGET = {
  docs: Math.ceil(1000 * SCALE),
  pages: Math.ceil(10_000 * SCALE),
  bytes: Math.ceil(1024 * 1048576 * SCALE),
};
const root = path.resolve(path.join(process.cwd(), 'resources'));
const fontsDir = path.join(root, 'fonts');
const MB = 1048576;

/** RSS (bytes) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // Gone.
    }
  }
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'latin1'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

function sampler(pid: () => number | null) {
  let peak = 0;
  const timer = setInterval(() => {
    const p = pid();
    if (p !== null) peak = Math.max(peak, treeRss(p));
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${Math.round(b / MB)} MB`;

async function main(): Promise<void> {
  if (process.platform !== 'linux') console.log('(Đo bộ nhớ qua /proc: chỉ chính xác trên Linux.)');
  const base = mkdtempSync(path.join(process.env.HSKC_BENCH_DIR ?? os.tmpdir(), 'hskc-bench-pdf-'));
  const wsDir = path.join(base, 'ws');
  const outDir = path.join(base, 'out');
  try {
    // 1. The workspace: the demo unit and tree.
    const core = createCore({ dataDir: wsDir, actor: { name: 'Đo hiệu năng' } });
    const r = await core.dispatch('workspace.demo', {});
    if (!r.ok) throw new Error(r.error.message);
    core.close();
    const ws = openWorkspace(wsDir);
    const assessment = getAssessment(ws.db);
    const leaves = loadTree(ws.db, assessment.id).filter((n) => n.isLeaf && n.kind !== 'survey');

    // 2. The documents.
    const t0 = performance.now();
    const rand = seededRandom(2026);
    const scanPages = Array.from({ length: 12 }, (_, i) => {
      const jpeg = encodeJpeg(1654, 2339, scanPixels(1654, 2339, 100 + i), 1, 60);
      return { jpeg, pxW: 1654, pxH: 2339, w: A4.w, h: A4.h };
    });
    let docs = 0;
    let pages = 0;
    let bytes = 0;
    let scans = 0;
    let texts = 0;
    let images = 0;
    const types = [
      ['KH', 'Kế hoạch'],
      ['BC', 'Báo cáo'],
      ['QĐ', 'Quyết định'],
      ['TB', 'Thông báo'],
    ] as const;
    while (docs < TARGET.docs || pages < TARGET.pages || bytes < TARGET.bytes) {
      const i = docs;
      const slot = i % 10;
      const [code, typeName] = types[i % types.length]!;
      const number = `${100 + i}/${code}-UBND`;
      const month = 1 + (i % 12);
      const meta = {
        docType: code,
        number,
        issuedOn: `2026-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        issuer: 'UBND phường Đông Kinh',
        subject: `${typeName} thực hiện nhiệm vụ cải cách hành chính số ${i + 1} năm 2026`,
      };
      let doc: Parameters<typeof insertDocument>[2];
      if (slot < 3) {
        const n = 3 + Math.floor(rand() * 10);
        const list = Array.from(
          { length: n },
          (_, k) => scanPages[(i * 7 + k) % scanPages.length]!,
        );
        const pdf = scanPdf(list, { indirectLength: i % 5 === 0, title: `Scan ${number}` });
        doc = { ...meta, bytes: pdf, fileKind: 'pdf', name: `scan-${i}.pdf`, pages: n };
        scans++;
      } else if (slot < 9) {
        const n = 5 + Math.floor(rand() * 14);
        const pdf = await textPdf(fontsDir, {
          issuer: 'UBND tỉnh Lạng Sơn',
          unit: 'UBND phường Đông Kinh',
          number,
          place: 'Đông Kinh',
          date: [1 + (i % 28), month, 2026],
          type: typeName,
          subject: meta.subject,
          pages: n,
          sizes: i % 17 === 0 ? ['A4', 'A4L'] : undefined,
          seed: i,
        });
        doc = { ...meta, bytes: pdf, fileKind: 'pdf', name: `van-ban-${i}.pdf`, pages: n };
        texts++;
      } else if (i % 20 === 9) {
        const png = encodePng(1366, 768, screenshotPixels(1366, 768, i));
        doc = {
          ...meta,
          number: null,
          bytes: png,
          fileKind: 'png',
          name: `anh-chup-${i}.png`,
          pages: 1,
        };
        images++;
      } else {
        const jpeg = withExifOrientation(
          encodeJpeg(1200, 1600, scanPixels(1200, 1600, i), 1, 70),
          i % 3 === 0 ? 6 : 1,
        );
        doc = {
          ...meta,
          number: null,
          bytes: jpeg,
          fileKind: 'jpeg',
          name: `anh-${i}.jpg`,
          pages: 1,
        };
        images++;
      }
      const id = await insertDocument(ws.db, ws.store, doc);
      linkDocument(ws.db, leaves[i % leaves.length]!.id, id);
      if (i % 20 === 0) linkDocument(ws.db, leaves[(i * 13 + 5) % leaves.length]!.id, id);
      docs++;
      pages += doc.pages ?? 0;
      bytes += doc.bytes.length;
    }
    const genMs = performance.now() - t0;
    const plan = buildPlan(ws.db, ws.store, {});
    const pdfFiles = [...plan.documents.values()]
      .filter((d) => d.fileKind === 'pdf')
      .map((d) => d.file);
    const planPages = [...plan.documents.values()].reduce((a, d) => a + (d.pages ?? 1), 0);
    const planBytes = [...plan.documents.values()].reduce((a, d) => a + d.size, 0);
    console.log(
      `Dữ liệu: ${plan.documents.size} tài liệu (${scans} bản scan, ${texts} văn bản, ${images} ảnh), ${planPages} trang, ${mb(planBytes)}, ${leaves.length} tiêu chí; tạo trong ${fmt(genMs)}.`,
    );
    // Both runs read the same files from a warm cache.
    for (const f of [...plan.documents.values()].map((d) => d.file)) readFileSync(f);

    // 3. Our export.
    global.gc?.();
    const baseRss = treeRss(process.pid);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const ours = sampler(() => process.pid);
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const result = await buildDossier(
      plan,
      {
        outDir,
        baseName: 'Ho so TLKC 2026',
        asciiNames: true,
        volumePerArea: false,
        resourcesDir: root,
        libreOffice: null,
      },
      { signal: new AbortController().signal, progress: () => {} },
    );
    const oursMs = performance.now() - t1;
    const oursCpu = process.cpuUsage(cpu0);
    const oursPeak = ours.stop();
    lag.disable();
    const outBytes = result.files.reduce((a, f) => a + statSync(f).size, 0);

    // The same export on one worker thread, to show what the second one brings.
    const cpu1 = process.cpuUsage();
    const t1b = performance.now();
    const single = await buildDossier(
      plan,
      {
        outDir: path.join(base, 'out-1'),
        baseName: 'Ho so TLKC 2026',
        asciiNames: true,
        volumePerArea: false,
        resourcesDir: root,
        libreOffice: null,
      },
      { signal: new AbortController().signal, progress: () => {} },
      { workers: 1 },
    );
    const singleMs = performance.now() - t1b;
    const singleCpu = process.cpuUsage(cpu1);
    const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
    for (const f of single.files) rmSync(f, { force: true });

    // 4. qpdf on the same PDFs: the brief's command, and (for reference) with the streams
    // passed through as they are, which is what our export does.
    const runQpdf = async (extra: string[]): Promise<{ ms: number; peak: number }> => {
      const out = path.join(base, 'qpdf.pdf');
      let child: ReturnType<typeof spawn> | null = null;
      const s = sampler(() => child?.pid ?? null);
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        child = spawn('qpdf', [...extra, '--empty', '--pages', ...pdfFiles, '--', out], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        child.once('error', reject);
        child.once('exit', (code) =>
          code === 0 || code === 3 ? resolve() : reject(new Error(`qpdf ${code}`)),
        );
      });
      const ms = performance.now() - t;
      rmSync(out, { force: true });
      return { ms, peak: s.stop() };
    };
    let qpdfMs: number | null = null;
    let qpdfPeak = 0;
    let preserveMs: number | null = null;
    if (spawnSync('qpdf', ['--version']).status === 0) {
      ({ ms: qpdfMs, peak: qpdfPeak } = await runQpdf([]));
      preserveMs = (await runQpdf(['--stream-data=preserve'])).ms;
    }

    // 5. The output reads back: every volume's page tree (fast), or a full `qpdf --check`
    // (several minutes per GB) with HSKC_BENCH_CHECK=1.
    const full = process.env.HSKC_BENCH_CHECK === '1';
    let npages = 0;
    const checks = result.files.map((f) => {
      if (full) return spawnSync('qpdf', ['--check', f], { encoding: 'utf8' }).status;
      const r = spawnSync('qpdf', ['--show-npages', f], { encoding: 'utf8' });
      npages += Number(r.stdout.trim()) || 0;
      return r.status;
    });
    if (!full && npages !== result.pages) checks.push(-1);

    console.log('');
    console.log(
      `Xuất hồ sơ PDF: ${fmt(oursMs)} — ${result.files.length} tập, ${result.pages} trang, ${mb(outBytes)}`,
    );
    console.log(`Cùng việc đó với một worker: ${fmt(singleMs)}`);
    console.log(
      `Thời gian CPU (mọi luồng): ${cpuS(oursCpu).toFixed(1)} s với hai worker, ${cpuS(singleCpu).toFixed(1)} s với một; tải máy lúc đo: ${os.loadavg()[0]!.toFixed(1)} trên ${os.availableParallelism()} lõi`,
    );
    if (qpdfMs !== null) {
      console.log(`qpdf --empty --pages (${pdfFiles.length} PDF): ${fmt(qpdfMs)}`);
      console.log(`Tỷ lệ: ${(oursMs / qpdfMs).toFixed(2)}× (mục tiêu ≤ 1,5×)`);
      if (preserveMs !== null) {
        console.log(
          `qpdf --stream-data=preserve (không nén lại): ${fmt(preserveMs)} — tỷ lệ ${(oursMs / preserveMs).toFixed(2)}×`,
        );
      }
    }
    console.log(
      `Bộ nhớ đỉnh (RSS cả tiến trình, gồm worker): ${mb(oursPeak)} (trước khi xuất: ${mb(baseRss)}; mục tiêu ≤ 2048 MB)`,
    );
    if (qpdfMs !== null) console.log(`Bộ nhớ đỉnh của qpdf: ${mb(qpdfPeak)}`);
    console.log(
      `Độ trễ vòng sự kiện của luồng chính khi xuất: tối đa ${Math.round(lag.max / 1e6)} ms, p99 ${Math.round(lag.percentile(99) / 1e6)} ms`,
    );
    console.log(
      `${full ? 'qpdf --check' : 'qpdf --show-npages (đọc lại cây trang)'} các tập: ${checks.map((c) => (c === 0 ? 'đạt' : `lỗi ${c}`)).join(', ')}`,
    );
    console.log(
      JSON.stringify({
        documents: plan.documents.size,
        pages: planPages,
        inputMb: Math.round(planBytes / MB),
        outputMb: Math.round(outBytes / MB),
        volumes: result.files.length,
        dossierPages: result.pages,
        oursMs: Math.round(oursMs),
        oneWorkerMs: Math.round(singleMs),
        cpuS: Math.round(cpuS(oursCpu) * 10) / 10,
        oneWorkerCpuS: Math.round(cpuS(singleCpu) * 10) / 10,
        load: Math.round(os.loadavg()[0]! * 10) / 10,
        qpdfMs: qpdfMs === null ? null : Math.round(qpdfMs),
        ratio: qpdfMs === null ? null : Math.round((oursMs / qpdfMs) * 100) / 100,
        qpdfPreserveMs: preserveMs === null ? null : Math.round(preserveMs),
        peakRssMb: Math.round(oursPeak / MB),
        baseRssMb: Math.round(baseRss / MB),
        qpdfPeakMb: Math.round(qpdfPeak / MB),
        loopMaxMs: Math.round(lag.max / 1e6),
        cpus: os.availableParallelism(),
      }),
    );
    ws.close();
    if (checks.some((c) => c !== 0 && c !== 3)) process.exitCode = 1;
  } finally {
    if (process.env.HSKC_BENCH_KEEP !== '1') rmSync(base, { recursive: true, force: true });
    else console.log(`Giữ lại: ${base}`);
  }
}

await main();
