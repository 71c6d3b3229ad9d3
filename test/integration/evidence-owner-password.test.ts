import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { DEMO_DOCS } from '../../electron/core/demo/documents';
import { loadFonts, textPdf } from '../../electron/core/demo/pdf';
import { type Input, type Method } from '../../shared/api';
import { tempDir, testCore, callOk } from '../helpers/workspace';

/**
 * PDFs from official portals often carry an owner password only ("hạn chế quyền": no editing,
 * no copying) and an empty user password: every reader opens them without asking. They are
 * ordinary evidence: accepted at intake without the "mật khẩu" flag, their text searchable,
 * and their pages copied into the dossier (pdf-lib decrypts them with the empty password).
 * A PDF that really needs a password stays flagged.
 */

const has = (cmd: string) => spawnSync(cmd, ['--version']).status === 0;
const hasQpdf = has('qpdf');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const RESOURCES = path.resolve(__dirname, '../../resources');

const tmp = tempDir('hskc-owner-pw-');
let core: Core;
const files: Record<string, string> = {};
const source = DEMO_DOCS.find((d) => d.file === '215_KH-UBND_CCHC_2026.pdf')!;

const call = <M extends Method>(method: M, input: Input<M>) => callOk(core, method, input);

beforeAll(async () => {
  if (!hasQpdf) return;
  const plain = path.join(tmp.dir, 'plain.pdf');
  writeFileSync(plain, (await textPdf(source, loadFonts(RESOURCES))).bytes);
  const enc = (name: string, args: string[]) => {
    files[name] = path.join(tmp.dir, `${name}.pdf`);
    execFileSync('qpdf', [...args, '--', plain, files[name]]);
  };
  // AES-256, as the brief's portal files; RC4-128 as older portals write them.
  enc('owner-aes256', ['--encrypt', '', 'chu-so-huu', '256', '--print=none', '--modify=none']);
  enc('owner-rc4', ['--allow-weak-crypto', '--encrypt', '', 'chu-so-huu', '128', '--use-aes=n']);
  enc('user', ['--encrypt', 'nguoi-dung', 'chu-so-huu', '256']);
  core = testCore(path.join(tmp.dir, 'ws'));
  await call('workspace.init', {
    frameworkId: 'demo-par-phuong-minh-hoa',
    year: 2026,
    unit: { name: 'UBND phường Đông Kinh', level: 'xa' },
    offices: ['Văn phòng HĐND và UBND'],
  });
});
afterAll(() => {
  core?.close();
  tmp.cleanup();
});

describe.skipIf(!hasQpdf)('owner-password PDFs', () => {
  it('the test files really are encrypted with an empty user password', () => {
    for (const name of ['owner-aes256', 'owner-rc4']) {
      const bytes = readFileSync(files[name]!).toString('latin1');
      expect(bytes, name).toMatch(/\/Encrypt\s+\d+ 0 R/);
      const check = spawnSync('qpdf', ['--show-encryption', files[name]!], { encoding: 'utf8' });
      expect(check.stdout, name).toMatch(/User password = $/m);
    }
  });

  let ids: Record<string, number> = {};
  it('are accepted at intake without the password flag, read and searchable', async () => {
    const tree = await call('criteria.tree', {});
    const nodeId = tree.nodes.find((n) => n.code === '1.1.1')!.id;
    const r = await call('evidence.add', {
      files: ['owner-aes256', 'owner-rc4', 'user'].map((n) => ({ path: files[n]! })),
      nodeId,
      analyse: 'wait',
    });
    const [aes, rc4, user] = r.results;
    for (const x of [aes!, rc4!]) {
      expect(x.status, x.fileName).toBe('added');
      expect(x.document, x.fileName).toMatchObject({
        encrypted: false,
        damaged: false,
        hasText: true,
        pages: 2,
        number: '215/KH-UBND',
      });
      expect(x.warnings.join(' '), x.fileName).not.toMatch(/mật khẩu/);
    }
    // Opening needs a password: flagged, and said at intake.
    expect(user!.document).toMatchObject({ encrypted: true });
    expect(user!.warnings.join(' ')).toMatch(/mật khẩu/);
    ids = { aes: aes!.document!.id, rc4: rc4!.document!.id, user: user!.document!.id };
    const found = await call('evidence.list', { search: 'dia ban phuong dong kinh' });
    expect(found.items.map((d) => d.id)).toEqual(expect.arrayContaining([ids.aes, ids.rc4]));
  });

  it('go into the PDF dossier with their text and pages; the user-password one is left out', async () => {
    const out = path.join(tmp.dir, 'out');
    const pre = await call('export.preflight', {});
    expect(pre.excluded.map((e) => e.documentId)).toEqual([ids.user]);
    const r = await call('export.run', {
      out,
      parts: { pdf: true, xlsx: false, files: false, zip: false },
      confirmExcluded: true,
    });
    expect(r.excluded.map((e) => e.documentId)).toEqual([ids.user]);
    expect(r.pdf).toHaveLength(1);
    const dossier = r.pdf[0]!;
    if (!hasPoppler) return;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', dossier, '-'])
      .toString()
      .replace(/\s+/g, ' ');
    // Both copies of the plan: its heading and subject appear once per copy.
    const subject = source.meta.subject!;
    expect(text.split(subject).length - 1).toBeGreaterThanOrEqual(2);
    // The copied pages hold the original's text and render with its ink (scaled a little to
    // leave room for the dossier's stamp): a page that failed to decrypt renders blank.
    const render = (file: string, page: number, prefix: string): Buffer => {
      const base = path.join(tmp.dir, prefix);
      execFileSync('pdftoppm', [
        '-r',
        '40',
        '-gray',
        '-singlefile',
        '-f',
        `${page}`,
        '-l',
        `${page}`,
        file,
        base,
      ]);
      return readFileSync(`${base}.pgm`);
    };
    const pageText = (file: string, page: number) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${page}`, '-l', `${page}`, file, '-'])
        .toString()
        .replace(/\s+/g, ' ')
        .trim();
    const ink = (img: Buffer) => img.filter((v) => v < 128).length;
    const originalText = pageText(files['owner-aes256']!, 1);
    const originalInk = ink(render(files['owner-aes256']!, 1, 'original'));
    expect(originalText).toContain(source.body[0]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [dossier]).toString())![1]);
    let copies = 0;
    for (let p = 1; p <= pages; p++) {
      const text = pageText(dossier, p);
      if (!text.includes(source.body[0] as string)) continue;
      expect(text, `page ${p}`).toContain(originalText);
      const r = ink(render(dossier, p, `dossier-${p}`)) / originalInk;
      expect(r, `page ${p}`).toBeGreaterThan(0.8);
      expect(r, `page ${p}`).toBeLessThan(1.2);
      copies++;
    }
    expect(copies).toBe(2);
    // The dossier's own fonts map every glyph drawn to its letters (no "<0025> <>" entries,
    // which is how the demo's shared font once dropped a, o, u, ư from its text).
    const qdf = path.join(tmp.dir, 'dossier-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', dossier, qdf]);
    const maps = readFileSync(qdf, 'latin1').match(/beginbfchar[\s\S]*?endbfchar/g) ?? [];
    expect(maps.length).toBeGreaterThan(0);
    for (const m of maps) expect(m).not.toMatch(/<[0-9A-Fa-f]+>\s*<>/);
  });
});
