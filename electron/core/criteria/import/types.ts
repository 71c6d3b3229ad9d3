import type { FrameworkNode } from '../../../../shared/framework';

/** Columns the importer understands; 'kind' is the "Loại" column the exporter writes. */
export const IMPORT_FIELDS = [
  'code',
  'title',
  'maxPoints',
  'scoringGuide',
  'evidenceGuide',
  'leadOffice',
  'coopOffices',
  'note',
  'task',
  'target',
  'deadline',
  'kind',
  'scoringOptions',
  'evidenceSlots',
  'step',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportOptions {
  sheet?: string;
  /** 1-based first header row. */
  headerRow?: number;
  /** Column letter ('A') per field; null removes a detected column. */
  mapping?: Partial<Record<ImportField, string | null>>;
}

export interface ImportWarning {
  /** 'C23' */
  cell?: string;
  message: string;
}

export type ImportProblemKind = 'header' | 'title' | 'maxPoints' | 'empty';

export interface ImportPreview {
  format: 'xlsx' | 'docx';
  sheets: { name: string; rows: number; likely: boolean }[];
  sheet: string;
  headerRow: number;
  headerRows: 1 | 2;
  columns: { field: ImportField; column: string; header: string }[];
  unmappedHeaders: { column: string; header: string }[];
  nodes: FrameworkNode[];
  stats: { nodes: number; leaves: number; maxPoints: number };
  warnings: ImportWarning[];
  /** Only from inspectCriteriaTable: why the reading is not usable yet (see the contract). */
  problem?: { kind: ImportProblemKind; message: string };
}

/** One cell of the row model both readers (xlsx, docx) produce. */
export interface GridCell {
  /** NFC, each line trimmed; '' for the non-master part of a merge. */
  text: string;
  /** Numeric value (a number cell or a formula's cached number). */
  num?: number;
  /** '#REF!', '#VALUE!'… (also a formula whose cached result is an error). */
  error?: string;
  /** A formula saved without a cached result (written by a tool that does not calculate). */
  noResult?: boolean;
  bold?: boolean;
  italic?: boolean;
  /** Indentation steps (alignment indent, paragraph indent, leading spaces). */
  indent?: number;
  /** Set on the non-master cells of a merge: the master's text and where the master lies. */
  merged?: { text: string; above: boolean; left: boolean };
}

export interface Grid {
  /** Sheet name, or 'Bảng n' for a Word table. */
  name: string;
  rows: (GridCell | undefined)[][];
  width: number;
  hidden?: boolean;
}
