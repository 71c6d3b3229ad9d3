/**
 * A stored file damaged after it was added: cut short inside the workspace store (the pre-flight
 * sees its size), or broken at the same size (only reading it shows it). Either way it is named,
 * left out only with the person's consent, and never becomes a blank page: the PDF passes
 * `qpdf --check`, no bookmark or contents line points at it, and the workbook lists it as left
 * out with the reason.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { FileStore } from '../../electron/core/store/store';
import type { Input, Method, Output } from '../../shared/api';
import { runCli } from '../helpers/cli';
import { outlineTitles, pageTexts } from '../helpers/pdf';
import { tempDir, testCore, callOk } from '../helpers/workspace';

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

const tmp = tempDir('hskc-export-damaged-');
const wsDir = path.join(tmp.dir, 'ws');
let core: Core;
const sha: Record<string, string> = {};
const ids: Record<string, number> = {};
/** Evidence codes of the cut-short report. */
let codes: string[] = [];

async function call<M extends Method>(method: M, input: Input<M>) {
  return core.dispatch(method, input) as Promise<
    { ok: true; data: Output<M> } | { ok: false; error: { code: string; message: string } }
  >;
}

const ok = <M extends Method>(method: M, input: Input<M>) => callOk(core, method, input);

/** A plain PDF without object streams, so a test can break one object in place. */
async function plainPdf(title: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595.28, 841.89]);
    p.drawText(`${title} - page ${i + 1}`, { x: 72, y: 760, size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

function storePath(name: string): string {
  return new FileStore(path.join(wsDir, 'files')).pathOf(sha[name]!);
}

function qpdfCheck(file: string): void {
  if (!hasQpdf) return;
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}

beforeAll(async () => {
  core = testCore(wsDir);
  await ok('workspace.demo', {});
  const tree = await ok('criteria.tree', {});
  const node = (code: string) => tree.nodes.find((n) => n.code === code)!.id;
  const src = path.join(tmp.dir, 'src');
  mkdirSync(src, { recursive: true });
  const add = async (name: string, code: string, pages: number, metadata: object) => {
    const bytes = await plainPdf(name, pages);
    writeFileSync(path.join(src, name), bytes);
    sha[name] = createHash('sha256').update(bytes).digest('hex');
    const r = await ok('evidence.add', {
      files: [{ path: path.join(src, name) }],
      nodeId: node(code),
      analyse: 'wait',
      metadata,
    });
    ids[name] = r.results[0]!.document!.id;
  };
  await add('ke-hoach.pdf', '1.1.1', 2, {
    number: '15/KH-UBND',
    subject: 'Kế hoạch cải cách hành chính năm 2026',
  });
  await add('bao-cao.pdf', '1.1.2', 3, {
    number: '88/BC-UBND',
    subject: 'Báo cáo kết quả tự kiểm tra',
  });
  await add('thong-bao.pdf', '1.2.1', 1, {
    number: '21/TB-UBND',
    subject: 'Thông báo công khai thủ tục hành chính',
  });
  // The report also backs 1.2.1: both of its links are left out with it.
  await ok('evidence.link', { documentId: ids['bao-cao.pdf']!, nodeId: node('1.2.1') });
}, 180_000);

afterAll(() => {
  core?.close();
  tmp.cleanup();
});

describe('a stored PDF cut short after it was added', () => {
  beforeAll(() => {
    const f = storePath('bao-cao.pdf');
    chmodSync(f, 0o644);
    truncateSync(f, Math.floor(readFileSync(f).length * 0.6));
  });

  it('is named by the pre-flight, with a Vietnamese reason', async () => {
    const pre = await ok('export.preflight', {});
    const bad = pre.excluded.find((e) => e.documentId === ids['bao-cao.pdf']);
    expect(bad).toBeDefined();
    expect(bad!.name).toBe('88/BC-UBND');
    expect(bad!.codes).toHaveLength(2);
    expect(bad!.codes[0]).toMatch(/^1\.1\.2-\d\d$/);
    expect(bad!.codes[1]).toMatch(/^1\.2\.1-\d\d$/);
    codes = bad!.codes;
    expect(bad!.reason).toMatch(
      /^Tệp trong kho lưu trữ đã bị hỏng \([\d.]+ byte thay vì [\d.]+ byte/,
    );
  });

  it('stops the export until the person agrees, naming it, without a doubled full stop', async () => {
    const out = path.join(tmp.dir, 'out-refused');
    const r = await call('export.run', {
      out,
      parts: { pdf: true, xlsx: false, files: false, zip: false },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toContain(`88/BC-UBND (${codes.join(', ')}): Tệp trong kho lưu trữ`);
    expect(r.error.message).not.toMatch(/\.\./);

    const cli = await runCli('export', wsDir, '--out', out, '--pdf');
    expect(cli.code).not.toBe(0);
    expect(cli.err).toContain('88/BC-UBND');
    expect(cli.err).toContain('Thêm --yes');
    expect(cli.err).not.toMatch(/\.\.(?!\.)/);
  });

  it('with consent, leaves it out everywhere: a valid PDF, no page, bookmark or row pointing at it', async () => {
    const out = path.join(tmp.dir, 'out-yes');
    const cli = await runCli('export', wsDir, '--out', out, '--yes', '--json');
    expect(cli.code, cli.err).toBe(0);
    const r = JSON.parse(cli.out) as {
      pdf: string[];
      xlsx: string;
      pages: number;
      excluded: { documentId: number; reason: string }[];
    };
    expect(r.excluded.map((e) => e.documentId)).toEqual([ids['bao-cao.pdf']]);
    const file = r.pdf[0]!;
    qpdfCheck(file);
    const text = await pageTexts(file);
    expect(text).toHaveLength(r.pages);
    // Its pages are nowhere; the other two documents are stamped on every page.
    expect(text.filter((t) => t.includes(`TLKC ${codes[0]}`)).length).toBe(0);
    expect(text.filter((t) => /TLKC 1\.1\.1-\d\d · 15\/KH-UBND · tr\. \d\/2/.test(t))).toHaveLength(
      2,
    );
    // The divider says it was left out, and why.
    expect(
      text.some(
        (t) => t.includes('Không đưa vào hồ sơ:') && t.includes(`${codes[0]} – 88/BC-UBND`),
      ),
    ).toBe(true);
    const outline = await outlineTitles(file);
    expect(outline.some((t) => t.includes('88/BC-UBND'))).toBe(false);
    expect(outline.some((t) => /^1\.1\.1-\d\d · 15\/KH-UBND/.test(t))).toBe(true);
    // Every page has its dossier page number.
    text.forEach((t, i) => expect(t, `trang ${i + 1}`).toContain(`Trang ${i + 1}`));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.xlsx);
    const list = wb.getWorksheet('Danh mục TLKC')!;
    const rows: string[] = [];
    list.eachRow((row) => rows.push(row.values ? JSON.stringify(row.values) : ''));
    const left = rows.filter((x) => x.includes('Không đưa vào hồ sơ'));
    expect(left).toHaveLength(2);
    expect(left[0]).toContain(codes[0]);
    expect(left[0]).toContain('Tệp trong kho lưu trữ đã bị hỏng');
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});

describe('a stored PDF broken at the same size', () => {
  beforeAll(() => {
    // Blank out every stream object of "thông báo": the size stays, the pages lose their content.
    const f = storePath('thong-bao.pdf');
    chmodSync(f, 0o644);
    const bytes = Buffer.from(readFileSync(f));
    const s = bytes.toString('latin1');
    for (const m of s.matchAll(/\d+ 0 obj[\s\S]*?endobj/g)) {
      if (m[0].includes('stream')) bytes.fill(0x20, m.index, m.index + m[0].length);
    }
    writeFileSync(f, bytes);
  });

  it('is left out by the PDF step, which asks for consent first', async () => {
    const out = path.join(tmp.dir, 'out-same-size');
    const parts = { pdf: true, xlsx: true, files: false, zip: false };
    const refused = await call('export.run', { out, parts, confirmExcluded: false });
    // The truncated report still needs consent first.
    expect(refused.ok).toBe(false);
    const r = await call('export.run', { out, parts, confirmExcluded: true });
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    const bad = r.data.excluded.find((e) => e.documentId === ids['thong-bao.pdf']);
    expect(bad?.reason).toBe('PDF bị hỏng, không đọc được khi dựng hồ sơ PDF.');
    expect(bad?.codes).toHaveLength(1);
    const code = bad!.codes[0]!;
    qpdfCheck(r.data.pdf[0]!);
    const text = await pageTexts(r.data.pdf[0]!);
    expect(text).toHaveLength(r.data.pages);
    expect(text.some((t) => t.includes(`TLKC ${code} `))).toBe(false);
    expect(text.some((t) => t.includes(`${code} – 21/TB-UBND: PDF bị hỏng`))).toBe(true);
    const outline = await outlineTitles(r.data.pdf[0]!);
    expect(outline.some((t) => t.includes('21/TB-UBND'))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.data.xlsx!);
    const rows: string[] = [];
    wb.getWorksheet('Danh mục TLKC')!.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.some((x) => x.includes(code) && x.includes('PDF bị hỏng'))).toBe(true);
    // Nothing points at a page that is not there: every hyperlink's page exists.
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});
