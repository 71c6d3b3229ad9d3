/** Evidence analysis without storage: what a file is, and what it says about itself. */
import path from 'node:path';
import { sniffFile, isRefused, type SniffResult, type SniffAccepted } from './sniff';
import { analysePdf, type AnalysePdfOptions } from './pdf-info';
import { docxText } from './docx-text';
import { extractMetadata, type DocumentMetadata } from './metadata';
import type { PdfInfo } from './pdf-types';

export * from './sniff';
export * from './pdf-info';
export * from './metadata';
export { docxText } from './docx-text';

export type EvidenceAnalysis =
  | { refused: true; reason: string }
  | {
      refused: false;
      file: SniffAccepted;
      /** Only for PDFs. */
      pdf: PdfInfo | null;
      metadata: DocumentMetadata;
    };

/**
 * Sniffs a file and reads its metadata: PDFs by layout, DOCX by text, anything else (images,
 * spreadsheets, old Word) by its file name. Encrypted or damaged PDFs and scans fall back to
 * the file name too; `pdf` tells which. Throws only CoreError TIMEOUT/BAD_FILE from the PDF
 * worker and I/O errors.
 */
export async function analyseEvidenceFile(
  filePath: string,
  options: AnalysePdfOptions & { fileName?: string } = {},
): Promise<EvidenceAnalysis> {
  const sniffed: SniffResult = await sniffFile(filePath);
  if (isRefused(sniffed)) return sniffed;
  const fileName = options.fileName ?? path.basename(filePath);
  if (sniffed.kind === 'pdf') {
    const pdf = await analysePdf(filePath, options);
    const metadata = extractMetadata({
      items: pdf.items,
      text: pdf.textPages[0],
      fileName,
      pageWidth: pdf.pageWidth,
    });
    return { refused: false, file: sniffed, pdf, metadata };
  }
  if (sniffed.kind === 'docx') {
    const text = await docxText(filePath).catch(() => '');
    return {
      refused: false,
      file: sniffed,
      pdf: null,
      metadata: extractMetadata({ text, fileName }),
    };
  }
  return { refused: false, file: sniffed, pdf: null, metadata: extractMetadata({ fileName }) };
}
