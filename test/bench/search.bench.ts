/**
 * Search in a large library: 20,000 documents with 1–3 KB of extracted text each, linked to a
 * 2,000-leaf tree's worth of nodes. Every query goes through evidence.list (the contract, the
 * FTS index, the filters and one page of 50 results with their links). Target: < 50 ms per
 * query; prints the median and the 95th percentile.
 *
 *   npx tsx test/bench/search.bench.ts [documents]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Input } from '../../shared/api';
import { createCore } from '../../electron/core';
import { openWorkspace } from '../../electron/core/workspace';
import { tx } from '../../electron/core/db/open';
import { insertDocument } from '../../electron/core/evidence/repo';
import { reindex } from '../../electron/core/evidence/search';
import { seededRandom } from '../../shared/random';

const count = Number(process.argv[2] ?? 20_000);
const fmt = (n: number, d = 1) => n.toFixed(d).replace('.', ',');

const rand = seededRandom(20260101);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const TYPES = [
  ['KH', 'KẾ HOẠCH'],
  ['QĐ', 'QUYẾT ĐỊNH'],
  ['BC', 'BÁO CÁO'],
  ['TB', 'THÔNG BÁO'],
  ['CV', ''],
  ['HD', 'HƯỚNG DẪN'],
  ['TTr', 'TỜ TRÌNH'],
  ['NQ', 'NGHỊ QUYẾT'],
] as const;
const PLACES = [
  'Vị Xuyên',
  'Văn Quan',
  'Bắc Sơn',
  'Đông Kinh',
  'Tam Thanh',
  'Hoàng Văn Thụ',
  'Chi Lăng',
  'Đình Lập',
  'Lộc Bình',
  'Tràng Định',
];
const TOPICS = [
  'cải cách hành chính',
  'cải thiện Chỉ số PAPI',
  'nâng cao Chỉ số hài lòng SIPAS',
  'kiểm soát thủ tục hành chính',
  'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'tuyên truyền cải cách hành chính',
  'đào tạo, bồi dưỡng cán bộ, công chức',
  'kiểm tra công tác cải cách hành chính',
  'thực hiện cơ chế một cửa, một cửa liên thông',
  'xây dựng chính quyền số',
  'rà soát, hệ thống hóa văn bản quy phạm pháp luật',
  'theo dõi thi hành pháp luật',
  'quy chế chi tiêu nội bộ',
  'đánh giá, xếp loại chất lượng cán bộ, công chức',
];
const SENTENCES = [
  'Ủy ban nhân dân {p} triển khai đồng bộ các nhiệm vụ {t} năm {y}.',
  'Các cơ quan, đơn vị chủ động rà soát, tham mưu, đề xuất giải pháp {t}.',
  'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn đạt {n}%; không có hồ sơ trễ hạn.',
  'Căn cứ Kế hoạch số {k}/KH-UBND ngày {d} của Ủy ban nhân dân tỉnh về {t}.',
  'Văn phòng HĐND và UBND là đầu mối theo dõi, đôn đốc, tổng hợp, báo cáo kết quả.',
  'Tổ chức kiểm tra {n} cơ quan, đơn vị; kịp thời chấn chỉnh những tồn tại, hạn chế.',
  'Đẩy mạnh ứng dụng công nghệ thông tin, dịch vụ công trực tuyến toàn trình.',
  'Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm {y}.',
  'Phòng Nội vụ chủ trì, phối hợp với các phòng, ban chuyên môn thực hiện.',
  'Người đứng đầu cơ quan chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân về kết quả thực hiện.',
];

function fill(s: string, place: string, topic: string, year: number): string {
  return s
    .replace('{p}', place)
    .replace('{t}', topic)
    .replace('{y}', String(year))
    .replace('{n}', String(int(50, 100)))
    .replace('{k}', String(int(1, 3000)))
    .replace('{d}', `${int(1, 28)}/${int(1, 12)}/${year - 1}`);
}

// HSKC_BENCH_KEEP=<dir> keeps (and reuses) the generated workspace, for profiling.
const keep = process.env.HSKC_BENCH_KEEP;
const root = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), 'hskc-bench-search-'));
const dir = path.join(root, 'ws');
try {
  if (!keep || !existsSync(dir)) await generate();
  await measure();
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
}

async function generate() {
  const setup = createCore({ dataDir: dir });
  await setup.dispatch('workspace.init', {
    frameworkId: 'demo-par-phuong-minh-hoa',
    year: 2026,
    unit: { name: 'UBND phường Đông Kinh', level: 'xa' },
  });
  setup.close();

  // Rows are written the way intake writes them after analysis (row + links + FTS).
  const t0 = performance.now();
  const w = openWorkspace(dir);
  const leaves = w.db
    .prepare(
      'SELECT id, code FROM node WHERE id NOT IN (SELECT parent_id FROM node WHERE parent_id IS NOT NULL)',
    )
    .all() as { id: number; code: string }[];
  const link = w.db.prepare(
    'INSERT OR IGNORE INTO document_link (node_id, document_id, position, created_at) VALUES (?, ?, 0, ?)',
  );
  let textBytes = 0;
  tx(w.db, () => {
    for (let i = 0; i < count; i++) {
      const [type, heading] = pick(TYPES);
      const place = pick(PLACES);
      const topic = pick(TOPICS);
      const year = int(2019, 2026);
      const num = int(1, 3000);
      const number = type === 'CV' ? `${num}/UBND-VP` : `${num}/${type}-UBND`;
      const subject = `${type === 'CV' ? 'V/v ' : ''}${topic[0]!.toUpperCase()}${topic.slice(1)} trên địa bàn ${place} năm ${year}`;
      const body = [
        `ỦY BAN NHÂN DÂN\n${place.toUpperCase()}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc`,
        `Số: ${number}\n${place}, ngày ${int(1, 28)} tháng ${int(1, 12)} năm ${year}`,
        heading,
        subject,
        ...Array.from({ length: int(10, 28) }, () =>
          fill(pick(SENTENCES), place, pick(TOPICS), year),
        ),
      ].join('\n');
      textBytes += Buffer.byteLength(body);
      const id = insertDocument(w.db, {
        sha256: createHash('sha256').update(String(i)).digest('hex'),
        size: int(50_000, 5_000_000),
        fileKind: 'pdf',
        mime: 'application/pdf',
        originalName: `${type} ${num} ${place}.pdf`,
        pages: int(1, 12),
        encrypted: false,
        damaged: false,
        hasText: rand() > 0.15,
        text: body,
        docType: type,
        number,
        issuedOn: `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
        issuer: `Ủy ban nhân dân ${place}`,
        subject,
        draft: rand() < 0.03,
        note: null,
        metadataSource: 'auto',
        analysisStatus: 'done',
        analysisError: null,
        createdBy: 'Đo hiệu năng',
        officeId: null,
      });
      reindex(w.db, id);
      if (rand() < 0.8) link.run(pick(leaves).id, id, new Date().toISOString());
      if (rand() < 0.3) link.run(pick(leaves).id, id, new Date().toISOString());
    }
  });
  w.close();
  console.log(
    `Dữ liệu: ${count} tài liệu, ${fmt(textBytes / 1048576)} MB chữ, tạo trong ${fmt((performance.now() - t0) / 1000)} s`,
  );
}

async function measure() {
  const core = createCore({ dataDir: dir, readOnly: true });
  const node1 = (await core.dispatch('criteria.tree', {})) as {
    ok: true;
    data: { nodes: { id: number; code: string }[] };
  };
  const area3 = node1.data.nodes.find((n) => n.code === '3')!.id;
  const queries: [string, Input<'evidence.list'>][] = [
    ['quyet dinh 1234', { search: 'quyet dinh 1234' }],
    ['Quyết định số 1234/QĐ-UBND', { search: 'Quyết định số 1234/QĐ-UBND' }],
    ['154/KH-UBND', { search: '154/KH-UBND' }],
    ['kế hoạch cải cách hành chính', { search: 'kế hoạch cải cách hành chính' }],
    ['vi xuyen papi', { search: 'vi xuyen papi' }],
    ['đông kinh', { search: 'đông kinh' }],
    ['so hoa ho so', { search: 'so hoa ho so' }],
    ['kiem tra (rất phổ biến)', { search: 'kiem tra' }],
    ['c (một chữ cái)', { search: 'c' }],
    ['bao cao + năm 2024', { search: 'bao cao', year: 2024 }],
    ['QĐ năm 2025 (không tìm chữ)', { types: ['QĐ'], year: 2025 }],
    ['chưa liên kết', { unlinked: true }],
    ['lĩnh vực 3 và con', { nodeId: area3, descendants: true }],
    ['trang 100 (offset 5000)', { offset: 5000, limit: 50 }],
  ];
  const all: number[] = [];
  const rows: string[] = [];
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  for (const [label, input] of queries) {
    const times: number[] = [];
    let total = 0;
    for (let k = 0; k < 25; k++) {
      const t = performance.now();
      const r = await core.dispatch('evidence.list', input);
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
      total = (r.data as { total: number }).total;
    }
    times.shift(); // the first run compiles the statement
    all.push(...times);
    rows.push(
      `  ${label.padEnd(32)} ${String(total).padStart(6)} kết quả   trung vị ${fmt(pct(times, 0.5)).padStart(5)} ms   p95 ${fmt(pct(times, 0.95)).padStart(5)} ms`,
    );
  }
  core.close();
  console.log(rows.join('\n'));
  const med = pct(all, 0.5);
  const p95 = pct(all, 0.95);
  console.log(
    `Máy: ${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, tải trung bình ${os
      .loadavg()
      .map((x) => fmt(x))
      .join(' / ')}`,
  );
  console.log(
    `Tất cả truy vấn: trung vị ${fmt(med)} ms, p95 ${fmt(p95)} ms (mục tiêu < 50 ms) → ${p95 < 50 ? 'ĐẠT' : 'CHƯA ĐẠT'}`,
  );
  process.exitCode = p95 < 50 ? 0 : 1;
}
