import path from 'node:path';
import { docTypeName } from '../../../shared/evidence';
import { cleanText, foldVi } from '../../../shared/text';
import {
  codeSegment,
  evidenceFileName,
  extensionOf,
  NameRegistry,
  pathTooLong,
} from './folder-names';
import type { ExportPlan, PlanDocument, PlanLink, PlanNode } from './plan';

/** The folder inside the export folder that holds the evidence files. */
export const TLKC_DIR = 'TLKC';

/** One file of the upload folder: a link of a node to a document. */
export interface FolderEntry {
  node: PlanNode;
  link: PlanLink;
  doc: PlanDocument;
  /** The area (top-level node) the node belongs to. */
  area: PlanNode;
  /** Relative to the TLKC folder, forward slashes: "1/1.2.3/1.2.3-02_Ke-hoach.pdf". */
  rel: string;
  /** First entry of its document in tree order (the one whose copy is hashed). */
  firstOfDocument: boolean;
}

/** What a file is called after its evidence code: type and subject, else number, else the file. */
export function describeForName(doc: PlanDocument): string {
  const type = docTypeName(doc.docType);
  const subject = doc.subject ? cleanText(doc.subject) : '';
  if (subject) {
    const startsWithType = type && foldVi(subject).startsWith(foldVi(type));
    return type && !startsWithType ? `${type} ${subject}` : subject;
  }
  if (doc.number) return `${type ?? ''} ${doc.number}`.trim();
  return path.basename(doc.originalName, path.extname(doc.originalName));
}

/**
 * Decides every name before anything is written: `<area>/<code>/<code>-<nn>_<subject>.<ext>`,
 * unique per folder without regard to case, each absolute path (under `finalDir`, the folder's
 * final name) below MAX_PATH_CHARS.
 */
export function planFolderLayout(
  plan: ExportPlan,
  finalDir: string,
  ascii: boolean,
): FolderEntry[] {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const areaOf = (n: PlanNode): PlanNode => {
    let cur = n;
    for (let p = byId.get(cur.parentId ?? -1); p; p = byId.get(p.parentId ?? -1)) cur = p;
    return cur;
  };
  const names = new NameRegistry();
  const areaFolder = new Map<number, string>();
  const nodeFolder = new Map<number, string>();
  const seenDocs = new Set<number>();
  const entries: FolderEntry[] = [];

  for (const node of plan.nodes) {
    if (node.links.length === 0) continue;
    const area = areaOf(node);
    let areaName = areaFolder.get(area.id);
    if (areaName === undefined) {
      const seg = codeSegment(area.code, ascii);
      areaName = names.claim('', (suffix) => `${seg}${suffix}`);
      areaFolder.set(area.id, areaName);
    }
    let folder = nodeFolder.get(node.id);
    if (folder === undefined) {
      const seg = codeSegment(node.code, ascii);
      folder = `${areaName}/${names.claim(areaName, (suffix) => `${seg}${suffix}`)}`;
      nodeFolder.set(node.id, folder);
    }
    const folderAbs = path.join(finalDir, ...folder.split('/'));
    for (const link of node.links) {
      const doc = plan.documents.get(link.documentId);
      if (!doc) continue;
      const subject = describeForName(doc);
      const ext = extensionOf(doc.fileKind, doc.originalName);
      const name = names.claim(folder, (suffix) => {
        const n = evidenceFileName({
          folderAbs,
          evidenceCode: link.evidenceCode,
          subject,
          ext,
          ascii,
          suffix,
        });
        if (n === null) throw pathTooLong(path.dirname(finalDir));
        return n;
      });
      const firstOfDocument = !seenDocs.has(doc.id);
      seenDocs.add(doc.id);
      entries.push({ node, link, doc, area, rel: `${folder}/${name}`, firstOfDocument });
    }
  }
  return entries;
}
