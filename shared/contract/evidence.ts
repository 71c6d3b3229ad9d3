import { z } from 'zod';
import { parseDateVi } from '../dates';
import type { MethodSpec } from './common';
import { FileRef } from './files';
import { Id } from './workspace';

/** The evidence library: documents stored once by content, linked to any number of nodes. */

export const FileKind = z.enum(['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls', 'odt', 'ods']);
export type FileKind = z.infer<typeof FileKind>;

export const MetadataSource = z.enum(['auto', 'user']);
export const AnalysisStatus = z.enum(['pending', 'done', 'failed']);
export type AnalysisStatus = z.infer<typeof AnalysisStatus>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const EvidenceDocument = z.object({
  id: z.number().int(),
  sha256: Sha256,
  size: z.number().int(),
  fileKind: FileKind,
  mime: z.string(),
  originalName: z.string(),
  /** Null until analysed, and for formats without pages (spreadsheets). */
  pages: z.number().int().nullable(),
  /** Password-protected PDF: kept in the library, refused for the dossier. */
  encrypted: z.boolean(),
  damaged: z.boolean(),
  /** Null until analysed. */
  hasText: z.boolean().nullable(),
  /** A PDF without a text layer ("bản scan"). */
  isScan: z.boolean(),
  /** Official abbreviation: QĐ, KH, BC, TB, CV… */
  docType: z.string().nullable(),
  docTypeName: z.string().nullable(),
  number: z.string().nullable(),
  /** ISO date of issue. */
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  draft: z.boolean(),
  note: z.string().nullable(),
  /** 'auto': read from the file, to be checked; 'user': a person entered or confirmed it. */
  metadataSource: MetadataSource,
  analysisStatus: AnalysisStatus,
  analysisError: z.string().nullable(),
  /** Larger than the province's upload limit (settings.uploadWarnMb). */
  overUploadLimit: z.boolean(),
  /** Vietnamese sentences about what is wrong with the file (password, scan, size, draft…). */
  warnings: z.array(z.string()),
  officeId: z.number().int().nullable(),
  officeName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  deletedAt: z.string().nullable(),
  linkCount: z.number().int(),
});
export type EvidenceDocument = z.infer<typeof EvidenceDocument>;

export const LinkRef = z.object({
  nodeId: z.number().int(),
  code: z.string(),
  assessmentId: z.number().int(),
});

export const EvidenceListItem = EvidenceDocument.extend({ links: z.array(LinkRef) });
export type EvidenceListItem = z.infer<typeof EvidenceListItem>;

export const EvidenceLink = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  nodeId: z.number().int(),
  code: z.string(),
  title: z.string(),
  assessmentId: z.number().int(),
  year: z.number().int(),
  /** Order within the node, from 0. */
  position: z.number().int(),
  /** The required evidence slot it fills ("Kế hoạch"), when the node names slots. */
  slot: z.string().nullable(),
  /** Pages that show the evidence, e.g. "3-5, 8". */
  pages: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

export const EvidenceDetail = EvidenceDocument.extend({
  links: z.array(EvidenceLink),
  textLength: z.number().int(),
});
export type EvidenceDetail = z.infer<typeof EvidenceDetail>;

export const NodeDocument = z.object({ link: EvidenceLink, document: EvidenceDocument });

// ---------------------------------------------------------------------------------------------
// Inputs.

/** Blank text means "no value" (null); absent stays absent. */
const optText = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s == null ? s : s.trim() === '' ? null : s.trim()));

/** dd/mm/yyyy or ISO → ISO; blank → null. */
export const DateInput = z
  .string()
  .max(20)
  .nullable()
  .optional()
  .transform((s, ctx) => {
    if (s == null) return s;
    if (s.trim() === '') return null;
    const iso = parseDateVi(s);
    if (!iso) {
      ctx.addIssue({
        code: 'custom',
        message: `Ngày “${s}” không hợp lệ (ví dụ đúng: 31/05/2021).`,
      });
      return z.NEVER;
    }
    return iso;
  });

/** Metadata a person sets; absent fields are left alone, null clears. */
export const MetadataInput = z
  .object({
    docType: optText(30),
    number: optText(100),
    issuedOn: DateInput,
    issuer: optText(300),
    subject: optText(2000),
    draft: z.boolean().nullable().optional(),
    note: optText(2000),
  })
  .strict();
export type MetadataInput = z.infer<typeof MetadataInput>;

const SlotInput = optText(200);
const PagesInput = optText(100);

export const AddInput = z.object({
  files: z.array(FileRef).min(1).max(20_000),
  /** Link every added (or already present) document to this node. */
  nodeId: Id.optional(),
  slot: SlotInput,
  /** Wins over what is read from the files. */
  metadata: MetadataInput.optional(),
  /** The office the documents belong to; default: the current user's office. */
  officeId: Id.optional(),
  /**
   * 'wait': read every file (pages, text, metadata) before answering, refusing damaged PDFs;
   * 'background': store and answer at once, read later; 'auto': wait for up to 20 files.
   */
  analyse: z.enum(['auto', 'wait', 'background']).default('auto'),
});

export const AddFileResult = z.object({
  /** Position in the input's files. */
  index: z.number().int(),
  fileName: z.string(),
  status: z.enum(['added', 'duplicate', 'refused']),
  /** Why it was refused, or what happened to a duplicate; Vietnamese. */
  reason: z.string().nullable(),
  warnings: z.array(z.string()),
  document: EvidenceDocument.nullable(),
  linked: z.boolean(),
});
export type AddFileResult = z.infer<typeof AddFileResult>;

