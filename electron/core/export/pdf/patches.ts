/**
 * Measured fixes to pdf-lib, applied in the PDF workers only (docs/benchmarks.md).
 *
 * 1. When a stream's
 * /Length is an indirect object (scanner software and some office suites write "/Length 12 0 R")
 * pdf-lib cannot know the length while reading front to back and looks for "endstream" one byte
 * at a time in JavaScript, keyword by keyword: about 30 MB/s, a third of the export time on a
 * realistic dataset (docs/benchmarks.md). The replacement finds it with Buffer.indexOf (native)
 * and drops the end-of-line before it, as the original does. It also no longer mistakes the
 * bytes "stream" inside image data for a nested stream.
 *
 * 2. pdf-lib copies every stream's bytes out of the file when parsing, and again when
 *    copyPages clones it: a document was held three times over. Here both share the bytes of
 *    the file read once (nothing writes into them; the worker drops the document once its
 *    pages are written), so a worker needs about the size of the document it is copying.
 */
import type { PDFRawStream } from '@cantoo/pdf-lib';
import type { PdfLib } from './pdflib';

const ENDSTREAM = Buffer.from('endstream', 'latin1');

interface ByteStreamLike {
  offset(): number;
  moveTo(offset: number): void;
}

let applied = false;

export function applyParserPatches(lib: PdfLib): void {
  if (applied) return;
  applied = true;
  const proto = lib.PDFObjectParser.prototype as unknown as {
    findEndOfStreamFallback?: (this: { bytes: ByteStreamLike }, startPos: unknown) => number;
  };
  const original = proto.findEndOfStreamFallback;
  if (typeof original !== 'function') return;
  shareStreamBytes(lib);
  proto.findEndOfStreamFallback = function (
    this: { bytes: ByteStreamLike },
    startPos: unknown,
  ): number {
    const raw = (this.bytes as unknown as { bytes?: unknown }).bytes;
    if (!(raw instanceof Uint8Array)) return original.call(this, startPos);
    const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const start = this.bytes.offset();
    const at = buf.indexOf(ENDSTREAM, start);
    if (at < 0) return original.call(this, startPos);
    let end = at;
    if (end > start && buf[end - 1] === 0x0a) end--;
    if (end > start && buf[end - 1] === 0x0d) end--;
    this.bytes.moveTo(at + ENDSTREAM.length);
    return end;
  };
}

function shareStreamBytes(lib: PdfLib): void {
  // ByteStream is not exported: reach its prototype through a parser that is never run.
  const probe = lib.PDFParser.forBytesWithOptions(new Uint8Array([0x25])) as unknown as {
    bytes?: { constructor?: { prototype?: { slice?: unknown } } };
  };
  const byteStream = probe.bytes?.constructor?.prototype;
  if (byteStream && typeof byteStream.slice === 'function') {
    byteStream.slice = function (this: { bytes: Uint8Array }, start: number, end: number) {
      return this.bytes.subarray(start, end);
    };
  }
  const raw = lib.PDFRawStream.prototype as unknown as {
    clone: (context?: unknown) => unknown;
  };
  raw.clone = function (this: PDFRawStream, context?: unknown) {
    return lib.PDFRawStream.of(this.dict.clone(context as never), this.contents);
  };
}
