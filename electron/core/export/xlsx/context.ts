/** What every sheet writer gets besides the plan. */
export interface WorkbookContext {
  /** The workbook's final path; links are relative to its folder. */
  file: string;
  folderFiles: Map<string, string> | null;
  pdfPages: Map<number, { file: string; page: number }> | null;
  signal: AbortSignal;
  /** "Today" on the title block. */
  now: Date;
  /** Reports rows written. */
  tick(rows: number): void;
}