export const AddResult = z.object({
  results: z.array(AddFileResult),
  summary: z.object({
    total: z.number().int(),
    added: z.number().int(),
    duplicates: z.number().int(),
    refused: z.number().int(),
    linked: z.number().int(),
    /** Files not looked at because the job was cancelled. */
    skipped: z.number().int(),
    cancelled: z.boolean(),
    /** Documents whose pages, text and metadata are still being read in the background. */
    pendingAnalysis: z.number().int(),
  }),
});
export type AddResult = z.infer<typeof AddResult>;

export const ListInput = z.object({
  search: z.string().trim().max(500).optional(),
  /** Type codes (QĐ, KH…). */
  types: z.array(z.string().trim().min(1).max(30)).max(50).optional(),
  /** Year of issue. */
  year: z.number().int().min(1945).max(2100).optional(),
  officeId: Id.optional(),
  /** Only documents linked to no node (of the assessment, when given). */
  unlinked: z.boolean().optional(),
  scan: z.boolean().optional(),
  draft: z.boolean().optional(),
  fileKind: FileKind.optional(),
  analysis: AnalysisStatus.optional(),
  /** Only documents linked to nodes of this assessment. */
  assessmentId: Id.optional(),
  /** Only documents linked to this node (and its descendants when asked). */
  nodeId: Id.optional(),
  descendants: z.boolean().default(false),
  /** 'relevance' applies to searches; otherwise the newest additions come first. */
  sort: z.enum(['added', 'issued', 'number', 'relevance']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

const DocumentIds = z.array(Id).min(1).max(20_000);

export const evidenceApi = {
  'evidence.add': { input: AddInput, output: AddResult },
  'evidence.proposeNodes': {
    input: z.object({
      /** File or folder names, or relative paths ("1.2.3 Kế hoạch/abc.pdf"). */
      names: z.array(z.string().max(4096)).min(1).max(20_000),
      assessmentId: Id.optional(),
    }),
    output: z.array(
      z.object({
        name: z.string(),
        code: z.string().nullable(),
        nodeId: z.number().int().nullable(),
        title: z.string().nullable(),
        isLeaf: z.boolean(),
      }),
    ),
  },
  'evidence.list': {
    input: ListInput,
    output: z.object({ items: z.array(EvidenceListItem), total: z.number().int() }),
  },
  'evidence.get': { input: z.object({ documentId: Id }), output: EvidenceDetail },
  'evidence.nodeDocuments': { input: z.object({ nodeId: Id }), output: z.array(NodeDocument) },
  'evidence.text': {
    input: z.object({
      documentId: Id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200_000).default(20_000),
    }),
    output: z.object({ text: z.string(), total: z.number().int(), hasText: z.boolean() }),
  },
  'evidence.content': {
    input: z.object({ documentId: Id }),
    output: z.object({
      name: z.string(),
      mime: z.string(),
      size: z.number().int(),
      base64: z.string(),
    }),
  },
  'evidence.update': {
    input: z.object({ documentId: Id, metadata: MetadataInput, officeId: Id.nullish() }),
    output: EvidenceDocument,
  },
  'evidence.bulkUpdate': {
    input: z.object({
      documentIds: DocumentIds,
      metadata: MetadataInput.omit({ number: true, subject: true }),
      officeId: Id.nullish(),
    }),
    output: z.object({ updated: z.number().int() }),
  },
  'evidence.link': {
    input: z.object({
      documentId: Id,
      nodeId: Id,
      slot: SlotInput,
      pages: PagesInput,
      note: optText(1000),
    }),
    output: EvidenceLink,
  },
  'evidence.updateLink': {
    input: z.object({
      documentId: Id,
      nodeId: Id,
      slot: SlotInput,
      pages: PagesInput,
      note: optText(1000),
    }),
    output: EvidenceLink,
  },
  'evidence.unlink': {
    input: z.object({ documentId: Id, nodeId: Id }),
    output: z.object({ unlinked: z.boolean() }),
  },
  'evidence.reorderLinks': {
    input: z.object({ nodeId: Id, documentIds: z.array(Id).max(10_000) }),
    output: z.array(NodeDocument),
  },
  'evidence.delete': {
    input: z.object({ documentIds: DocumentIds }),
    output: z.object({ deleted: z.number().int() }),
  },
  'evidence.restore': {
    input: z.object({ documentIds: DocumentIds }),
    output: z.object({ restored: z.number().int() }),
  },
  'evidence.trash': {
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ items: z.array(EvidenceDocument), total: z.number().int() }),
  },
  'evidence.purge': {
    input: z.object({ documentIds: DocumentIds }),
    output: z.object({ purged: z.number().int(), filesRemoved: z.number().int() }),
  },
  'evidence.issuers': {
    input: z.object({
      query: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(z.object({ name: z.string(), count: z.number().int() })),
  },
  'evidence.reanalyse': {
    input: z.object({ documentIds: DocumentIds }),
    output: z.object({ queued: z.number().int() }),
  },
  'evidence.analysisStatus': {
    input: z.object({
      /** Wait up to this long for the background reading to finish. */
      waitMs: z.number().int().min(0).max(600_000).default(0),
    }),
    output: z.object({
      pending: z.number().int(),
      failed: z.number().int(),
      running: z.number().int(),
    }),
  },
} as const satisfies Record<string, MethodSpec>;
