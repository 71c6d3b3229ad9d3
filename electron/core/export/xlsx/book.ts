import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp, type WriteStream } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cancelled } from '../folder';

/**
 * The streaming workbook writer (rows go to the zip as they are committed, so 20,000 evidence
 * rows keep memory flat), written to a temporary name beside the target and renamed at the end.
 *
 * Two things the exceljs streaming writer does not do by itself:
 * - `fullCalcOnLoad`: its workbook.xml always has a bare <calcPr/>. We add the attribute so Excel
 *   and LibreOffice recompute every formula on opening (the cached results we write are the
 *   app's numbers, so nothing changes unless someone edits a score);
 * - aborting: archiver is told to abort and the file stream is destroyed.
 * Known trap avoided here: in streaming mode, hyperlinks in a sheet that also has data
 * validation or conditional formatting make files Excel refuses, so we use neither; and its
 * hyperlinks are always external relationships, so links inside the workbook use HYPERLINK().
 */

interface ArchiverLike {
  append(source: unknown, data: { name: string }): unknown;
  abort(): unknown;
}

export const CALC_PR = '<calcPr calcId="171027"/>';
export const CALC_PR_FULL = '<calcPr calcId="171027" fullCalcOnLoad="1"/>';

export interface StreamingBook {
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Commits every sheet and renames the temporary file to `file`. */
  finish(): Promise<void>;
  /** Stops writing and removes the temporary file. */
  abort(): Promise<void>;
}

interface SharedStringsLike {
  _values: string[];
  _totalRefs: number;
  add(value: string): number;
}

/**
 * exceljs keys its shared-string table by a plain object: every lookup of a long string
 * (subjects, hashes) interns it first, which for 100,000 distinct strings costs a second.
 * A Map does the same job without interning.
 */
function fastSharedStrings(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const book = wb as unknown as {
    sharedStrings?: SharedStringsLike;
    zip?: ArchiverLike;
    addSharedStrings?: () => Promise<void>;
  };
  const ss = book.sharedStrings;
  if (!ss || !Array.isArray(ss._values) || typeof ss.add !== 'function') return;
  const index = new Map<string, number>();
  ss.add = (value: string) => {
    let i = index.get(value);
    if (i === undefined) {
      i = ss._values.length;
      index.set(value, i);
      ss._values.push(value);
    }
    ss._totalRefs++;
    return i;
  };
  // Its table is rendered through a generic XML builder, one object per string; this is the
  // same XML (exceljs reads it back in the tests) in a tenth of the time.
  const render = book.addSharedStrings?.bind(wb);
  if (!render || !book.zip) return;
  const zip = book.zip;
  book.addSharedStrings = () => {
    const values = ss._values;
    if (values.length === 0 || values.some((v) => typeof v !== 'string')) return render();
    const parts: string[] = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${ss._totalRefs}" uniqueCount="${values.length}">`,
    ];
    for (const v of values) {
      const t = xmlText(v);
      parts.push(
        /^\s|\n|\s$/.test(v) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`,
      );
    }
    parts.push('</sst>');
    zip.append(parts.join(''), { name: '/xl/sharedStrings.xml' });
    return Promise.resolve();
  };
}

const XML_ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML; characters XML 1.0 cannot carry at all are dropped. */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
export function xmlText(s: string): string {
  return s.replace(XML_SPECIAL, (c) => XML_ESCAPE[c] ?? '');
}

export async function openStreamingBook(file: string): Promise<StreamingBook> {
  const target = path.resolve(file);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const stream: WriteStream = createWriteStream(tmp, { flags: 'wx' });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  fastSharedStrings(wb);
  wb.creator = 'Hồ sơ kiểm chứng';
  wb.lastModifiedBy = 'Hồ sơ kiểm chứng';
  const zip = (wb as unknown as { zip: ArchiverLike }).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    if (typeof source === 'string' && /(^|\/)xl\/workbook\.xml$/.test(data.name)) {
      source = source.replace(CALC_PR, CALC_PR_FULL);
    }
    return append(source, data);
  };

  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  return {
    wb,
    async finish() {
      try {
        await wb.commit();
        await closed;
        await fsp.rename(tmp, target);
      } catch (e) {
        await fsp.rm(tmp, { force: true });
        throw e;
      }
    },
    async abort() {
      try {
        zip.abort();
      } catch {
        // already finished or failed: the file is removed below either way
      }
      stream.destroy();
      await closed;
      await fsp.rm(tmp, { force: true });
    },
  };
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw cancelled();
}

interface ChunkLike {
  length: number;
}
interface StreamBufLike {
  _pipe(chunk: ChunkLike): Promise<void>;
  buffers: ChunkLike[];
}

/** Bytes of sheet XML written but not yet taken by the zip (past this, writing waits). */
const MAX_BACKLOG = 4 << 20;

/**
 * How much of a streamed sheet's XML is still waiting for the zip: exceljs pushes rows into
 * the compressor without waiting, so a sheet written in one go sits in memory until the end.
 * Counting what its stream hands to the zip, and what the zip has taken, gives backpressure.
 */
export function backlogOf(ws: ExcelJS.Worksheet): () => number {
  const s = (ws as unknown as { stream?: StreamBufLike }).stream;
  if (!s || typeof s._pipe !== 'function' || !Array.isArray(s.buffers)) return () => 0;
  let inFlight = 0;
  const pipe = s._pipe.bind(s);
  s._pipe = async (chunk) => {
    const n = chunk.length;
    inFlight += n;
    try {
      await pipe(chunk);
    } finally {
      inFlight -= n;
    }
  };
  return () => {
    let queued = inFlight;
    for (const b of s.buffers) queued += b.length;
    return queued;
  };
}

/**
 * Lets the zip and the file stream take what the rows so far produced, waiting while more than
 * MAX_BACKLOG is pending (at most a few seconds, so a stalled zip cannot hang the export).
 */
export async function breathe(backlog?: () => number): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!backlog) return;
  const until = Date.now() + 5000;
  while (backlog() > MAX_BACKLOG && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
