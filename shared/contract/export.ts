import { z } from 'zod';
import type { MethodSpec } from './common';
import { Empty, Id } from './workspace';

export const ExportParts = z.object({
  pdf: z.boolean().default(true),
  xlsx: z.boolean().default(true),
  files: z.boolean().default(true),
  zip: z.boolean().default(false),
});

export const ExportSelection = z.object({
  assessmentId: Id.optional(),
  /** Area codes ("1", "3"); all when absent. */
  areas: z.array(z.string().max(30)).max(100).optional(),
  /** Only nodes led by these offices (and their ancestors for context). */
  offices: z.array(Id).max(100).optional(),
});

export const ExportOptions = ExportSelection.extend({
  /** Destination folder; created when missing. */
  out: z.string().trim().min(1).max(1000),
  parts: ExportParts.default({ pdf: true, xlsx: true, files: true, zip: false }),
  /** Split the PDF into volumes of at most this many MB (a document is never split). */
  maxVolumeMb: z.number().int().min(5).max(1024).optional(),
  /** One PDF volume per area. */
  volumePerArea: z.boolean().default(false),
  /** File names in plain ASCII (default) or with Vietnamese letters. */
  asciiNames: z.boolean().default(true),
  /** The person saw the preflight and accepts that these unusable documents are left out. */
  confirmExcluded: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof ExportOptions>;

export const ExcludedDocument = z.object({
  documentId: z.number().int(),
  name: z.string(),
  codes: z.array(z.string()),
  reason: z.string(),
});
export type ExcludedDocument = z.infer<typeof ExcludedDocument>;

export const Preflight = z.object({
  /** Problems of the completeness check within the selection. */
  errors: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(
    z.object({ code: z.string().nullable(), severity: z.string(), message: z.string() }),
  ),
  nodes: z.number().int(),
  documents: z.number().int(),
  /** Pages of the documents that will be included (PDF page counts; images count 1). */
  pages: z.number().int(),
  bytes: z.number().int(),
  excluded: z.array(ExcludedDocument),
  /** Office files need LibreOffice to become pages; without it they are attached inside the PDF. */
  officeFiles: z.number().int(),
  libreOffice: z.string().nullable(),
  defaultOut: z.string(),
});
export type Preflight = z.infer<typeof Preflight>;

export const ExportResult = z.object({
  pdf: z.array(z.string()),
  xlsx: z.string().nullable(),
  folder: z.string().nullable(),
  zip: z.string().nullable(),
  pages: z.number().int(),
  volumes: z.number().int(),
  excluded: z.array(ExcludedDocument),
  out: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ExportTools = z.object({
  /** The soffice that exports will run: the configured one, else one found on the usual paths. */
  libreOffice: z.string().nullable(),
  /** A path was set in Cài đặt but nothing runnable is there any more. */
  configuredMissing: z.boolean(),
});
export type ExportTools = z.infer<typeof ExportTools>;

export const exportApi = {
  /** What the PDF export can use on this computer (for Cài đặt). */
  'export.tools': { input: Empty, output: ExportTools },
  'export.preflight': { input: ExportSelection, output: Preflight },
  /** Long job: pass a jobId to follow progress and cancel. */
  'export.run': { input: ExportOptions, output: ExportResult },
  /** Opens a folder in the system's file manager ("Mở thư mục"). */
  'system.openFolder': {
    input: z.object({ path: z.string().min(1).max(1000) }),
    output: z.object({ opened: z.boolean() }),
  },
} as const satisfies Record<string, MethodSpec>;
