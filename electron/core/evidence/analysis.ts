import os from 'node:os';
import type { FileKind } from '../../../shared/contract/evidence';
import { cleanText } from '../../../shared/text';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { tx } from '../db/open';
import { CoreError } from '../errors';
import { docxText } from './docx-text';
import { extractMetadata, type DocumentMetadata } from './metadata';
import { analysePdf } from './pdf-info';
import { setText } from './repo';
import { xlsxText } from './xlsx-text';
import { reindex } from './search';

/** Reading a stored file: pages, password, damage, text layer, and suggested metadata. */

export const TEXT_CAP = 200_000;
const PDF_TIMEOUT_MS = 60_000;
/**
 * Text is read from up to this many pages, and no further than TEXT_CAP characters (about 50
 * dense pages). Measured on a 300-page PDF: 0.40 s for 10 pages, 0.56 s for all 300 (the
 * worker's start-up dominates); dense text stops at the character cap.
 */
const PDF_TEXT_PAGES = 300;

export interface SuggestedMetadata {
  docType: string | null;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  subject: string | null;
  /** Null when nothing was read that could tell. */
  draft: boolean | null;
}

export interface Analysis {
  pages: number | null;
  encrypted: boolean;
  damaged: boolean;
  hasText: boolean | null;
  text: string | null;
  meta: SuggestedMetadata;
  /** Set when the file could not be read at all; it is kept, with this message. */
  error: string | null;
}

function suggestions(m: DocumentMetadata): SuggestedMetadata {
  return {
    docType: m.type,
    number: m.number,
    issuedOn: m.date,
    issuer: m.issuer,
    subject: m.subject,
    // A file name can say "dự thảo" but never that a document is final.
    draft: m.draft ? true : m.source === 'layout' || m.source === 'text' ? false : null,
  };
}

function capText(s: string): string | null {
  // Control characters (glyphs a PDF's font does not map) but line breaks and tabs.
  const t = s
    .normalize('NFC')
    .replace(/(?![\t\n\r])\p{Cc}/gu, '')
    .trim();
  return t ? t.slice(0, TEXT_CAP) : null;
}

export async function analyseFile(file: string, kind: FileKind, name: string): Promise<Analysis> {
  const fromName = () => suggestions(extractMetadata({ fileName: name }));
  const none = {
    pages: null,
    encrypted: false,
    damaged: false,
    hasText: null,
    text: null,
    error: null,
  };
  try {
    if (kind === 'pdf') {
      const info = await analysePdf(file, {
        timeoutMs: PDF_TIMEOUT_MS,
        textPages: PDF_TEXT_PAGES,
        textChars: TEXT_CAP,
      });
      const readable = !info.encrypted && info.pages > 0;
      return {
        pages: readable ? info.pages : null,
        encrypted: info.encrypted,
        damaged: info.damaged,
        hasText: readable ? info.hasText : null,
        text: info.hasText ? capText(info.textPages.join('\n\n')) : null,
        meta: suggestions(
          extractMetadata({
            items: info.items,
            text: info.textPages[0] ?? '',
            fileName: name,
            pageWidth: info.pageWidth || undefined,
          }),
        ),
        error: null,
      };
    }
    if (kind === 'docx') {
      const text = await docxText(file);
      return {
        ...none,
        hasText: text.trim().length > 0,
        text: capText(text),
        meta: suggestions(extractMetadata({ text, fileName: name })),
      };
    }
    if (kind === 'xlsx') {
      const text = await xlsxText(file, TEXT_CAP);
      return {
        ...none,
        hasText: text.trim().length > 0,
        text: capText(text),
        meta: fromName(),
      };
    }
    if (kind === 'png' || kind === 'jpeg') {
      return { ...none, pages: 1, hasText: false, meta: fromName() };
    }
    return { ...none, meta: fromName() };
  } catch (e) {
    const message =
      e instanceof CoreError
        ? e.message
        : 'Không đọc được nội dung tệp; tệp vẫn được lưu, hãy nhập thông tin văn bản bằng tay.';
    return { ...none, meta: fromName(), error: message };
  }
}

/** Cleans what analysis suggests the way a person's input is cleaned. */
export function cleanSuggestion(s: string | null): string | null {
  if (s == null) return null;
  const c = cleanText(s);
  return c || null;
}

/**
 * Writes an analysis into a pending document: file facts always, metadata only where the
 * column is still NULL (a person's value, or one given at intake, wins).
 */
