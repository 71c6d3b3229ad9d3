/** Shapes shared by the PDF worker, its host and the metadata extractor. */

/**
 * One text run of page 1. Coordinates are PDF points in the page's displayed orientation with
 * the origin at the TOP-left: x is the left edge, y the baseline measured down from the top.
 */
export interface PositionedItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the run's height). */
  height: number;
  bold?: boolean;
  italic?: boolean;
}

export interface PdfInfo {
  pages: number;
  /** A password is needed to open it; nothing else could be read. */
  encrypted: boolean;
  /** The file is broken or truncated (some of it may still have been read). */
  damaged: boolean;
  /** A text layer exists (false: a scan without OCR, "bản scan"). */
  hasText: boolean;
  /** Text of the first pages (up to `textPages`), one string per page, lines separated by \n. */
  textPages: string[];
  /** Positioned text runs of page 1 (empty when there is no text). */
  items: PositionedItem[];
  /** Size of page 1 in points (0 when unreadable). */
  pageWidth: number;
  pageHeight: number;
}

export interface PdfWorkerJob {
  path: string;
  textPages: number;
  /** Stop reading further pages once this many characters of text were read. */
  textChars?: number;
}

export type PdfWorkerReply = { ok: true; info: PdfInfo } | { ok: false; message: string };
