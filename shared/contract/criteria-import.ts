import { z } from 'zod';
import { FrameworkNode, IndexKind } from '../framework';
import { Assessment } from '../models';
import type { MethodSpec } from './common';
import { FileRef } from './files';
import { Id, Text } from './workspace';

export const ImportField = z.enum([
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
]);

/** How each column role is named to a person (import preview, warnings). */
export const IMPORT_FIELD_LABEL: Record<z.infer<typeof ImportField>, string> = {
  code: 'STT/Mã',
  title: 'Nội dung (tiêu chí)',
  maxPoints: 'Điểm tối đa',
  scoringGuide: 'Hướng dẫn chấm',
  evidenceGuide: 'Tài liệu kiểm chứng',
  leadOffice: 'Đơn vị chủ trì',
  coopOffices: 'Đơn vị phối hợp',
  note: 'Ghi chú',
  task: 'Nhiệm vụ',
  target: 'Chỉ tiêu',
  deadline: 'Thời gian',
  kind: 'Loại',
  scoringOptions: 'Phương án chấm',
  evidenceSlots: 'Tài liệu bắt buộc',
  step: 'Bước chấm',
};

const Column = z.string().regex(/^[A-Z]{1,3}$/);

export const ImportOptions = z.object({
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  mapping: z.partialRecord(ImportField, Column.nullable()).optional(),
});

export const ImportPreview = z.object({
  format: z.enum(['xlsx', 'docx']),
  fileName: z.string(),
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int(), likely: z.boolean() })),
  sheet: z.string(),
  headerRow: z.number().int(),
  headerRows: z.union([z.literal(1), z.literal(2)]),
  columns: z.array(z.object({ field: ImportField, column: z.string(), header: z.string() })),
  unmappedHeaders: z.array(z.object({ column: z.string(), header: z.string() })),
  nodes: z.array(FrameworkNode),
  stats: z.object({ nodes: z.number().int(), leaves: z.number().int(), maxPoints: z.number() }),
  warnings: z.array(z.object({ cell: z.string().optional(), message: z.string() })),
  /**
   * Set when the table could not be read as it stands (no header row, no content or points
   * column, no criteria): the rest describes what was seen so the person can choose the sheet,
   * header row and columns and read again. Apply refuses such a reading.
   */
  problem: z
    .object({
      kind: z.enum(['header', 'title', 'maxPoints', 'empty']),
      message: z.string(),
    })
    .optional(),
  /** Office names in the table: those that match an existing office, and those to be created. */
  offices: z
    .object({
      matched: z.array(z.object({ name: z.string(), office: z.string() })),
      created: z.array(z.string()),
    })
    .optional(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new'),
    year: z.number().int().min(2000).max(2100),
    name: Text(300),
    indexKind: IndexKind.default('PAR'),
  }),
  /** Only an assessment with no evidence and no scores yet; its old tree goes to the trash. */
  z.object({ kind: z.literal('replace'), assessmentId: Id }),
]);

export const criteriaImportApi = {
  'criteria.importPreview': {
    input: z.object({ file: FileRef, options: ImportOptions.default({}) }),
    output: ImportPreview,
  },
  'criteria.importApply': {
    input: z.object({ file: FileRef, options: ImportOptions.default({}), target: ImportTarget }),
    output: z.object({
      assessment: Assessment,
      nodes: z.number().int(),
      warnings: z.number().int(),
    }),
  },
  'criteria.exportTable': {
    input: z.object({ assessmentId: Id.optional() }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
