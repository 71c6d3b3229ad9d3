/**
 * Writes a volume without ever holding it in memory. Every worker that contributes to a volume
 * opens the same temporary file; object numbers come from one shared counter and byte ranges
 * from one shared position (Atomics on a SharedArrayBuffer), so each worker serialises its
 * objects, reserves a range and writes it in place. The assembler ends the file with the
 * cross-reference table. Nothing is limited by Buffer size or by the 2 GB write limit, and a
 * worker holds at most one source document at a time.
 */
import { closeSync, fsyncSync, openSync, writeSync, writevSync } from 'node:fs';
import type { PDFContext, PDFObject, PDFRef } from '@cantoo/pdf-lib';
import { lib } from './pdflib';

/** %PDF-1.7 and the binary comment line that tells tools the file is binary. */
export const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

const BATCH = 4 * 1024 * 1024;

export function newCounters(): SharedArrayBuffer {
  return new SharedArrayBuffer(16);
}

export class VolumeWriter {
  private fd: number | null;
  private readonly numbers: Int32Array;
  private readonly position: BigInt64Array;

  constructor(
    readonly file: string,
    counters: SharedArrayBuffer,
  ) {
    this.numbers = new Int32Array(counters, 0, 1);
    this.position = new BigInt64Array(counters, 8, 1);
    this.fd = openSync(file, 'r+');
  }

  /** The next free object number of the volume. */
  allocate(): number {
    return Atomics.add(this.numbers, 0, 1) + 1;
  }

  /** The highest object number handed out so far. */
  get lastNumber(): number {
    return Atomics.load(this.numbers, 0);
  }

  /** Reserves `length` bytes at the end of what has been reserved; returns the offset. */
  reserve(length: number): number {
    return Number(Atomics.add(this.position, 0, BigInt(length)));
  }

  get end(): number {
    return Number(Atomics.load(this.position, 0));
  }

  writeAt(bytes: Uint8Array, offset: number): void {
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(this.fd!, bytes, done, bytes.length - done, offset + done);
    }
  }

  /** Writes consecutive byte arrays from `offset`, a few hundred per system call. */
  writeManyAt(parts: Uint8Array[], offset: number): void {
    let off = offset;
    for (let i = 0; i < parts.length; i += 256) {
      const group = parts.slice(i, i + 256);
      const total = group.reduce((a, p) => a + p.length, 0);
      const n = writevSync(this.fd!, group, off);
      if (n < total) {
        // A short write: finish the group piece by piece.
        let skip = n;
        let pos = off + n;
        for (const p of group) {
          if (skip >= p.length) {
            skip -= p.length;
            continue;
          }
          const rest = p.subarray(skip);
          this.writeAt(rest, pos);
          pos += rest.length;
          skip = 0;
        }
      }
      off += total;
    }
  }

  /** Appends bytes at a reserved position; returns that position. */
  append(bytes: Uint8Array): number {
    const at = this.reserve(bytes.length);
    this.writeAt(bytes, at);
    return at;
  }

  /**
   * Serialises indirect objects in batches of a few MB and writes each batch at a reserved
   * range. Returns each object's number and byte offset (for the xref table) and the bytes.
   */
  writeObjects(objects: [PDFRef, PDFObject][]): {
    numbers: number[];
    offsets: number[];
    bytes: number;
  } {
    const numbers: number[] = [];
    const offsets: number[] = [];
    let bytes = 0;
    let batch: { parts: Uint8Array[]; size: number; local: number[]; nums: number[] } = {
      parts: [],
      size: 0,
      local: [],
      nums: [],
    };
    const flush = () => {
      if (batch.size === 0) return;
      const at = this.reserve(batch.size);
      this.writeManyAt(batch.parts, at);
      batch.local.forEach((l, i) => {
        numbers.push(batch.nums[i]!);
        offsets.push(at + l);
      });
      bytes += batch.size;
      batch = { parts: [], size: 0, local: [], nums: [] };
    };
    for (const [ref, obj] of objects) {
      const parts = serialiseObject(ref, obj);
      const length = parts.reduce((a, p) => a + p.length, 0);
      if (batch.size + length > BATCH) flush();
      batch.local.push(batch.size);
      batch.nums.push(ref.objectNumber);
      batch.parts.push(...parts);
      batch.size += length;
    }
    flush();
    return { numbers, offsets, bytes };
  }

  sync(): void {
    if (this.fd !== null) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

const STREAM_END = Buffer.from('\nendstream\nendobj\n', 'latin1');

/**
 * "12 0 obj\n…\nendobj\n" as a list of byte arrays. A stream's contents are passed through as
 * they are (pdf-lib would copy them byte by byte in JavaScript).
 */
export function serialiseObject(ref: PDFRef, obj: PDFObject): Uint8Array[] {
  const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
  const { PDFStream } = lib();
  if (obj instanceof PDFStream) {
    const contents = obj.getContents();
    obj.dict.set(lib().PDFName.of('Length'), lib().PDFNumber.of(contents.length));
    const size = obj.dict.sizeInBytes();
    const out = Buffer.allocUnsafe(head.length + size + 8);
    out.write(head, 0, 'latin1');
    const written = obj.dict.copyBytesInto(out, head.length);
    out.write('\nstream\n', head.length + written, 'latin1');
    return [out.subarray(0, head.length + written + 8), contents, STREAM_END];
  }
  const size = obj.sizeInBytes();
  const out = Buffer.allocUnsafe(head.length + size + 8);
  out.write(head, 0, 'latin1');
  const written = obj.copyBytesInto(out, head.length);
  out.write('\nendobj\n', head.length + written, 'latin1');
  return [out.subarray(0, head.length + written + 8)];
}

/**
 * Makes a pdf-lib context draw its object numbers from the volume's shared counter, so objects
 * created in different workers never collide.
 */
export function shareNumbers(context: PDFContext, writer: VolumeWriter): void {
  const { PDFRef } = lib();
  context.nextRef = () => PDFRef.of(writer.allocate());
}

/**
 * The classic cross-reference table (one subsection from 0) and the trailer. Numbers handed
 * out but never written (an object a broken source referred to) are free entries.
 */
export function xrefAndTrailer(
  offsets: Float64Array,
  size: number,
  trailer: string,
  startxref: number,
): Buffer {
  const free: number[] = [];
  for (let n = 1; n < size; n++) if (!(offsets[n]! >= 0)) free.push(n);
  const nextFree = new Map<number, number>();
  free.forEach((n, i) => nextFree.set(n, free[i + 1] ?? 0));
  const lines: string[] = [`xref\n0 ${size}\n`, `${pad10(free[0] ?? 0)} 65535 f\r\n`];
  for (let n = 1; n < size; n++) {
    const off = offsets[n]!;
    lines.push(off >= 0 ? `${pad10(off)} 00000 n\r\n` : `${pad10(nextFree.get(n)!)} 00001 f\r\n`);
  }
  lines.push(`trailer\n${trailer}\nstartxref\n${startxref}\n%%EOF\n`);
  return Buffer.from(lines.join(''), 'latin1');
}

function pad10(n: number): string {
  return String(n).padStart(10, '0');
}
