import type { Actor } from '../audit';
import { tx } from '../db/open';
import { addLink, type NodeRef } from '../evidence/links';
import { insertDocument } from '../evidence/repo';
import { reindex } from '../evidence/search';
import type { PutResult } from '../store/store';
import type { Workspace } from '../workspace';
import { DEMO_DOCS, DEMO_SCREENSHOT, type DemoLink } from './documents';
import { loadFonts, scannedPdf, textPdf } from './pdf';
import { portalScreenshot } from './screenshot';

/**
 * Adds the demo's evidence library to a freshly seeded demo workspace: files first (into the
 * store), then rows and links in one transaction. The files are generated here, identical on
 * every run, and already "analysed" (their metadata is the ground truth), so this takes a
 * fraction of a second and starts no PDF worker.
 */
export async function seedDemoEvidence(
  w: Workspace,
  resourcesDir: string,
  actor: Actor,
): Promise<number> {
  const fonts = loadFonts(resourcesDir);
  const files: {
    d: (typeof DEMO_DOCS)[number];
    bytes: Uint8Array;
    pages: number;
    text: string | null;
  }[] = [];
  for (const d of DEMO_DOCS) {
    if (d.scan) {
      const pdf = await scannedPdf(d, fonts);
      files.push({ d, bytes: pdf.bytes, pages: pdf.pages, text: null });
    } else {
      const pdf = await textPdf(d, fonts);
      files.push({ d, bytes: pdf.bytes, pages: pdf.pages, text: pdf.text });
    }
  }
  const stored: ((typeof files)[number] & { put: PutResult })[] = [];
  for (const f of files) stored.push({ ...f, put: await w.store.putBytes(f.bytes) });
  const png = portalScreenshot(fonts);
  const pngPut = await w.store.putBytes(png);

  const db = w.db;
  return tx(db, () => {
    const assessmentId = db
      .prepare('SELECT id FROM assessment WHERE deleted_at IS NULL ORDER BY year DESC, id DESC')
      .pluck()
      .get() as number;
    const officeId = (name: string) =>
      (db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(name) as number) ?? null;
    const link = (docId: number, pages: number | null, l: DemoLink) => {
      const node = db
        .prepare(
          'SELECT id, code, assessment_id FROM node WHERE assessment_id = ? AND code = ? AND deleted_at IS NULL',
        )
        .get(assessmentId, l.code) as NodeRef | undefined;
      if (!node) return;
      // The demo's documents are meant for the demo tree; on any other tree a slot it lacks is dropped.
      const slots = db
        .prepare('SELECT label FROM node_slot WHERE node_id = ?')
        .pluck()
        .all(node.id) as string[];
      const fields = l.slot && !slots.includes(l.slot) ? { ...l, slot: null } : l;
      addLink(db, node, docId, pages, fields, actor.name);
    };
    let n = 0;
    for (const { d, put, pages, text } of stored) {
      const id = insertDocument(db, {
        sha256: put.sha256,
        size: put.size,
        fileKind: 'pdf',
        mime: 'application/pdf',
        originalName: d.file,
        pages,
        encrypted: false,
        damaged: false,
        hasText: text !== null,
        text,
        docType: d.meta.docType,
        number: d.meta.number,
        issuedOn: d.meta.issuedOn,
        issuer: d.meta.issuer,
        subject: d.meta.subject,
        draft: d.meta.draft,
        note: d.note ?? null,
        metadataSource: d.userMeta ? 'user' : 'auto',
        analysisStatus: 'done',
        analysisError: null,
        createdBy: actor.name,
        officeId: officeId(d.office),
      });
      for (const l of d.links) link(id, pages, l);
      reindex(db, id);
      n++;
    }
    const s = DEMO_SCREENSHOT;
    const id = insertDocument(db, {
      sha256: pngPut.sha256,
      size: pngPut.size,
      fileKind: 'png',
      mime: 'image/png',
      originalName: s.file,
      pages: 1,
      encrypted: false,
      damaged: false,
      hasText: false,
      text: null,
      docType: null,
      number: null,
      issuedOn: null,
      issuer: null,
      subject: s.subject,
      draft: false,
      note: s.note,
      metadataSource: 'user',
      analysisStatus: 'done',
      analysisError: null,
      createdBy: actor.name,
      officeId: officeId(s.office),
    });
    for (const l of s.links) link(id, 1, l);
    reindex(db, id);
    return n + 1;
  });
}
