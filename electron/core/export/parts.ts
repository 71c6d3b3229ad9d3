import type { ExcludedDocument } from '../../../shared/contract/export';
import type { ExportPlan } from './plan';

/**
 * The signatures of the three export parts, so the orchestrator (handlers.ts) and each part
 * agree. Every part writes to temporary names and renames at the end, so a cancel or a crash
 * never leaves a half file under a final name; each honours `signal` and reports `progress`.
 */

export interface PartContext {
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
}

export interface FolderResult {
  /** <out>/TLKC */
  folder: string;
  /** evidenceCode ("1.2.3-02") → path relative to <out> ("TLKC/1/1.2.3/1.2.3-02_Ke-hoach.pdf"). */
  files: Map<string, string>;
}

export interface PdfResult {
  /** Absolute paths of the volume files, in order. */
  files: string[];
  pages: number;
  /** documentId → where its first page landed (volume file and 1-based page in that volume). */
  pageOf: Map<number, { file: string; page: number }>;
  /** Documents the PDF step could not read and left out (only with confirmExcluded). */
  excluded: ExcludedDocument[];
}

export type WriteFolder = (
  plan: ExportPlan,
  opts: { outDir: string; asciiNames: boolean },
  ctx: PartContext,
) => Promise<FolderResult>;

export type BuildPdf = (
  plan: ExportPlan,
  opts: {
    outDir: string;
    /** File name without extension; volumes get " - Tap 1", " - Tap 2"… (ASCII when asciiNames). */
    baseName: string;
    asciiNames: boolean;
    maxVolumeMb?: number | undefined;
    volumePerArea: boolean;
    resourcesDir: string;
    /** soffice path when LibreOffice is available, for DOCX/XLSX/ODT → PDF. */
    libreOffice: string | null;
    /** Leave out documents found unreadable while building; without it they stop the export. */
    confirmExcluded?: boolean;
  },
  ctx: PartContext,
) => Promise<PdfResult>;

export type WriteWorkbook = (
  plan: ExportPlan,
  opts: {
    /** The .xlsx to write. */
    file: string;
    /** From the folder part: hyperlinks from each evidence row to its file. */
    folderFiles: Map<string, string> | null;
    /** From the PDF part: hyperlinks to the dossier page. */
    pdfPages: Map<number, { file: string; page: number }> | null;
  },
  ctx: PartContext,
) => Promise<void>;
