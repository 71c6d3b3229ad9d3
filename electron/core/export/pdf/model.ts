/**
 * What the main thread hands the PDF workers: plain, structured-cloneable data derived from the
 * ExportPlan (no Maps of classes, no functions). Points are integer hundredths as everywhere.
 */

export type DocKind = 'pdf' | 'image' | 'attachment';

export interface DocSpec {
  id: number;
  kind: DocKind;
  /** The PDF or image to include (a converted office file is a PDF in the work folder). */
  path: string;
  imageType: 'png' | 'jpeg' | null;
  /** Pages this document occupies in the dossier (an attachment notice is one page). */
  pages: number;
  /** Bytes of the source, for the volume estimate. */
  size: number;
  /** Evidence code where the dossier includes it ("1.2.3-02"). */
  code: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  subject: string | null;
  docTypeName: string | null;
  originalName: string;
  /** Office file that did not become pages: embedded as a file attachment instead. */
  attachment: null | {
    /** Why it is attached rather than converted. */
    reason: 'no-office' | 'failed';
    /** The stored file (not the converted one). */
    path: string;
    mime: string;
    size: number;
    fileKind: string;
  };
}

export interface LinkSpec {
  docId: number;
  evidenceCode: string;
  /** True where the dossier includes the document's pages. */
  first: boolean;
  pages: string | null;
  note: string | null;
}

export interface NodeSpec {
  id: number;
  parentId: number | null;
  code: string;
  title: string;
  level: number;
  isLeaf: boolean;
  kind: string;
  maxPoints: number | null;
  leadOffice: string | null;
  /** A leaf's own score or a parent's roll-up; null when nothing under it is scored. */
  selfScore: number | null;
  notApplicable: boolean;
  naReason: string | null;
  explanation: string | null;
  links: LinkSpec[];
  /** Evidence left out of the dossier (encrypted, damaged, missing), with the reason. */
  excluded: { code: string; name: string; reason: string }[];
  /** Gets a divider page (it has evidence, or is not scored and says why). */
  divider: boolean;
}

/** One divider and the documents it introduces; a long one may continue in the next volume. */
export interface UnitSpec {
  nodeId: number;
  docIds: number[];
  /** The divider was already shown in an earlier volume: "(tiếp theo)". */
  continued: boolean;
}

export interface VolumeSpec {
  /** 1-based. */
  index: number;
  /** Final file name (no folder). */
  fileName: string;
  /** Area codes whose content is (partly) in this volume, in order. */
  areas: string[];
  units: UnitSpec[];
}

export interface DossierSpec {
  unit: { name: string; parentBody: string | null; place: string | null } | null;
  assessment: { year: number; indexKind: string; frameworkName: string };
  /** "Đông Kinh, ngày 23 tháng 11 năm 2026". */
  dateLine: string;
  nodes: NodeSpec[];
  docs: DocSpec[];
  volumes: VolumeSpec[];
  total: { max: number; score: number; applicableMax: number; index: number | null };
  /**
   * Only some areas or offices are exported: the cover says which part, and the totals are
   * the part's (no overall index). Null for the whole index.
   */
  partial?: { areas: { code: string; title: string }[]; offices: string[] } | null;
  fontsDir: string;
}

/** Where a page of the dossier is: volume (1-based) and page within it (1-based). */
export interface PagePos {
  volume: number;
  page: number;
}

/** The stamp of one evidence page, already encoded with the volume's font subset. */
export interface StampText {
  hex: string;
  width: number;
}

export interface PageStamp {
  left: StampText;
  right: StampText;
}

/** What the assembler needs to tell a document job of a volume. */
export interface VolumeRefs {
  /** Shared counters: [0] next object number (Int32), byte position (BigInt64 at byte 8). */
  counters: SharedArrayBuffer;
  /** Temporary volume file every worker writes into at reserved positions. */
  file: string;
  /** The volume's regular font, which the stamps use. */
  fontRef: number;
}

export interface DocJob {
  kind: 'doc';
  volume: number;
  refs: VolumeRefs;
  doc: DocSpec;
  /** 1-based page in the volume of the document's first page. */
  firstPage: number;
  stamps: PageStamp[];
  /** Object number of the page-tree node each of the document's pages hangs under. */
  parents: number[];
}

export interface DocResult {
  docId: number;
  /** Object numbers of the document's pages in order. */
  pageRefs: number[];
  /** Output page height of the first page, for "go to top of page" destinations. */
  firstPageHeight: number;
  /** Object numbers written and their byte offsets in the volume file. */
  objects: number[];
  offsets: number[];
  bytes: number;
}