export function applyAnalysis(db: Db, id: number, a: Analysis): void {
  tx(db, () => {
    const r = db
      .prepare(
        `UPDATE document SET pages = ?, encrypted = ?, damaged = ?, has_text = ?,
           doc_type = coalesce(doc_type, ?), number = coalesce(number, ?),
           issued_on = coalesce(issued_on, ?), issuer = coalesce(issuer, ?),
           subject = coalesce(subject, ?), draft = coalesce(draft, ?),
           analysis_status = ?, analysis_error = ?
         WHERE id = ? AND analysis_status = 'pending'`,
      )
      .run(
        a.pages,
        a.encrypted ? 1 : 0,
        a.damaged ? 1 : 0,
        a.hasText === null ? null : a.hasText ? 1 : 0,
        cleanSuggestion(a.meta.docType),
        cleanSuggestion(a.meta.number),
        a.meta.issuedOn,
        cleanSuggestion(a.meta.issuer),
        cleanSuggestion(a.meta.subject),
        a.meta.draft === null ? null : a.meta.draft ? 1 : 0,
        a.error ? 'failed' : 'done',
        a.error,
        id,
      );
    if (r.changes) {
      setText(db, id, a.text);
      reindex(db, id);
    }
  });
}

interface PendingRow {
  id: number;
  sha256: string;
  file_kind: FileKind;
  original_name: string;
}

/**
 * Reads files off the intake path: at most `slots` analyses at once (one per core, two at
 * most, so the UI stays responsive on an office PC), interactive requests first. Background
 * work is whatever is 'pending' in the database, so a restart simply resumes it. When the
 * workspace closes, running workers finish and their results are dropped; the rows stay
 * pending for next time.
 */
export class AnalysisQueue {
  readonly slots = Math.max(1, Math.min(2, os.availableParallelism()));
  private active = 0;
  private readonly waiting: { urgent: boolean; go: () => void }[] = [];
  private readonly inFlight = new Set<number>();
  private idleWaiters: (() => void)[] = [];
  private done = 0;
  private lastEmit = 0;

  constructor(private readonly c: CoreContext) {}

  /** Runs fn in an analysis slot. */
  async run<T>(urgent: boolean, fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      await new Promise<void>((go) => {
        const entry = { urgent, go };
        const at = urgent ? this.waiting.findIndex((w) => !w.urgent) : -1;
        if (at === -1) this.waiting.push(entry);
        else this.waiting.splice(at, 0, entry);
      });
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next.go();
      else this.active--;
    }
  }

  /** Starts background analysis of pending documents, if any and if not already running. */
  kick(): void {
    const db = this.db();
    if (!db) return;
    while (this.inFlight.size < this.slots) {
      const row = db
        .prepare(
          `SELECT id, sha256, file_kind, original_name FROM document
           WHERE analysis_status = 'pending' AND id NOT IN (SELECT value FROM json_each(?))
           ORDER BY id LIMIT 1`,
        )
        .get(JSON.stringify([...this.inFlight])) as PendingRow | undefined;
      if (!row) break;
      this.inFlight.add(row.id);
      void this.run(false, () => this.analyseOne(row)).finally(() => {
        this.inFlight.delete(row.id);
        this.done++;
        this.kick();
        if (this.inFlight.size === 0) this.settled();
        else this.report(false);
      });
    }
    if (this.inFlight.size === 0) this.settled();
  }

  /** Counts, after waiting up to waitMs for the background work to finish. */
  async status(waitMs: number): Promise<{ pending: number; failed: number; running: number }> {
    this.kick();
    if (waitMs > 0 && this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.idleWaiters.push(done);
      });
    }
    const db = this.c.ws().db;
    const count = (status: string) =>
      db
        .prepare('SELECT count(*) FROM document WHERE analysis_status = ? AND deleted_at IS NULL')
        .pluck()
        .get(status) as number;
    return { pending: count('pending'), failed: count('failed'), running: this.inFlight.size };
  }

  private db(): Db | null {
    try {
      const w = this.c.ws();
      return w.db.open && !w.readOnly ? w.db : null;
    } catch {
      return null;
    }
  }

  private async analyseOne(row: PendingRow): Promise<void> {
    const w = this.c.ws();
    const analysis = await analyseFile(
      w.store.pathOf(row.sha256),
      row.file_kind,
      row.original_name,
    );
    const db = this.db();
    if (!db) return;
    applyAnalysis(db, row.id, analysis);
  }

  private settled(): void {
    if (this.done > 0) this.report(true);
    this.done = 0;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Lets open views follow the background work without flooding them. */
  private report(final: boolean): void {
    const now = Date.now();
    if (!final && now - this.lastEmit < 1000) return;
    this.lastEmit = now;
    const db = this.db();
    if (!db) return;
    const pending = db
      .prepare("SELECT count(*) FROM document WHERE analysis_status = 'pending'")
      .pluck()
      .get() as number;
    this.c.emit({
      type: 'job.progress',
      jobId: 'evidence.analysis',
      done: this.done,
      total: this.done + pending,
      label: 'Đọc nội dung tài liệu',
    });
    this.c.changed('evidence');
  }
}
