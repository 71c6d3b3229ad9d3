import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { api, type Input } from '../../shared/api';
import { writeEvidenceCorpus, type EvidenceCorpus } from '../fixtures/evidence-corpus';
import { storedZip } from '../fixtures/stored-zip';
import { textPdf } from '../fixtures/pdf-bytes';
import { tempDir, testCore, callOk } from '../helpers/workspace';

const tmp = tempDir('hskc-evidence-');
let corpus: EvidenceCorpus;
const cores: Core[] = [];

beforeAll(async () => {
  corpus = await writeEvidenceCorpus(path.join(tmp.dir, 'corpus'));
});
afterAll(() => {
  for (const c of cores) c.close();
  tmp.cleanup();
});

let n = 0;
/** A new workspace on the illustrative PAR tree, without the demo's documents. */
async function workspace(): Promise<{ core: Core; dir: string; node: (code: string) => number }> {
  const dir = path.join(tmp.dir, `ws-${++n}`);
  const core = testCore(dir);
  cores.push(core);
  await call(core, 'workspace.init', {
    frameworkId: 'demo-par-phuong-minh-hoa',
    year: 2026,
    unit: { name: 'UBND phường Đông Kinh', level: 'xa' },
    offices: ['Văn phòng HĐND và UBND', 'Phòng Văn hóa - Xã hội'],
  });
  const tree = await call(core, 'criteria.tree', {});
  const node = (code: string) => tree.nodes.find((x) => x.code === code)!.id;
  return { core, dir, node };
}

const call = callOk;

const doc = (name: string) => corpus.docs.find((d) => d.fileName === name)!.path;
const ref = (p: string) => ({ path: p });
const storeFiles = (dir: string) =>
  (existsSync(path.join(dir, 'files'))
    ? readdirSync(path.join(dir, 'files'), { recursive: true, withFileTypes: true })
    : []
  )
    .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
    .map((e) => path.basename(e.parentPath) + e.name);

