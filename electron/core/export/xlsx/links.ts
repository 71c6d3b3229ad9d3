import path from 'node:path';
import { formatDateVi } from '../../../../shared/dates';
import { docTypeName } from '../../../../shared/evidence';
import { cleanText } from '../../../../shared/text';
import type { PlanDocument, PlanLink } from '../plan';

/**
 * Hyperlink targets and the short texts the workbook shows for a document. Links are relative
 * to the workbook's folder, so the export folder can be moved, zipped or copied to a USB stick
 * as a whole and the links still open the files.
 */

/**
 * A relative path as a hyperlink target: forward slashes; space, "%" and "#" escaped (the rest,
 * Vietnamese letters included, stays as is: Excel and LibreOffice read IRIs).
 */
export function linkTarget(rel: string): string {
  if (!/[ %#\\]/.test(rel)) return rel;
  return rel
    .split(/[\\/]/)
    .map((seg) => seg.replace(/%/g, '%25').replace(/ /g, '%20').replace(/#/g, '%23'))
    .join('/');
}

/** Undoes linkTarget (tests, and anyone reading the links back). */
export function targetPath(target: string): string {
  return decodeURIComponent(target.replace(/#.*$/, ''));
}

/**
 * Where one document link points in the PDF dossier: the document's first page there, moved to
 * the first page the link names ("3-5" → 2 pages further), when that page exists.
 */
export function dossierPage(
  start: { file: string; page: number },
  link: PlanLink,
  doc: PlanDocument,
): number {
  const m = link.pages ? /^\s*(\d+)/.exec(link.pages) : null;
  const first = m ? Number(m[1]) : 1;
  const within = doc.pages === null || first <= doc.pages ? first : 1;
  return start.page + Math.max(0, within - 1);
}

/** "Tập 2" from "Ho so TLKC 2026 - Tap 2.pdf"; null for a single volume. */
export function volumeLabel(file: string): string | null {
  const m = /\b(?:Tap|Tập)\s*(\d+)\b/iu.exec(path.basename(file));
  return m ? `Tập ${m[1]}` : null;
}

// A dossier has a few volume files and thousands of links into them.
const volumes = new Map<string, string | null>();
const targets = new Map<string, string>();

/** "tr. 45" or "Tập 2, tr. 45". */
export function pageText(file: string, page: number): string {
  let vol = volumes.get(file);
  if (vol === undefined) {
    if (volumes.size > 1000) volumes.clear();
    vol = volumeLabel(file);
    volumes.set(file, vol);
  }
  return vol ? `${vol}, tr. ${page}` : `tr. ${page}`;
}

/** Relative link to a page of the dossier: "Ho%20so%20TLKC%202026.pdf#page=45". */
export function pageTarget(workbookDir: string, file: string, page: number): string {
  const key = `${workbookDir}\0${file}`;
  let t = targets.get(key);
  if (t === undefined) {
    if (targets.size > 1000) targets.clear();
    t = linkTarget(path.relative(workbookDir, file));
    targets.set(key, t);
  }
  return `${t}#page=${page}`;
}

/** "Kế hoạch số 215/KH-UBND ngày 15/12/2025"; a document without a number by its subject. */
export function documentText(doc: PlanDocument): string {
  const type = docTypeName(doc.docType);
  const date = doc.issuedOn ? ` ngày ${formatDateVi(doc.issuedOn)}` : '';
  if (doc.number) return `${type ?? 'Văn bản'} số ${doc.number}${date}`;
  const subject = doc.subject ? cleanText(doc.subject) : '';
  const what = subject
    ? `${type ? `${type}: ` : ''}${subject.length > 80 ? `${subject.slice(0, 79)}…` : subject}`
    : path.basename(doc.originalName);
  return `${what}${date}`;
}

/** The cell text of one evidence line in the score table: "1.1.1-01: Kế hoạch số …". */
export function evidenceLine(link: PlanLink, doc: PlanDocument): string {
  return `${link.evidenceCode}: ${documentText(doc)}`;
}
