import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvidenceFolder, type EvidenceFolderResult } from '../../electron/core/export/folder';
import { MAX_PATH_CHARS, NameRegistry } from '../../electron/core/export/folder-names';
import type { ExportPlan } from '../../electron/core/export/plan';
import { zipFolder } from '../../electron/core/export/zip';
import type { CheckInput } from '../../shared/check-model';
import { checkNode } from '../fixtures/check-input';
import { planFromCheckInput } from '../fixtures/export-plan';
import {
  buildExportWorkspace,
  FORBIDDEN_SUBJECT,
  LONG_SUBJECT,
  type ExportWorkspace,
} from '../fixtures/export-workspace';
import { ctx, tempDir } from '../helpers/workspace';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** Every file under `dir`, relative, forward slashes. */
function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(abs, base));
    else out.push(path.relative(base, abs).split(path.sep).join('/'));
  }
  return out.sort();
}

interface Manifest {
  format: string;
  pathsRelativeTo: string;
  asciiNames: boolean;
  assessment: { year: number; frameworkName: string };
  unit: { name: string } | null;
  summary: {
    files: number;
    documents: number;
    score: number;
    applicableMax: number;
    index: number | null;
  };
  nodes: {
    code: string;
    selfScore: number | null;
    appraised: number | null;
    notApplicable: boolean;
    naReason: string | null;
    explanation: string | null;
    total: { score: number; applicableMax: number };
    evidence: string[];
    folder: string | null;
  }[];
  documents: {
    id: number;
    sha256: string;
    number: string | null;
    issuedOn: string | null;
    subject: string | null;
    evidenceCodes: string[];
  }[];
  files: {
    path: string;
    evidenceCode: string;
    nodeCode: string;
    documentId: number;
    sha256: string;
    size: number;
    pages: number | null;
    relevantPages: string | null;
  }[];
  excluded: { documentId: number; reason: string; codes: string[] }[];
}

const readManifest = (folder: string) =>
  JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;

function hasSha256sum(): boolean {
  try {
    execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `sha256sum -c SHA256SUMS` in the folder where available; the same check in JS always. */
function verifySums(folder: string): void {
  const lines = readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8').split('\n').filter(Boolean);
  for (const l of lines) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(l);
    expect(m, l).not.toBeNull();
    expect(sha(path.join(folder, m![2]!)), m![2]).toBe(m![1]);
  }
  if (hasSha256sum()) {
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: folder, stdio: 'pipe' });
  } else {
    console.warn('sha256sum không có trên máy: chỉ kiểm tra SHA256SUMS bằng JavaScript.');
  }
}

let x: ExportWorkspace;

