import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { DEMO_DOCS, type DemoDoc } from '../../electron/core/demo/documents';
import { analyseFile, type Analysis } from '../../electron/core/evidence/analysis';
import { type Input, type Method } from '../../shared/api';
import { tempDir, testCore, callOk } from '../helpers/workspace';

/**
 * The demo's text PDFs are what the app shows first: their text layer must read back as the
 * Vietnamese that was drawn (a shared fontkit font once left a, o, u, ư… out of the ToUnicode
 * map: "KẾ H ẠCH", "Tự d"), and the metadata the demo stores as read ('auto') must be what the
 * real extractor reads from them.
 */

const tmp = tempDir('hskc-demo-evidence-');
let core: Core;
let files: Map<string, string>;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

const call = <M extends Method>(method: M, input: Input<M>) => callOk(core, method, input);

beforeAll(async () => {
  core = testCore(path.join(tmp.dir, 'ws'));
  await call('workspace.demo', {});
  const list = await call('evidence.list', {});
  files = new Map(
    list.items.map((d) => [
      d.originalName,
      path.join(tmp.dir, 'ws', 'files', d.sha256.slice(0, 2), d.sha256.slice(2)),
    ]),
  );
});
afterAll(() => {
  core?.close();
  tmp.cleanup();
});

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const textDocs = DEMO_DOCS.filter((d) => !d.scan);

/** Every line printed as a whole phrase: motto, heading, subject, "V/v", body paragraphs. */
function phrases(d: DemoDoc): string[] {
  return [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    ...(d.heading ? [d.heading] : []),
    ...d.subject,
    ...(d.vv ?? []),
    ...d.body.map((p) => (typeof p === 'string' ? p : p.text)),
    d.signer.name,
  ].map(flat);
}

describe('demo text PDFs', () => {
  it('has the demo documents in the store', () => {
    expect(textDocs.length).toBeGreaterThanOrEqual(5);
    for (const d of DEMO_DOCS) expect(files.get(d.file), d.file).toBeTruthy();
  });

  it.skipIf(!hasPdftotext)('read back exactly with pdftotext', () => {
    for (const d of textDocs) {
      const text = flat(
        execFileSync('pdftotext', ['-enc', 'UTF-8', files.get(d.file)!, '-']).toString(),
      );
      for (const p of phrases(d)) expect(text, `${d.file}: ${p}`).toContain(p);
      // No letter mapped to nothing (or to a control character).
      expect(text).not.toMatch(/(?!\s)\p{Cc}/u);
    }
  });

  const analyses = new Map<string, Analysis>();
  async function analysed(d: DemoDoc): Promise<Analysis> {
    let a = analyses.get(d.file);
    if (!a) analyses.set(d.file, (a = await analyseFile(files.get(d.file)!, 'pdf', d.file)));
    return a;
  }

  it('read back exactly with pdf.js (the app’s extractor)', async () => {
    for (const d of textDocs) {
      const a = await analysed(d);
      expect(a.hasText, d.file).toBe(true);
      const text = flat(a.text ?? '');
      for (const p of phrases(d)) expect(text, `${d.file}: ${p}`).toContain(p);
    }
  });

  it('store as read only what the extractor really reads from them', async () => {
    const auto = textDocs.filter((d) => !d.userMeta);
    expect(auto.length).toBe(textDocs.length);
    for (const d of auto) {
      const { meta } = await analysed(d);
      expect(
        {
          docType: meta.docType,
          number: meta.number,
          issuedOn: meta.issuedOn,
          issuer: meta.issuer,
          subject: meta.subject,
          draft: meta.draft,
        },
        d.file,
      ).toEqual(d.meta);
    }
  });

  it('marks only typed-in metadata as the user’s', async () => {
    const list = await call('evidence.list', {});
    for (const d of DEMO_DOCS) {
      const row = list.items.find((x) => x.originalName === d.file)!;
      expect(row.metadataSource, d.file).toBe(d.userMeta ? 'user' : 'auto');
    }
  });
});