describe('intake', () => {
  it('accepts every evidence format, reading pages, text and metadata', async () => {
    const { core } = await workspace();
    const s = corpus.special;
    const files = [
      doc('154_KH-UBND_PAPI_2021.pdf'),
      s.twoPagePdf,
      s.png,
      s.jpeg,
      doc('QD-2105-UBND.docx'),
      s.xlsx,
      s.doc,
      s.xls,
      s.odt,
      s.ods,
    ];
    const r = await call(core, 'evidence.add', { files: files.map(ref) });
    expect(r.summary).toMatchObject({ total: 10, added: 10, refused: 0, pendingAnalysis: 0 });
    const kinds = r.results.map((x) => x.document!.fileKind);
    expect(kinds).toEqual([
      'pdf',
      'pdf',
      'png',
      'jpeg',
      'docx',
      'xlsx',
      'doc',
      'xls',
      'odt',
      'ods',
    ]);
    const [kh, two, png] = r.results.map((x) => x.document!);
    expect(kh).toMatchObject({
      pages: 1,
      hasText: true,
      isScan: false,
      docType: 'KH',
      docTypeName: 'Kế hoạch',
      number: '154/KH-UBND',
      issuedOn: '2021-05-31',
      issuer: 'Ủy ban nhân dân huyện Vị Xuyên',
      draft: false,
      metadataSource: 'auto',
      analysisStatus: 'done',
      mime: 'application/pdf',
      originalName: '154_KH-UBND_PAPI_2021.pdf',
      officeName: 'Văn phòng HĐND và UBND',
      createdBy: 'Kiểm thử',
      warnings: [],
    });
    expect(two!.pages).toBe(2);
    expect(png).toMatchObject({ pages: 1, mime: 'image/png', isScan: false });
    const docx = r.results[4]!.document!;
    expect(docx).toMatchObject({ docType: 'QĐ', number: '2105/QĐ-UBND', hasText: true });
    const text = await call(core, 'evidence.text', { documentId: kh!.id });
    expect(text.text).toContain('Vị Xuyên');
    expect(text.text).toBe(text.text.normalize('NFC'));
  });

  it('refuses what cannot be evidence, with one Vietnamese reason each, storing nothing', async () => {
    const { core, dir } = await workspace();
    const s = corpus.special;
    const cases: [string, RegExp][] = [
      [s.truncatedPdf, /Tệp PDF bị hỏng hoặc không đầy đủ/],
      [s.garbagePdf, /Tệp PDF bị hỏng/],
      [s.empty, /^Tệp rỗng/],
      [s.exeAsPdf, /Tệp thực thi \(\.exe\)/],
      [s.elf, /Tệp thực thi \(ELF/],
      [s.script, /Tệp lệnh/],
      [s.zip, /Tệp nén \(\.zip\).*giải nén/],
      [s.rar, /Tệp nén \(\.rar\)/],
      [s.sevenZip, /Tệp nén \(\.7z\)/],
      [s.gz, /Tệp nén \(\.gz\)/],
      [s.pptx, /trình chiếu/],
      [s.msi, /Tệp thực thi \(\.msi\)/],
      [s.text, /Không nhận ra định dạng tệp/],
      [path.join(tmp.dir, 'khong-co.pdf'), /Không tìm thấy tệp/],
    ];
    const r = await call(core, 'evidence.add', { files: cases.map(([p]) => ref(p)) });
    expect(r.summary).toMatchObject({ total: cases.length, added: 0, refused: cases.length });
    r.results.forEach((x, i) => {
      expect(x.status).toBe('refused');
      expect(x.reason, x.fileName).toMatch(cases[i]![1]);
      expect(x.document).toBeNull();
    });
    expect(storeFiles(dir)).toEqual([]);
    expect((await call(core, 'evidence.list', {})).total).toBe(0);
  });

  it('refuses an uncompressed ZIP holding a program and a PDF, even named .pdf', async () => {
    const { core, dir } = await workspace();
    const mz = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
    const file = path.join(tmp.dir, 'QD-35-UBND.pdf');
    writeFileSync(
      file,
      storedZip([
        ['setup.exe', mz],
        ['QD-35-UBND.pdf', textPdf([['Quyết định số 35/QĐ-UBND']])],
      ]),
    );
    expect(readFileSync(file).subarray(0, 1024).toString('latin1')).toContain('%PDF-');
    const r = await call(core, 'evidence.add', { files: [ref(file)] });
    expect(r.summary).toMatchObject({ total: 1, added: 0, refused: 1 });
    expect(r.results[0]!.reason).toMatch(/^Tệp nén \(\.zip\) không được nhận.*giải nén/);
    expect(storeFiles(dir)).toEqual([]);
  });

  it('keeps a password-protected PDF flagged, and marks a scan', async () => {
    const { core } = await workspace();
    const r = await call(core, 'evidence.add', {
      files: [ref(corpus.special.encryptedPdf), ref(corpus.special.scanPdf)],
    });
    const [enc, scan] = r.results;
    expect(enc).toMatchObject({ status: 'added' });
    expect(enc!.document).toMatchObject({ encrypted: true, pages: null, analysisStatus: 'done' });
    expect(enc!.warnings.join(' ')).toMatch(/mật khẩu.*không thể đưa vào hồ sơ gửi Sở Nội vụ/);
    expect(scan!.document).toMatchObject({ isScan: true, hasText: false, pages: 1 });
    expect(scan!.warnings.join(' ')).toMatch(/Bản scan/);
    const scans = await call(core, 'evidence.list', { scan: true });
    expect(scans.items.map((d) => d.id)).toEqual([scan!.document!.id]);
  });

  it('refuses files over the size limit before copying them, and flags upload-limit breakers', async () => {
    const { core, dir } = await workspace();
    await call(core, 'settings.set', { maxFileMb: 1, uploadWarnMb: 1 });
    const big = path.join(tmp.dir, 'lon.pdf');
    writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 32)]));
    const r = await call(core, 'evidence.add', { files: [ref(big)] });
    expect(r.results[0]!.reason).toMatch(/^Tệp 1,1 MB vượt quá giới hạn 1 MB cho mỗi tệp/);
    expect(storeFiles(dir)).toEqual([]);

    await call(core, 'settings.set', { maxFileMb: 200 });
    const ok = textPdf([['Bao cao ket qua'], ...Array.from({ length: 3 }, () => ['x'.repeat(80)])]);
    const padded = path.join(tmp.dir, 'bao-cao-lon.pdf');
    // Comments after %%EOF keep it a valid PDF while making it larger than the upload limit.
    writeFileSync(
      padded,
      Buffer.concat([ok, Buffer.alloc(1_100_000, 32), Buffer.from('\n%%EOF\n')]),
    );
    const added = await call(core, 'evidence.add', { files: [ref(padded)] });
    expect(added.results[0]!.document!.overUploadLimit).toBe(true);
    expect(added.results[0]!.warnings.join(' ')).toMatch(/lớn hơn giới hạn tải lên 1 MB/);
  });

  it('stores the same content once and links the existing document', async () => {
    const { core, dir, node } = await workspace();
    const copy = path.join(tmp.dir, 'ban-sao-ke-hoach.pdf');
    writeFileSync(copy, readFileSync(doc('154_KH-UBND_PAPI_2021.pdf')));
    const first = await call(core, 'evidence.add', {
      files: [ref(doc('154_KH-UBND_PAPI_2021.pdf'))],
      nodeId: node('1.1.1'),
      slot: 'kế hoạch',
    });
    const id = first.results[0]!.document!.id;
    const again = await call(core, 'evidence.add', { files: [ref(copy)], nodeId: node('1.3.1') });
    expect(again.results[0]).toMatchObject({ status: 'duplicate', linked: true });
    expect(again.results[0]!.document!.id).toBe(id);
    expect(again.results[0]!.reason).toBe(
      'Tệp này đã có trong thư viện (Kế hoạch số 154/KH-UBND); đã liên kết tài liệu sẵn có.',
    );
    const same = await call(core, 'evidence.add', { files: [ref(copy)], nodeId: node('1.3.1') });
    expect(same.results[0]!.reason).toMatch(/đã được liên kết với tiêu chí 1\.3\.1 từ trước/);
    // Twice in one batch: one document.
    const batch = await call(core, 'evidence.add', {
      files: [ref(doc('HD08.pdf')), ref(doc('HD08.pdf'))],
    });
    expect(batch.results.map((x) => x.status)).toEqual(['added', 'duplicate']);
    const detail = await call(core, 'evidence.get', { documentId: id });
    expect(detail.links.map((l) => [l.code, l.slot])).toEqual([
      ['1.1.1', 'Kế hoạch'],
      ['1.3.1', null],
    ]);
    expect(storeFiles(dir)).toHaveLength(2);
  });

  it('lets given metadata win over what is read, in both reading modes', async () => {
    const { core } = await workspace();
    const given = {
      docType: 'qd',
      number: ' 99 / QĐ - UBND ',
      issuedOn: '01/02/2024',
      note: 'Bản chính',
    };
    const now = await call(core, 'evidence.add', {
      files: [ref(doc('154_KH-UBND_PAPI_2021.pdf'))],
      metadata: given,
      analyse: 'wait',
    });
    const later = await call(core, 'evidence.add', {
      files: [ref(doc('QD 1234 ban hanh KH CCHC.pdf'))],
      metadata: { ...given, issuer: 'UBND phường Đông Kinh' },
      analyse: 'background',
    });
    expect(later.summary.pendingAnalysis).toBe(1);
    expect(later.results[0]!.document).toMatchObject({
      analysisStatus: 'pending',
      number: '99/QĐ-UBND',
    });
    const status = await call(core, 'evidence.analysisStatus', { waitMs: 60_000 });
    expect(status).toMatchObject({ pending: 0, running: 0 });
    const a = await call(core, 'evidence.get', { documentId: now.results[0]!.document!.id });
    const b = await call(core, 'evidence.get', { documentId: later.results[0]!.document!.id });
    for (const d of [a, b]) {
      expect(d).toMatchObject({
        docType: 'QĐ',
        number: '99/QĐ-UBND',
        issuedOn: '2024-02-01',
        note: 'Bản chính',
        metadataSource: 'auto',
        analysisStatus: 'done',
      });
    }
    // What was not given comes from the file.
    expect(a.subject).toMatch(/^Cải thiện và nâng cao Chỉ số hiệu quả quản trị/);
    expect(b).toMatchObject({ issuer: 'UBND phường Đông Kinh', pages: 2 });
    expect(b.subject).toMatch(/ban hành Kế hoạch cải cách hành chính năm 2024/);

    const edited = await call(core, 'evidence.update', {
      documentId: a.id,
      metadata: { subject: '  Kế hoạch   PAPI  ', draft: true, issuedOn: '' },
    });
    expect(edited).toMatchObject({
      subject: 'Kế hoạch PAPI',
      draft: true,
      issuedOn: null,
      metadataSource: 'user',
    });
    expect(edited.warnings.join(' ')).toMatch(/dự thảo/);
    const bad = await core.dispatch('evidence.update', {
      documentId: a.id,
      metadata: { issuedOn: '31/02/2024' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bulk = await call(core, 'evidence.bulkUpdate', {
      documentIds: [a.id, b.id],
      metadata: { issuer: 'Ủy ban nhân dân phường Đông Kinh' },
    });
    expect(bulk.updated).toBe(2);
    expect(await call(core, 'evidence.issuers', { query: 'dong kinh' })).toEqual([
      { name: 'Ủy ban nhân dân phường Đông Kinh', count: 2 },
    ]);
  });

  it('takes uploads from the web host and discards them once stored', async () => {
    const { core, dir } = await workspace();
    const up = await call(core, 'uploads.put', {
      name: 'anh-chup.png',
      dataBase64: readFileSync(corpus.special.png).toString('base64'),
    });
    const r = await call(core, 'evidence.add', { files: [{ uploadId: up.uploadId }] });
    expect(r.results[0]).toMatchObject({ status: 'added', fileName: 'anh-chup.png' });
    expect(existsSync(path.join(dir, '.uploads', up.uploadId))).toBe(false);
    const content = await call(core, 'evidence.content', {
      documentId: r.results[0]!.document!.id,
    });
    expect(content).toMatchObject({ name: 'anh-chup.png', mime: 'image/png' });
    expect(Buffer.from(content.base64, 'base64').equals(readFileSync(corpus.special.png))).toBe(
      true,
    );
  });

  it('stops on cancel with the library consistent: added files stay, nothing half-written', async () => {
    const { core, dir } = await workspace();
    const files = Array.from({ length: 200 }, (_, i) => {
      const p = path.join(tmp.dir, `huy-${i}.pdf`);
      writeFileSync(p, textPdf([[`Bao cao so ${i}`, 'x'.repeat(60)]]));
      return ref(p);
    });
    const ac = new AbortController();
    const input = api['evidence.add'].input.parse({ files, analyse: 'background' });
    const r = await core.handlers['evidence.add'](input, {
      signal: ac.signal,
      progress: (done) => {
        if (done === 7) ac.abort();
      },
    });
    // Files committed in the same transaction as the 7th stay; none after the cancel.
    expect(r.summary.cancelled).toBe(true);
    expect(r.summary.added).toBeGreaterThanOrEqual(7);
    expect(r.summary.added).toBeLessThan(200);
    expect(r.summary.added + r.summary.skipped).toBe(200);
    const list = await call(core, 'evidence.list', { limit: 100 });
    expect(list.total).toBe(r.summary.added);
    // Exactly the rows' files are in the store, and no temporary file is left.
    expect(storeFiles(dir).sort()).toEqual(list.items.map((d) => d.sha256).sort());
    expect(readdirSync(path.join(dir, 'files', '.tmp'))).toEqual([]);
    expect((await call(core, 'workspace.verify', {})).ok).toBe(true);
    // The rest can simply be added again.
    const rest = await call(core, 'evidence.add', { files, analyse: 'background' });
    expect(rest.summary).toMatchObject({
      added: r.summary.skipped,
      duplicates: r.summary.added,
    });
  });
});

describe('links', () => {
  it('orders documents within a node, with slots, page ranges and notes', async () => {
    const { core, node } = await workspace();
    const r = await call(core, 'evidence.add', {
      files: [doc('154_KH-UBND_PAPI_2021.pdf'), corpus.special.twoPagePdf, doc('HD08.pdf')].map(
        ref,
      ),
      nodeId: node('1.1.2'),
    });
    const [a, b, c] = r.results.map((x) => x.document!.id);
    const n112 = node('1.1.2');
    let docs = await call(core, 'evidence.nodeDocuments', { nodeId: n112 });
    expect(docs.map((d) => d.document.id)).toEqual([a, b, c]);
    expect(docs.map((d) => d.link.position)).toEqual([0, 1, 2]);

    docs = await call(core, 'evidence.reorderLinks', { nodeId: n112, documentIds: [c!, a!, b!] });
    expect(docs.map((d) => d.document.id)).toEqual([c, a, b]);
    const wrong = await core.dispatch('evidence.reorderLinks', {
      nodeId: n112,
      documentIds: [c!, a!],
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const link = await call(core, 'evidence.updateLink', {
      documentId: b!,
      nodeId: n112,
      slot: 'bao cao ket qua',
      pages: '2 – 2',
      note: 'Số liệu ở trang 2',
    });
    expect(link).toMatchObject({
      slot: 'Báo cáo kết quả',
      pages: '2',
      note: 'Số liệu ở trang 2',
      code: '1.1.2',
    });
    const beyond = await core.dispatch('evidence.updateLink', {
      documentId: b!,
      nodeId: n112,
      pages: '1-3',
    });
    expect(beyond.ok || beyond.error.message).toBe(
      'Tài liệu chỉ có 2 trang; “1-3” vượt quá số trang.',
    );
    const slot = await core.dispatch('evidence.link', {
      documentId: a!,
      nodeId: node('1.2.1'),
      slot: 'Kế hoạch',
    });
    expect(slot.ok || slot.error.message).toMatch(/không chia tài liệu theo ô/);
    const badSlot = await core.dispatch('evidence.link', {
      documentId: a!,
      nodeId: node('1.1.1'),
      slot: 'Ảnh',
    });
    expect(badSlot.ok || badSlot.error.message).toMatch(
      /không có ô tài liệu “Ảnh”; các ô là: Kế hoạch/,
    );

    const l2 = await call(core, 'evidence.link', {
      documentId: a!,
      nodeId: node('1.2.1'),
      pages: '1',
      note: 'Mục II',
    });
    expect(l2).toMatchObject({
      code: '1.2.1',
      position: 0,
      pages: '1',
      note: 'Mục II',
      year: 2026,
    });
    expect((await call(core, 'evidence.get', { documentId: a! })).links.map((l) => l.code)).toEqual(
      ['1.1.2', '1.2.1'],
    );
    expect(await call(core, 'evidence.unlink', { documentId: a!, nodeId: n112 })).toEqual({
      unlinked: true,
    });
    expect(await call(core, 'evidence.unlink', { documentId: a!, nodeId: n112 })).toEqual({
      unlinked: false,
    });
    docs = await call(core, 'evidence.nodeDocuments', { nodeId: n112 });
    expect(docs.map((d) => [d.document.id, d.link.position])).toEqual([
      [c, 0],
      [b, 1],
    ]);
    const missing = await core.dispatch('evidence.link', { documentId: a!, nodeId: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('proposes sub-criteria from file and folder names', async () => {
    const { core, node } = await workspace();
    const r = await call(core, 'evidence.proposeNodes', {
      names: [
        '1.1.1_Ke hoach CCHC.pdf',
        '3.2.2 Ảnh chụp cổng.png',
        'Tài liệu/1.2.1 Báo cáo/bao-cao-quy-1.pdf',
        '154_KH-UBND.pdf',
        '9.9.9 khong co.pdf',
        'TC 7.1.1 - anh chup.png',
      ],
    });
    expect(r.map((x) => x.code)).toEqual(['1.1.1', '3.2.2', '1.2.1', null, null, '7.1.1']);
    expect(r[0]).toMatchObject({
      nodeId: node('1.1.1'),
      isLeaf: true,
      title: expect.stringMatching(/^Ban hành kế hoạch CCHC/),
    });
  });
});

describe('trash', () => {
  it('deletes to the trash, restores, and purges the file only when nothing uses it', async () => {
    const { core, dir, node } = await workspace();
    const kh = doc('154_KH-UBND_PAPI_2021.pdf');
    const first = await call(core, 'evidence.add', { files: [ref(kh)], nodeId: node('1.1.1') });
    const id = first.results[0]!.document!.id;
    const sha = first.results[0]!.document!.sha256;
    expect(await call(core, 'evidence.delete', { documentIds: [id] })).toEqual({ deleted: 1 });
    expect((await call(core, 'evidence.list', {})).total).toBe(0);
    expect(await call(core, 'evidence.nodeDocuments', { nodeId: node('1.1.1') })).toEqual([]);
    const trash = await call(core, 'evidence.trash', {});
    expect(trash.items.map((d) => [d.id, Boolean(d.deletedAt)])).toEqual([[id, true]]);

    expect(await call(core, 'evidence.restore', { documentIds: [id] })).toEqual({ restored: 1 });
    expect(
      (await call(core, 'evidence.nodeDocuments', { nodeId: node('1.1.1') }))[0]!.link.code,
    ).toBe('1.1.1');
    const live = await core.dispatch('evidence.purge', { documentIds: [id] });
    expect(live).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Trashed, then the same file added again: a new document shares the stored file.
    await call(core, 'evidence.delete', { documentIds: [id] });
    const again = await call(core, 'evidence.add', { files: [ref(kh)] });
    expect(again.results[0]).toMatchObject({ status: 'added' });
    const twin = again.results[0]!.document!.id;
    expect(twin).not.toBe(id);
    const conflict = await core.dispatch('evidence.restore', { documentIds: [id] });
    expect(conflict.ok || conflict.error.message).toMatch(
      /đã có tài liệu cùng nội dung \(Kế hoạch số 154\/KH-UBND\)/,
    );

    expect(await call(core, 'evidence.purge', { documentIds: [id] })).toEqual({
      purged: 1,
      filesRemoved: 0,
    });
    expect(storeFiles(dir)).toEqual([sha]);
    await call(core, 'evidence.delete', { documentIds: [twin] });
    expect(await call(core, 'evidence.purge', { documentIds: [twin] })).toEqual({
      purged: 1,
      filesRemoved: 1,
    });
    expect(storeFiles(dir)).toEqual([]);
    expect((await call(core, 'evidence.trash', {})).total).toBe(0);
    expect((await call(core, 'evidence.list', { search: 'Vị Xuyên' })).total).toBe(0);
    expect((await call(core, 'workspace.verify', {})).ok).toBe(true);
  });
});

describe('search and filters', () => {
  let core: Core;
  let node: (code: string) => number;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ({ core, node } = await workspace());
    const r = await call(core, 'evidence.add', {
      files: [
        'QD 1234 ban hanh KH CCHC.pdf',
        '154_KH-UBND_PAPI_2021.pdf',
        'Du thao KH PAPI 2024.pdf',
        'TB 88 HU.pdf',
        'QD-2105-UBND.docx',
      ].map((f) => ref(doc(f))),
      analyse: 'wait',
    });
    for (const x of r.results) ids[x.fileName] = x.document!.id;
    await call(core, 'evidence.add', {
      files: [ref(corpus.special.scanPdf)],
      nodeId: node('1.4.2'),
    });
    await call(core, 'evidence.link', {
      documentId: ids['QD 1234 ban hanh KH CCHC.pdf']!,
      nodeId: node('1.1.1'),
    });
  });
  const found = async (input: Input<'evidence.list'>) =>
    (await call(core, 'evidence.list', input)).items.map((d) => d.originalName);

  it('folds diacritics and đ, in the query and the text', async () => {
    expect(await found({ search: 'quyet dinh 1234' })).toEqual(['QD 1234 ban hanh KH CCHC.pdf']);
    expect(await found({ search: 'QUYẾT ĐỊNH 1234' })).toEqual(['QD 1234 ban hanh KH CCHC.pdf']);
    // Decomposed input (macOS, some scanners): "Quyết định" as e + combining marks.
    expect(await found({ search: 'Quyết định 1234'.normalize('NFD') })).toEqual([
      'QD 1234 ban hanh KH CCHC.pdf',
    ]);
    expect(await found({ search: 'vị xuyên papi' })).toEqual(['154_KH-UBND_PAPI_2021.pdf']);
    expect(await found({ search: 'vi xuyen' })).toContain('154_KH-UBND_PAPI_2021.pdf');
    const dinh = await found({ search: 'định' });
    expect(dinh).toContain('QD 1234 ban hanh KH CCHC.pdf');
    expect(await found({ search: 'DINH' })).toEqual(dinh);
    expect(await found({ search: 'Đ' })).toEqual(await found({ search: 'd' }));
    expect(await found({ search: '154/KH-UBND' })).toEqual(['154_KH-UBND_PAPI_2021.pdf']);
    expect(await found({ search: 'bac son 2105' })).toEqual(['QD-2105-UBND.docx']);
    expect(await found({ search: 'khong co tu nay' })).toEqual([]);
    expect(await found({ search: '"*^' })).toEqual([]);
  });

  it('filters by type, year, draft, scan, link and node, with paging', async () => {
    expect(await found({ types: ['QĐ'] })).toEqual([
      'QD-2105-UBND.docx',
      'QD 1234 ban hanh KH CCHC.pdf',
    ]);
    expect(await found({ year: 2021 })).toEqual(['154_KH-UBND_PAPI_2021.pdf']);
    expect(await found({ draft: true })).toEqual(['Du thao KH PAPI 2024.pdf']);
    expect(await found({ scan: true })).toEqual(['ban-scan.pdf']);
    expect(await found({ nodeId: node('1.1.1') })).toEqual(['QD 1234 ban hanh KH CCHC.pdf']);
    expect(await found({ nodeId: node('1'), descendants: true })).toEqual([
      'ban-scan.pdf',
      'QD 1234 ban hanh KH CCHC.pdf',
    ]);
    const unlinked = await found({ unlinked: true });
    expect(unlinked).toHaveLength(4);
    expect(unlinked).not.toContain('ban-scan.pdf');
    const assessmentId = (await call(core, 'criteria.tree', {})).assessment.id;
    expect(await found({ assessmentId })).toHaveLength(2);
    const page = await call(core, 'evidence.list', { limit: 2, offset: 2, sort: 'issued' });
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
    const listed = (await call(core, 'evidence.list', { search: 'ke hoach', limit: 1 })).items[0]!;
    expect(listed.links).toEqual([]);
    const withLinks = (await call(core, 'evidence.list', { nodeId: node('1.1.1') })).items[0]!;
    expect(withLinks.links).toEqual([{ nodeId: node('1.1.1'), code: '1.1.1', assessmentId }]);
  });

  it('finds a scan by what a person typed about it', async () => {
    const scan = (await call(core, 'evidence.list', { scan: true })).items[0]!;
    expect(await found({ search: 'quyet dinh 777' })).toEqual([]);
    await call(core, 'evidence.update', {
      documentId: scan.id,
      metadata: { docType: 'Quyết định', number: '777/QĐ-UBND', subject: 'Thành lập Tổ công tác' },
    });
    expect(await found({ search: 'quyet dinh 777' })).toEqual(['ban-scan.pdf']);
    expect((await found({ search: 'thành lập tổ công tác' }))[0]).toBe('ban-scan.pdf');
  });
});

describe('audit and verify', () => {
  it('records who changed what', async () => {
    const { core, node } = await workspace();
    const r = await call(core, 'evidence.add', {
      files: [ref(doc('HD08.pdf'))],
      nodeId: node('1.2.1'),
    });
    const id = r.results[0]!.document!.id;
    await call(core, 'evidence.update', { documentId: id, metadata: { note: 'Bản photo' } });
    await call(core, 'evidence.unlink', { documentId: id, nodeId: node('1.2.1') });
    await call(core, 'evidence.delete', { documentIds: [id] });
    const audit = await call(core, 'workspace.audit', { limit: 4 });
    expect(audit.map((a) => a.action)).toEqual([
      'evidence.delete',
      'evidence.unlink',
      'evidence.update',
      'evidence.add',
    ]);
    for (const a of audit) {
      expect(a).toMatchObject({
        actor: 'Kiểm thử',
        office: 'Văn phòng HĐND và UBND',
        entity: 'document',
        entityId: id,
      });
    }
    expect(JSON.parse(audit[3]!.detail!)).toMatchObject({ name: 'HD08.pdf', code: '1.2.1' });
  });

  it('verify re-hashes evidence files and reports missing and corrupt ones', async () => {
    const { core, dir } = await workspace();
    const r = await call(core, 'evidence.add', {
      files: [ref(doc('HD08.pdf')), ref(doc('KL 25.pdf')), ref(corpus.special.png)],
      analyse: 'background',
    });
    expect(await call(core, 'workspace.verify', {})).toEqual({
      ok: true,
      database: 'ok',
      files: { checked: 3, missing: 0, corrupt: 0 },
      problems: [],
    });
    const [a, b] = r.results.map((x) => x.document!.sha256);
    const file = (sha: string) => path.join(dir, 'files', sha.slice(0, 2), sha.slice(2));
    rmSync(file(a!));
    writeFileSync(file(b!), 'hỏng');
    expect(statSync(file(b!)).size).toBeGreaterThan(0);
    const [docA, docB] = r.results.map((x) => x.document!);
    expect(await call(core, 'workspace.verify', {})).toEqual({
      ok: false,
      database: 'ok',
      files: { checked: 3, missing: 1, corrupt: 1 },
      // Each failed file with the documents that point at it, whatever year links them.
      problems: expect.arrayContaining([
        { status: 'missing', sha256: a, documents: [{ id: docA!.id, name: expect.any(String) }] },
        { status: 'corrupt', sha256: b, documents: [{ id: docB!.id, name: expect.any(String) }] },
      ]),
    });
    const preview = await core.dispatch('evidence.content', {
      documentId: r.results[0]!.document!.id,
    });
    expect(preview).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Adding the original again restores the missing file.
    await call(core, 'evidence.add', { files: [ref(doc('HD08.pdf'))] });
    expect((await call(core, 'workspace.verify', {})).files.missing).toBe(0);
  });
});

describe('demo library', () => {
  it('holds realistic documents linked to the demo tree, searchable and verified', async () => {
    const dir = path.join(tmp.dir, 'demo');
    const core = testCore(dir);
    cores.push(core);
    await call(core, 'workspace.demo', {});
    const tree = await call(core, 'criteria.tree', {});
    expect(tree.nodes).toHaveLength(86);
    const list = await call(core, 'evidence.list', { limit: 100 });
    expect(list.total).toBe(8);
    const byNumber = new Map(list.items.map((d) => [d.number, d]));
    expect(byNumber.get('215/KH-UBND')).toMatchObject({
      docType: 'KH',
      issuedOn: '2025-12-15',
      issuer: 'Ủy ban nhân dân phường Đông Kinh',
      pages: 2,
      hasText: true,
    });
    expect(byNumber.get('215/KH-UBND')!.links.map((l) => l.code)).toEqual(['1.1.1', '7.3.1']);
    expect(list.items.filter((d) => d.isScan)).toHaveLength(1);
    expect(list.items.filter((d) => d.draft)).toHaveLength(1);
    expect(list.items.filter((d) => d.fileKind === 'png')).toHaveLength(1);
    expect((await found('quyet dinh 35')).map((d) => d.number)).toEqual(['35/QĐ-UBND']);
    expect(await call(core, 'workspace.verify', {})).toMatchObject({
      ok: true,
      files: { checked: 8 },
    });
    async function found(search: string) {
      return (await call(core, 'evidence.list', { search })).items;
    }
  });
});
