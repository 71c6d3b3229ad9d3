import type { ImportPreview } from '../../../../shared/contract/criteria-import';
import { ImportField } from '../../../../shared/contract/criteria-import';
import type { FrameworkNode } from '../../../../shared/framework';
import { formatPoints, pointsFromNumber } from '../../../../shared/points';
import { vi } from '../../../i18n/vi';

/** Pure helpers for the import wizard: no React, no calls. */

export type ImportField = (typeof ImportField.options)[number];

export type ImportOptions = {
  sheet?: string;
  headerRow?: number;
  mapping?: Partial<Record<ImportField, string | null>>;
};

export const IMPORT_FIELDS = ImportField.options;

/** Every headed column of the chosen header row, mapped or not, in sheet order (A, B, …, AA). */
export function headedColumns(p: ImportPreview): { column: string; header: string }[] {
  const byColumn = new Map<string, string>();
  for (const c of [...p.columns, ...p.unmappedHeaders])
    if (!byColumn.has(c.column)) byColumn.set(c.column, c.header);
  return [...byColumn]
    .map(([column, header]) => ({ column, header }))
    .sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
}

/**
 * The column shown for a field: what the person just chose (even if that preview failed),
 * else what the core detected; '' for "không dùng".
 */
export function fieldColumn(p: ImportPreview | null, o: ImportOptions, f: ImportField): string {
  if (o.mapping && f in o.mapping) return o.mapping[f] ?? '';
  return p?.columns.find((c) => c.field === f)?.column ?? '';
}

/** "Ô C23: …" — the core usually names the cell itself; add it when it does not. */
export function warningText(w: { cell?: string; message: string }): string {
  if (!w.cell || w.message.startsWith(`Ô ${w.cell}`)) return w.message;
  return `Ô ${w.cell}: ${w.message}`;
}

/** Points from a table (9.5) as people read them ("9,5"); '' when absent or odd. */
export function pointsText(p: number | null | undefined): string {
  if (p === null || p === undefined) return '';
  try {
    return formatPoints(pointsFromNumber(p));
  } catch {
    return String(p).replace('.', ',');
  }
}

/** "Bo_tieu_chi_CCHC_2025.xlsx" → "Bo tieu chi CCHC 2025". */
export function nameFromFile(fileName: string): string {
  return (
    fileName
      .replace(/\.(xlsx|docx)$/i, '')
      .replace(/[_]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300) || vi.importWizard.defaultName
  );
}

export function isTableFile(name: string): boolean {
  return /\.(xlsx|docx)$/i.test(name);
}

export interface PreviewItem {
  key: string;
  node: FrameworkNode;
  children: PreviewItem[];
}

/** antd Tree data with stable path keys ("0-2-1"), plus every key for expanding all. */
export function previewTree(nodes: FrameworkNode[]): { items: PreviewItem[]; keys: string[] } {
  const keys: string[] = [];
  const build = (list: FrameworkNode[], prefix: string): PreviewItem[] =>
    list.map((node, i) => {
      const key = prefix ? `${prefix}-${i}` : String(i);
      keys.push(key);
      return { key, node, children: build(node.children ?? [], key) };
    });
  return { items: build(nodes, ''), keys };
}
