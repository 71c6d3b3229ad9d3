import type { NodeKind } from './framework';
import type { Hundredths } from './points';

/**
 * The plain data that scoring and the completeness check work on. The database layer, the CLI
 * and export all build it; nothing here knows about SQLite or files, so the same check runs in
 * the UI, in the CLI and before export. Points are integer hundredths (shared/points.ts).
 */

export interface CheckScoringOption {
  label: string;
  points: Hundredths;
}

export interface CheckNode {
  id: number;
  parentId: number | null;
  code: string;
  title: string;
  /** A 'self' node under a survey/bonus/penalty node takes that kind (see effective kinds). */
  kind: NodeKind;
  maxPoints: Hundredths | null;
  /** The score must be a multiple of this (e.g. 25 for 0,25 steps). */
  step: Hundredths | null;
  mayBeNotApplicable: boolean;
  /** Already inherited from ancestors by whoever builds the input. */
  leadOfficeId: number | null;
  /** ISO date; inherited downward here when a leaf has none of its own. */
  deadline: string | null;
  /** Names of required evidence slots; matched against CheckLink.slot. */
  evidenceSlots: string[];
  scoringOptions: CheckScoringOption[];
}

export interface CheckScore {
  nodeId: number;
  selfScore: Hundredths | null;
  notApplicable: boolean;
  naReason: string | null;
  explanation: string | null;
  appraised: Hundredths | null;
  lastYear: Hundredths | null;
}

export type CheckFileKind =
  'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'odt' | 'ods';

export interface CheckDocument {
  id: number;
  /** File name or subject, used to name the document in messages when it has no number. */
  title: string;
  fileKind: CheckFileKind;
  /** Type abbreviation: QĐ, KH, BC, TB… */
  docType: string | null;
  number: string | null;
  issuedOn: string | null;
  subject: string | null;
  draft: boolean;
  isScan: boolean;
  encrypted: boolean;
  damaged: boolean;
  sizeBytes: number;
  /** 'corrupt': the stored file no longer matches its recorded hash. */
  fileStatus: 'ok' | 'missing' | 'corrupt';
}

export interface CheckLink {
  nodeId: number;
  documentId: number;
  slot: string | null;
}

export interface CheckOffice {
  id: number;
  name: string;
}

export interface CheckInput {
  /** The assessment year (kỳ đánh giá). */
  year: number;
  /** ISO date of "today", passed in so the check stays pure and testable. */
  today: string;
  uploadLimitBytes: number;
  /** A document linked to at least this many nodes gets an info; default 5. */
  manyLinksThreshold?: number;
  /** In tree order (parents before children). */
  nodes: CheckNode[];
  scores: CheckScore[];
  documents: CheckDocument[];
  links: CheckLink[];
  offices: CheckOffice[];
}