/** Where the folder put one of the fixture's documents for one node (relative to TLKC). */
function relOf(r: EvidenceFolderResult, docName: string, nodeCode: string): string {
  const node = x.plan.nodes.find((n) => n.code === nodeCode)!;
  const link = node.links.find((l) => l.documentId === x.docs[docName])!;
  return r.files.get(link.evidenceCode)!.replace(/^TLKC\//, '');
}

beforeAll(async () => {
  x = await buildExportWorkspace();
});
afterAll(() => x?.cleanup());

describe('upload folder (ASCII names)', () => {
  let out: string;
  let r: EvidenceFolderResult;
  beforeAll(async () => {
    out = path.join(x.root, 'out-ascii');
    r = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: true }, ctx);
  });

  it('puts each link under TLKC/<area>/<code>/<code>-<nn>_<subject>.<ext> and returns the map', () => {
    expect(r.folder).toBe(path.join(out, 'TLKC'));
    const links = x.plan.nodes.flatMap((n) => n.links.map((l) => ({ n, l })));
    expect(r.count).toBe(links.length);
    expect([...r.files.keys()].sort()).toEqual(links.map((k) => k.l.evidenceCode).sort());
    for (const { n, l } of links) {
      const rel = r.files.get(l.evidenceCode)!;
      const area = n.code.split('.')[0];
      expect(rel).toMatch(
        new RegExp(
          `^TLKC/${area}/${n.code.replace(/\./g, '\\.')}/${l.evidenceCode.replace(/\./g, '\\.')}(_[A-Za-z0-9-]+)?\\.(pdf|png)$`,
        ),
      );
      expect(sha(path.join(out, rel))).toBe(x.plan.documents.get(l.documentId)!.sha256);
    }
    expect(readdirSync(out)).toEqual(['TLKC']);
  });

  it('copies a document linked to several sub-criteria into each of their folders', () => {
    const shared = [...x.plan.documents.values()].find((d) => d.subject === FORBIDDEN_SUBJECT)!;
    const rels = x.plan.nodes.flatMap((n) =>
      n.links.filter((l) => l.documentId === shared.id).map((l) => r.files.get(l.evidenceCode)!),
    );
    expect(rels.map((p) => p.split('/')[2])).toEqual(['2.1.2', '2.2.1', '2.3.1']);
    for (const p of rels) expect(sha(path.join(out, p))).toBe(shared.sha256);
  });

  it('uses plain ASCII, no name twice (ignoring case), every path under 200 characters', () => {
    const all = listFiles(r.folder);
    for (const p of all) {
      expect(p).toMatch(/^[\x20-\x7e]+$/);
      expect(path.join(r.folder, p).length).toBeLessThan(MAX_PATH_CHARS);
    }
    expect(new Set(all.map((p) => p.toLowerCase())).size).toBe(all.length);
    // Two subjects that differ only in case and diacritics still get two files.
    const a = relOf(r, 'kh1-a.png', '2.1.1');
    const b = relOf(r, 'kh1-b.png', '2.1.1');
    expect(a).toMatch(
      /^2\/2\.1\.1\/2\.1\.1-\d\d_Ke-hoach-Ra-soat-van-ban-quy-pham-phap-luat-nam-2026\.png$/,
    );
    expect(b).toMatch(
      /^2\/2\.1\.1\/2\.1\.1-\d\d_Ke-hoach-RA-SOAT-VAN-BAN-QUY-PHAM-PHAP-LUAT-NAM-2026\.png$/,
    );
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
    const long = relOf(r, 'bc-long.png', '2.2.2');
    expect(path.basename(long).length).toBeLessThanOrEqual(9 + 60 + 4);
  });

  it('writes manifest.json with assessment, unit, scored nodes, document metadata and hashed files', () => {
    const m = readManifest(r.folder);
    expect(m.format).toBe('hskc-tlkc/1');
    expect(m.pathsRelativeTo).toBe('TLKC');
    expect(m.asciiNames).toBe(true);
    expect(m.assessment.year).toBe(2026);
    expect(m.unit?.name).toBe('UBND phường Đông Kinh');
    expect(m.nodes.map((n) => n.code)).toEqual(x.plan.nodes.map((n) => n.code));
    const n112 = m.nodes.find((n) => n.code === '1.1.2')!;
    expect(n112).toMatchObject({
      selfScore: 0.5,
      appraised: 0,
      explanation: 'Hoàn thành 85% kế hoạch',
    });
    expect(m.nodes.find((n) => n.code === '5.2')).toMatchObject({
      notApplicable: true,
      naReason: 'Trong năm không tuyển dụng công chức',
    });
    const n211 = m.nodes.find((n) => n.code === '2.1.1')!;
    expect(n211.folder).toBe('2/2.1.1');
    expect(n211.evidence).toEqual(
      x.plan.nodes.find((n) => n.code === '2.1.1')!.links.map((l) => l.evidenceCode),
    );
    expect(m.summary).toMatchObject({
      files: r.count,
      documents: x.plan.documents.size,
      score: x.plan.check.summary.score / 100,
      applicableMax: x.plan.check.summary.applicableMax / 100,
      index: x.plan.check.summary.index,
    });
    const long = m.documents.find((d) => d.subject === LONG_SUBJECT)!;
    expect(long).toMatchObject({ number: '77/BC-UBND', issuedOn: '2026-09-15' });
    expect(long.evidenceCodes).toHaveLength(1);
    expect(m.files).toHaveLength(r.count);
    for (const f of m.files) {
      const abs = path.join(r.folder, f.path);
      expect(statSync(abs).size).toBe(f.size);
      expect(sha(abs)).toBe(f.sha256);
      expect(`TLKC/${f.path}`).toBe(r.files.get(f.evidenceCode));
      // The file's page count (these are images: one page each), and the link's own pages.
      expect(f.pages, f.path).toBe(x.plan.documents.get(f.documentId)!.pages ?? 1);
    }
    expect(m.files.find((f) => f.evidenceCode.startsWith('2.3.1-'))?.relevantPages).toBe('1');
    expect(m.excluded).toEqual([]);
  });

  it('writes SHA256SUMS that `sha256sum -c` accepts, manifest included', () => {
    const sums = readFileSync(path.join(r.folder, 'SHA256SUMS'), 'utf8');
    expect(sums.endsWith('\n')).toBe(true);
    expect(sums.split('\n').filter(Boolean)).toHaveLength(r.count + 1);
    expect(sums).toMatch(/ {2}manifest\.json\n$/);
    verifySums(r.folder);
  });

  it('writes DOC-TRUOC.txt in Vietnamese for Notepad: UTF-8 BOM, CRLF, what is where', () => {
    const bytes = readFileSync(path.join(r.folder, 'DOC-TRUOC.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('HỒ SƠ TÀI LIỆU KIỂM CHỨNG (TLKC)');
    expect(text).toContain('sha256sum -c SHA256SUMS');
    expect(text).toContain('Tên tệp viết không dấu');
    for (const f of readManifest(r.folder).files) expect(text).toContain(f.path);
  });
});

describe('upload folder (Vietnamese names), long paths, re-export and cancel', () => {
  it('keeps Vietnamese letters (NFC) and strips what Windows forbids', async () => {
    const out = path.join(x.root, 'out-vi');
    const r = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: false }, ctx);
    const all = listFiles(r.folder);
    for (const p of all) {
      expect(p).toBe(p.normalize('NFC'));
      expect(p.split('/').some((seg) => /[<>:"\\|?*]/.test(seg))).toBe(false);
      expect(path.join(r.folder, p).length).toBeLessThan(MAX_PATH_CHARS);
    }
    expect(relOf(r, 'kh1-a.png', '2.1.1')).toMatch(
      /^2\/2\.1\.1\/2\.1\.1-\d\d_Kế hoạch Rà soát văn bản quy phạm pháp luật năm 2026\.png$/,
    );
    expect(relOf(r, 'bc-forbidden.png', '2.1.2')).toMatch(
      /^2\/2\.1\.2\/2\.1\.2-\d\d_Báo cáo kết quả rà soát văn bản QPPL quý 1 đợt 2\.png$/,
    );
    expect(readManifest(r.folder).asciiNames).toBe(false);
    expect(readFileSync(path.join(r.folder, 'DOC-TRUOC.txt'), 'utf8')).toContain(
      'Tên tệp viết tiếng Việt có dấu',
    );
    verifySums(r.folder);
  });

  it('shortens subjects so every path stays under 200 characters in a deep output folder', async () => {
    const deep = path.join(
      x.root,
      'Hồ sơ cải cách hành chính',
      'Năm 2026 - gửi Sở Nội vụ',
      'Bản chính thức đã rà soát lần cuối',
    );
    const out = path.join(deep, 'x'.repeat(Math.max(1, 130 - deep.length)));
    expect(out.length).toBeGreaterThanOrEqual(130);
    const r = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: false }, ctx);
    const all = listFiles(r.folder);
    for (const p of all) expect(path.join(r.folder, p).length).toBeLessThan(MAX_PATH_CHARS);
    const long = relOf(r, 'bc-long.png', '2.2.2');
    // Cut at a word, as long as the path allows.
    expect(path.join(r.folder, long).length).toBeGreaterThan(MAX_PATH_CHARS - 15);
    expect(path.basename(long)).toMatch(/^2\.2\.2-\d\d_Báo cáo tổng hợp [^.]*[^ ]\.png$/);
    verifySums(r.folder);
  });

  it('refuses an output folder so deep that not even the codes fit, and creates nothing', async () => {
    const out = path.join(x.root, 'sau', 'y'.repeat(185 - x.root.length));
    await expect(
      writeEvidenceFolder(x.plan, { outDir: out, asciiNames: true }, ctx),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/quá dài/),
    });
    expect(existsSync(out)).toBe(false);
  });

  it('replaces an earlier export; a cancelled export leaves the earlier one intact and no temp folder', async () => {
    const out = path.join(x.root, 'out-again');
    // A crashed export's temporary folder is cleared once it is old enough to be abandoned.
    mkdirSync(path.join(out, '.tlkc-Ab12Cd', '1'), { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(out, '.tlkc-Ab12Cd'), hourAgo, hourAgo);
    const first = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: false }, ctx);
    expect(readdirSync(out)).toEqual(['TLKC']);
    const second = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: true }, ctx);
    expect(second.folder).toBe(first.folder);
    expect(readdirSync(out)).toEqual(['TLKC']);
    expect(readManifest(second.folder).asciiNames).toBe(true);
    expect(listFiles(second.folder).every((p) => /^[\x20-\x7e]+$/.test(p))).toBe(true);

    const ac = new AbortController();
    let calls = 0;
    await expect(
      writeEvidenceFolder(
        x.plan,
        { outDir: out, asciiNames: false },
        { signal: ac.signal, progress: () => (++calls === 2 ? ac.abort() : undefined) },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(out)).toEqual(['TLKC']);
    expect(readManifest(second.folder).asciiNames).toBe(true);
    verifySums(second.folder);

    const fresh = path.join(x.root, 'out-cancel');
    const ac2 = new AbortController();
    await expect(
      writeEvidenceFolder(
        x.plan,
        { outDir: fresh, asciiNames: true },
        { signal: ac2.signal, progress: () => ac2.abort() },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('zips the folder: UTF-8 names flagged, every file once, temp name renamed; cancel leaves no zip', async () => {
    const out = path.join(x.root, 'out-zip');
    const r = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: false }, ctx);
    const zipFile = path.join(out, 'TLKC 2026.zip');
    await zipFolder(r.folder, zipFile, ctx);
    expect(readdirSync(out).sort()).toEqual(['TLKC', 'TLKC 2026.zip']);
    const entries = await new Promise<{ name: string; flags: number; sha: string }[]>(
      (resolve, reject) => {
        const list: { name: string; flags: number; sha: string }[] = [];
        yauzl.open(zipFile, { lazyEntries: true }, (err, zip) => {
          if (err || !zip) return reject(err ?? new Error('no zip'));
          zip.on('entry', (e: yauzl.Entry) => {
            zip.openReadStream(e, (err2, s) => {
              if (err2 || !s) return reject(err2 ?? new Error('no stream'));
              const hash = createHash('sha256');
              s.on('data', (c: Buffer) => hash.update(c));
              s.on('end', () => {
                list.push({
                  name: e.fileName,
                  flags: e.generalPurposeBitFlag,
                  sha: hash.digest('hex'),
                });
                zip.readEntry();
              });
            });
          });
          zip.on('end', () => resolve(list));
          zip.readEntry();
        });
      },
    );
    const files = listFiles(r.folder);
    expect(entries.map((e) => e.name).sort()).toEqual(files.map((f) => `TLKC/${f}`).sort());
    for (const e of entries) {
      expect(e.flags & 0x800).toBe(0x800);
      expect(e.sha).toBe(sha(path.join(out, e.name)));
    }
    expect(entries.some((e) => e.name.includes('Kế hoạch'))).toBe(true);

    const ac = new AbortController();
    const zip2 = path.join(out, 'lan-2.zip');
    const running = zipFolder(r.folder, zip2, { signal: ac.signal, progress: () => {} });
    ac.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(
      zipFolder(r.folder, zip2, { signal: ac.signal, progress: () => {} }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(out).sort()).toEqual(['TLKC', 'TLKC 2026.zip']);
  });
});

