import type { EvidenceDocument } from '../../../shared/contract/evidence';
import { formatDateVi } from '../../../shared/dates';
import { docTypeName, documentLabel } from '../../../shared/evidence';
import { vi } from '../../i18n/vi';

/** Small display helpers for evidence documents (no rules: those live in shared/ and the core). */

const t = vi.evidence;

/** 1536 → "1,5 KB"; sizes with a decimal comma. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(kb < 10 ? 1 : 0).replace('.', ',')} KB`;
  const mb = kb / 1024;
  return `${mb.toFixed(mb < 10 ? 1 : 0).replace('.', ',')} MB`;
}

/** "3-5, 8" → "tr. 3–5, 8"; empty for no pages. */
export function pagesLabel(pages: string | null | undefined): string {
  if (!pages) return '';
  return `tr. ${pages.replace(/-/g, '–')}`;
}

/** "Kế hoạch số 215/KH-UBND" or the quoted file name. */
export function docLabel(d: Pick<EvidenceDocument, 'number' | 'docType' | 'originalName'>) {
  return documentLabel(d);
}

/** What a person calls the document in a list: its subject, else its file name. */
export function docTitle(d: Pick<EvidenceDocument, 'subject' | 'originalName'>): string {
  return d.subject || d.originalName;
}

/** "Kế hoạch · 215/KH-UBND · 15/12/2025": the metadata an assessor checks first. */
export function docLine(d: EvidenceDocument): string {
  return [
    d.docTypeName ?? docTypeName(d.docType) ?? d.docType,
    d.number ? t.numberShort(d.number) : null,
    d.issuedOn ? formatDateVi(d.issuedOn) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export interface DocFlag {
  key: string;
  label: string;
  color: string;
  hint?: string;
}

/** The signs an appraiser would object to, as tags. */
export function docFlags(d: EvidenceDocument): DocFlag[] {
  const f: DocFlag[] = [];
  if (d.isScan) f.push({ key: 'scan', label: t.flag.scan, color: 'blue', hint: t.flag.scanHint });
  if (d.draft)
    f.push({ key: 'draft', label: t.flag.draft, color: 'orange', hint: t.flag.draftHint });
  if (d.encrypted)
    f.push({ key: 'enc', label: t.flag.encrypted, color: 'red', hint: t.flag.encryptedHint });
  if (d.damaged) f.push({ key: 'dmg', label: t.flag.damaged, color: 'red' });
  if (d.overUploadLimit)
    f.push({ key: 'big', label: t.flag.overLimit, color: 'volcano', hint: t.flag.overLimitHint });
  if (d.analysisStatus === 'pending')
    f.push({ key: 'pending', label: t.flag.pending, color: 'default' });
  if (d.analysisStatus === 'failed')
    f.push({
      key: 'failed',
      label: t.flag.failed,
      color: 'default',
      hint: d.analysisError ?? undefined,
    });
  return f;
}

/** The kind of preview a file gets. */
export function previewKind(d: Pick<EvidenceDocument, 'fileKind'>): 'pdf' | 'image' | 'text' {
  if (d.fileKind === 'pdf') return 'pdf';
  if (d.fileKind === 'png' || d.fileKind === 'jpeg') return 'image';
  return 'text';
}

/** "anh-chup-man-hinh-31-05-2026-140533.png": a pasted screenshot's name, dated. */
export function screenshotName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `anh-chup-man-hinh-${p(now.getDate())}-${p(now.getMonth() + 1)}-${now.getFullYear()}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.png`;
}
