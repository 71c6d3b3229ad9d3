/**
 * Intake of a large batch: 1,000 PDFs (mostly image-only scans, ≥ 1 GB in all) added with
 * evidence.add, against `sha256sum` + `cp` of the same files in the same run. Target: at most
 * 1,5× the baseline. Reading the files' content (pages, text, metadata) continues in the
 * background and is not counted.
 *
 *   npx tsx test/bench/intake.bench.ts [count] [totalMB]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { imagePdf, textPdf } from '../fixtures/pdf-bytes';

const count = Number(process.argv[2] ?? 1000);
const totalMb = Number(process.argv[3] ?? 1100);
const fmt = (n: number, d = 2) => n.toFixed(d).replace('.', ',');

const root = mkdtempSync(path.join(os.tmpdir(), 'hskc-bench-intake-'));
try {
  // 9 in 10 are scans of 0,3–2 MB; the rest small text PDFs (letters, decisions).
  const src = path.join(root, 'src');
  mkdirSync(src);
  const files: string[] = [];
  const scans = Math.round(count * 0.9);
  const avg = (totalMb * 1048576) / scans;
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const file = path.join(src, `tai-lieu-${String(i).padStart(4, '0')}.pdf`);
    const data =
      i < scans
        ? imagePdf(Math.round(avg * (0.3 + (1.4 * ((i * 7919) % 1000)) / 1000)))
        : textPdf([[`Cong van so ${i}/UBND-VP`, 'V/v bao cao ket qua cai cach hanh chinh']]);
    writeFileSync(file, data);
    bytes += data.length;
    files.push(file);
  }
  console.log(
    `Dữ liệu: ${count} tệp PDF, ${fmt(bytes / 1e9)} GB (tạo trong ${fmt((performance.now() - t0) / 1000, 1)} s)`,
  );

  // Same starting point for every measurement: sources in the page cache, nothing left to
  // write back from the previous step.
  const settle = () => {
    for (const f of files) readFileSync(f);
    spawnSync('sync');
  };

  const baseline = (withSync: boolean) => {
    const dest = path.join(root, `cp-${withSync ? 'sync' : 'plain'}`);
    mkdirSync(dest);
    const t = performance.now();
    const a = spawnSync('sha256sum', files, { stdio: ['ignore', 'ignore', 'inherit'] });
    const b = spawnSync('cp', [...files, dest], { stdio: 'inherit' });
    if (withSync) spawnSync('sync', [dest], { stdio: 'inherit' });
    const ms = performance.now() - t;
    if (a.status !== 0 || b.status !== 0) throw new Error('sha256sum/cp thất bại');
    rmSync(dest, { recursive: true, force: true });
    return ms;
  };

  const ours = async () => {
    const dir = path.join(root, `ws-${Math.random().toString(36).slice(2)}`);
    const core = createCore({ dataDir: dir, actor: { name: 'Đo hiệu năng', office: null } });
    try {
      await core.dispatch('workspace.init', {
        frameworkId: 'demo-par-phuong-minh-hoa',
        year: 2026,
        unit: { name: 'UBND phường Đông Kinh', level: 'xa' },
      });
      const t = performance.now();
      const r = await core.dispatch('evidence.add', {
        files: files.map((p) => ({ path: p })),
        analyse: 'background',
      });
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(r.error.message);
      const s = (r.data as { summary: { added: number; refused: number; pendingAnalysis: number } })
        .summary;
      if (s.added !== count) throw new Error(`chỉ thêm được ${s.added}/${count} tệp`);
      return { ms, pending: s.pendingAnalysis };
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  // Alternate the two so neither profits from running last.
  const base: number[] = [];
  const baseSync: number[] = [];
  const mine: number[] = [];
  let pending = 0;
  for (let round = 0; round < 3; round++) {
    settle();
    base.push(baseline(false));
    settle();
    const r = await ours();
    mine.push(r.ms);
    pending = r.pending;
    settle();
    baseSync.push(baseline(true));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(mine) / median(base);
  console.log(
    `sha256sum + cp:          ${fmt(median(base) / 1000)} s (lần đo: ${base.map((x) => fmt(x / 1000)).join('; ')})`,
  );
  console.log(
    `sha256sum + cp + sync:   ${fmt(median(baseSync) / 1000)} s (lần đo: ${baseSync.map((x) => fmt(x / 1000)).join('; ')})`,
  );
  console.log(
    `evidence.add:            ${fmt(median(mine) / 1000)} s (lần đo: ${mine.map((x) => fmt(x / 1000)).join('; ')}); ${pending} tệp chờ đọc nội dung trong nền`,
  );
  console.log(`Thông lượng:             ${fmt(bytes / 1048576 / (median(mine) / 1000), 0)} MB/s`);
  console.log(
    `Máy: ${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, tải trung bình ${os
      .loadavg()
      .map((x) => fmt(x))
      .join(' / ')}`,
  );
  console.log(
    `Tỉ lệ so với sha256sum + cp: ${fmt(ratio)}× (mục tiêu ≤ 1,5×) → ${ratio <= 1.5 ? 'ĐẠT' : 'CHƯA ĐẠT'}`,
  );
  console.log(`Tỉ lệ so với sha256sum + cp + sync: ${fmt(median(mine) / median(baseSync))}×`);
  console.log(
    `(kích thước thư mục nguồn: ${fmt(files.reduce((s, f) => s + statSync(f).size, 0) / 1e9)} GB)`,
  );
  process.exitCode = ratio <= 1.5 ? 0 : 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