describe('upload folder from plans the app rarely makes', () => {
  const node = (id: number, parentId: number | null, code: string, maxPoints: number | null) =>
    checkNode(id, parentId, code, null, { title: `Tiêu chí ${code}`, maxPoints });
  const doc = (id: number, subject: string) => ({
    id,
    title: `tai-lieu-${id}.pdf`,
    fileKind: 'pdf' as const,
    docType: 'KH',
    number: `${id}/KH-UBND`,
    issuedOn: '2024-03-01',
    subject,
    draft: false,
    isScan: false,
    encrypted: false,
    damaged: false,
    sizeBytes: 1000,
    fileStatus: 'ok' as const,
  });
  const input = (): CheckInput => ({
    year: 2024,
    today: '2024-11-01',
    uploadLimitBytes: 0,
    // Codes that collide as folder names: "a)" and "A)", two "-" rows, a device name.
    nodes: [
      node(1, null, '1', 400),
      node(2, 1, 'a)', 100),
      node(3, 1, 'A)', 100),
      node(4, 1, '-', 100),
      node(5, 1, '-', 100),
      node(6, null, 'CON', 100),
    ],
    scores: [],
    documents: [doc(1, 'Kế hoạch số 1'), doc(2, 'KẾ HOẠCH SỐ 1'), doc(3, 'Báo cáo')],
    links: [
      { nodeId: 2, documentId: 1, slot: null },
      { nodeId: 3, documentId: 2, slot: null },
      { nodeId: 4, documentId: 1, slot: null },
      { nodeId: 5, documentId: 2, slot: null },
      { nodeId: 6, documentId: 3, slot: null },
    ],
    offices: [],
  });

  it('keeps folders apart when codes differ only in case or repeat, and avoids device names', async () => {
    const t = tempDir();
    try {
      const plan: ExportPlan = planFromCheckInput(input(), { fileDir: path.join(t.dir, 'store') });
      const r = await writeEvidenceFolder(
        plan,
        { outDir: path.join(t.dir, 'out'), asciiNames: true },
        ctx,
      );
      const files = readManifest(r.folder).files.map((f) => f.path);
      expect(files).toEqual([
        '1/a)/a)-01_Ke-hoach-so-1.pdf',
        '1/A)-2/A)-01_KE-HOACH-SO-1.pdf',
        '1/-/--01_Ke-hoach-so-1.pdf',
        '1/--2/--01_KE-HOACH-SO-1.pdf',
        '_CON/_CON/CON-01_Ke-hoach-Bao-cao.pdf',
      ]);
      const all = listFiles(r.folder);
      expect(new Set(all.map((p) => p.toLowerCase())).size).toBe(all.length);
      verifySums(r.folder);
    } finally {
      t.cleanup();
    }
  });

  it('leaves out a document whose stored file is damaged or gone, and says so', async () => {
    const t = tempDir();
    try {
      const plan = planFromCheckInput(input(), { fileDir: path.join(t.dir, 'store') });
      const d1 = plan.documents.get(1)!;
      const bytes = readFileSync(d1.file);
      bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff; // same size, different content
      writeFileSync(d1.file, bytes);
      rmSync(plan.documents.get(3)!.file);
      const r = await writeEvidenceFolder(
        plan,
        { outDir: path.join(t.dir, 'out'), asciiNames: true },
        ctx,
      );
      expect(r.excluded.map((e) => [e.documentId, e.codes, e.reason])).toEqual([
        [1, ['a)-01', '--01'], 'Tệp đã bị hỏng (không khớp mã băm lúc thêm vào).'],
        [3, ['CON-01'], 'Tệp không còn trong kho lưu trữ của hồ sơ.'],
      ]);
      const m = readManifest(r.folder);
      expect(m.files.map((f) => f.documentId)).toEqual([2, 2]);
      expect(m.excluded).toHaveLength(2);
      expect(readFileSync(path.join(r.folder, 'DOC-TRUOC.txt'), 'utf8')).toContain(
        'TÀI LIỆU KHÔNG ĐƯA VÀO',
      );
      expect(listFiles(r.folder).filter((p) => p.endsWith('.pdf'))).toHaveLength(2);
      verifySums(r.folder);
    } finally {
      t.cleanup();
    }
  });

  it('hands out unique names per folder, ignoring case', () => {
    const names = new NameRegistry();
    expect(names.claim('x', (s) => `Ke-hoach${s}.pdf`)).toBe('Ke-hoach.pdf');
    expect(names.claim('X', (s) => `KE-HOACH${s}.pdf`)).toBe('KE-HOACH-2.pdf');
    expect(names.claim('y', (s) => `KE-HOACH${s}.pdf`)).toBe('KE-HOACH.pdf');
  });
});
