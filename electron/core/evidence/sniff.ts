/**
 * What a file really is, from its bytes (never its name), and whether it may be kept as
 * evidence. Office formats are containers, so ZIP (OOXML, OpenDocument) and OLE2 (.doc/.xls)
 * files are opened and their parts looked at.
 */
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import yauzl from 'yauzl';

export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'odt' | 'ods';

export interface SniffAccepted {
  kind: EvidenceKind;
  mime: string;
  /** The extension the file should carry, without the dot. */
  ext: string;
}
export interface SniffRefused {
  refused: true;
  /** Vietnamese, fit to show as is. */
  reason: string;
}
export type SniffResult = SniffAccepted | SniffRefused;

/** How much of a file sniffBytes should be given to recognise everything it can. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

const KINDS: Record<EvidenceKind, { mime: string; ext: string }> = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  doc: { mime: 'application/msword', ext: 'doc' },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods' },
};

const ACCEPTED_LIST =
  'PDF, Word (.docx, .doc), Excel (.xlsx, .xls), OpenDocument (.odt, .ods) và ảnh PNG, JPEG';

export function isRefused(r: SniffResult): r is SniffRefused {
  return 'refused' in r;
}

function ok(kind: EvidenceKind): SniffAccepted {
  return { kind, ...KINDS[kind] };
}
function no(reason: string): SniffRefused {
  return { refused: true, reason };
}

const R = {
  empty: () => no('Tệp rỗng (0 byte), không có nội dung để làm tài liệu kiểm chứng.'),
  exe: (what: string) => no(`Tệp thực thi (${what}) không được nhận làm tài liệu kiểm chứng.`),
  script: () => no('Tệp lệnh (script, bắt đầu bằng "#!") không được nhận làm tài liệu kiểm chứng.'),
  archive: (ext: string) =>
    no(
      `Tệp nén (.${ext}) không được nhận làm tài liệu kiểm chứng. Hãy giải nén rồi thêm từng tài liệu.`,
    ),
  macro: (ext: string) =>
    no(
      `Tệp Office có macro (.${ext}) không được nhận vì có thể chứa mã độc. Hãy lưu lại thành .docx, .xlsx hoặc PDF.`,
    ),
  officeLocked: () =>
    no(
      'Tệp Office đang đặt mật khẩu nên không đọc được. Hãy bỏ mật khẩu hoặc lưu thành PDF rồi thêm lại.',
    ),
  slides: (ext: string) =>
    no(`Tệp trình chiếu (.${ext}) chưa được nhận. Hãy lưu thành PDF rồi thêm lại.`),
  image: (ext: string) =>
    no(`Ảnh định dạng .${ext} chưa được nhận. Hãy chuyển sang PNG hoặc JPEG rồi thêm lại.`),
  other: (ext: string) =>
    no(`Định dạng .${ext} không được nhận làm tài liệu kiểm chứng. Chỉ nhận ${ACCEPTED_LIST}.`),
  unknown: () => no(`Không nhận ra định dạng tệp. Chỉ nhận ${ACCEPTED_LIST}.`),
};

const EXECUTABLES: Record<string, string> = {
  exe: '.exe',
  elf: 'ELF, chương trình Linux',
  macho: 'Mach-O, chương trình macOS',
  dmg: '.dmg',
  deb: '.deb',
  rpm: '.rpm',
  apk: '.apk',
  jar: '.jar',
  class: '.class',
  wasm: '.wasm',
  crx: '.crx',
  xpi: '.xpi',
  lnk: '.lnk',
  swf: '.swf',
  reg: '.reg',
  asar: '.asar',
  msi: '.msi',
};
const ARCHIVES = new Set([
  'zip',
  'rar',
  '7z',
  'gz',
  'bz2',
  'xz',
  'tar',
  'zst',
  'cab',
  'lz',
  'lz4',
  'lzh',
  'arj',
  'cpio',
  'ace',
  'ar',
  'epub',
]);
const IMAGES = new Set([
  'gif',
  'webp',
  'bmp',
  'tif',
  'heic',
  'avif',
  'jxl',
  'jp2',
  'jpx',
  'psd',
  'ico',
  'apng',
  'cr2',
  'cr3',
  'nef',
  'dng',
  'arw',
  'orf',
  'raf',
  'rw2',
  'xcf',
  'bpg',
  'jxr',
  'flif',
]);

/** Random access to the bytes being sniffed: a whole buffer, a head, or an open file. */
interface Source {
  size: number;
  /** Set for files on disk, so ZIP directories are read in place. */
  path?: string;
  read(offset: number, length: number): Promise<Uint8Array>;
}

function bufferSource(buf: Uint8Array, size: number): Source {
  return {
    size,
    read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
  };
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/** Checks that must win over anything else the bytes might also look like. */
function hardRefusal(head: Uint8Array): SniffRefused | null {
  if (startsWith(head, [0x4d, 0x5a])) return R.exe('.exe');
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return R.exe(EXECUTABLES.elf!);
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (startsWith(head, magic)) return R.exe(EXECUTABLES.macho!);
  }
  if (startsWith(head, [0x00, 0x61, 0x73, 0x6d])) return R.exe(EXECUTABLES.wasm!);
  let i = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) i = 3;
  if (head[i] === 0x23 && head[i + 1] === 0x21) return R.script();
  return null;
}

/**
 * Containers recognised by their first bytes. A file that starts as one of these is that
 * container, whatever "%PDF-" appears further on: an uncompressed ZIP (or tar, or .doc) holding
 * a PDF has the PDF's header in its first kilobyte, and a PDF reader would still open it.
 */
const LEADING_CONTAINERS: [ext: string, sig: number[], at?: number][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['zip', [0x50, 0x4b, 0x07, 0x08]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['gz', [0x1f, 0x8b]],
  ['bz2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zst', [0x28, 0xb5, 0x2f, 0xfd]],
  ['cab', [0x4d, 0x53, 0x43, 0x46]],
  ['cfb', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['tar', [0x75, 0x73, 0x74, 0x61, 0x72], 257],
];

function leadingContainer(head: Uint8Array): string | null {
  for (const [ext, sig, at] of LEADING_CONTAINERS) if (startsWith(head, sig, at)) return ext;
  return null;
}

async function sniff(src: Source): Promise<SniffResult> {
  if (src.size === 0) return R.empty();
  const head = await src.read(0, SNIFF_HEAD_BYTES);
  const hard = hardRefusal(head);
  if (hard) return hard;
  const container = leadingContainer(head);
  // The PDF header may sit anywhere in the first 1024 bytes, after junk, but not inside a
  // container: that is the container's content, not a PDF.
  if (!container && latin1(head.subarray(0, 1024)).includes('%PDF-')) return ok('pdf');

  const ft = await fileTypeFromBuffer(head);
  let ext = ft?.ext as string | undefined;
  if (container && (!ext || ext === 'pdf')) ext = container;
  if (!ext) return R.unknown();
  if (ext === 'png') return ok('png');
  if (ext === 'jpg') return ok('jpeg');
  if (ext === 'cfb') return sniffOle(src);
  if (isZipFamily(ext) || ext === 'zip') {
    const inside = await sniffZip(src);
    if (inside) return inside;
    // Only a head was given and the ZIP directory is not in it: trust file-type's walk.
    return fromZipExt(ext);
  }
  if (EXECUTABLES[ext]) return R.exe(EXECUTABLES[ext]!);
  if (ARCHIVES.has(ext)) return R.archive(ext);
  if (IMAGES.has(ext)) return R.image(ext);
  return R.other(ext);
}

const ZIP_FAMILY = new Set([
  'docx',
  'xlsx',
  'pptx',
  'docm',
  'xlsm',
  'pptm',
  'dotx',
  'dotm',
  'xltx',
  'xltm',
  'potx',
  'potm',
  'ppsx',
  'ppsm',
  'odt',
  'ods',
  'odp',
  'odg',
  'ott',
  'ots',
  'otp',
  'otg',
  'epub',
  'jar',
  'apk',
  'xpi',
  'vsdx',
  '3mf',
]);
function isZipFamily(ext: string): boolean {
  return ZIP_FAMILY.has(ext);
}

function fromZipExt(ext: string): SniffResult {
  if (ext === 'docx' || ext === 'dotx') return ok('docx');
  if (ext === 'xlsx' || ext === 'xltx') return ok('xlsx');
  if (ext === 'odt' || ext === 'ott') return ok('odt');
  if (ext === 'ods' || ext === 'ots') return ok('ods');
  if (['docm', 'dotm', 'xlsm', 'xltm', 'pptm', 'potm', 'ppsm'].includes(ext)) return R.macro(ext);
  if (['pptx', 'ppsx', 'potx', 'odp', 'otp'].includes(ext)) return R.slides(ext);
  if (EXECUTABLES[ext]) return R.exe(EXECUTABLES[ext]!);
  if (ARCHIVES.has(ext)) return R.archive(ext);
  return R.other(ext);
}

// ---------------------------------------------------------------------------------------------
// ZIP containers.

interface ZipEntryInfo {
  name: string;
  read: () => Promise<string>;
}

const MAX_PART = 1024 * 1024;

/** The entries of a ZIP, or null when its central directory is not within reach. */
async function zipEntries(
  src: Source,
): Promise<{ entries: ZipEntryInfo[]; close: () => void } | null> {
  let opened: Promise<yauzl.ZipFile | null>;
  if (src.path) {
    const file = src.path;
    opened = new Promise((res) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) =>
        res(e ? null : (z ?? null)),
      ),
    );
  } else {
    const all = await src.read(0, src.size);
    if (all.length < src.size) return null;
    const buffer = Buffer.from(all.buffer, all.byteOffset, all.byteLength);
    opened = new Promise((res) =>
      yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => res(e ? null : (z ?? null))),
    );
  }
  const zip = await opened;
  if (!zip) return null;
  const entries = await new Promise<yauzl.Entry[] | null>((resolve) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      list.push(entry);
      if (list.length < 5000) zip.readEntry();
      else resolve(list);
    });
    zip.on('end', () => resolve(list));
    zip.on('error', () => resolve(list.length ? list : null));
    zip.readEntry();
  });
  if (!entries) {
    zip.close();
    return null;
  }
  const read = (entry: yauzl.Entry) =>
    new Promise<string>((res) => {
      if (entry.uncompressedSize > MAX_PART) return res('');
      zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return res('');
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => res(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', () => res(''));
      });
    });
  return {
    entries: entries.map((entry) => ({ name: entry.fileName, read: () => read(entry) })),
    close: () => zip.close(),
  };
}

/** Decides what a ZIP is from its parts; null when the parts cannot be listed. */
async function sniffZip(src: Source): Promise<SniffResult | null> {
  const zip = await zipEntries(src);
  if (!zip) return localHeaderSniff(src);
  try {
    return await zipVerdict(zip.entries);
  } finally {
    zip.close();
  }
}

async function zipVerdict(entries: ZipEntryInfo[]): Promise<SniffResult> {
  const byName = new Map(entries.map((e) => [e.name, e]));

  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const mime = (await mimetype.read()).trim();
    if (mime === KINDS.odt.mime || mime === 'application/vnd.oasis.opendocument.text-template') {
      return ok('odt');
    }
    if (
      mime === KINDS.ods.mime ||
      mime === 'application/vnd.oasis.opendocument.spreadsheet-template'
    ) {
      return ok('ods');
    }
    if (mime.includes('presentation')) return R.slides('odp');
    if (mime === 'application/epub+zip') return R.archive('epub');
    if (mime.startsWith('application/vnd.oasis.opendocument.')) return R.other('odg');
  }

  const types = byName.get('[Content_Types].xml');
  if (types) return ooxmlFromContentTypes(await types.read(), byName);

  if (byName.has('AndroidManifest.xml')) return R.exe('.apk');
  if (byName.has('META-INF/MANIFEST.MF') || entries.some((e) => e.name.endsWith('.class'))) {
    return R.exe('.jar');
  }
  return R.archive('zip');
}

function ooxmlFromContentTypes(xml: string, byName: Map<string, ZipEntryInfo>): SniffResult {
  const main = /ContentType="([^"]+\.main\+xml)"/.exec(xml)?.[1] ?? '';
  if (/ms-word\.(document|template)\.macroEnabled/i.test(main)) return R.macro('docm');
  if (/ms-excel\.(sheet|template)\.macroEnabled/i.test(main)) return R.macro('xlsm');
  if (/ms-powerpoint\.(presentation|slideshow|template)\.macroEnabled/i.test(main)) {
    return R.macro('pptm');
  }
  if (main.includes('wordprocessingml')) return ok('docx');
  if (main.includes('spreadsheetml')) return ok('xlsx');
  if (main.includes('presentationml')) return R.slides('pptx');
  if (byName.has('word/document.xml')) return ok('docx');
  if (byName.has('xl/workbook.xml')) return ok('xlsx');
  if (byName.has('ppt/presentation.xml')) return R.slides('pptx');
  if (byName.has('visio/document.xml')) return R.other('vsdx');
  return R.archive('zip');
}

/**
 * Head-only fallback: walks the local file headers in order (ODF stores "mimetype" first,
 * Word stores "[Content_Types].xml" first). Null when nothing conclusive is within reach.
 */
async function localHeaderSniff(src: Source): Promise<SniffResult | null> {
  const buf = await src.read(0, SNIFF_HEAD_BYTES);
  const names = new Map<string, string>();
  let at = 0;
  for (let n = 0; n < 200 && at + 30 <= buf.length; n++) {
    if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04], at)) break;
    const dv = new DataView(buf.buffer, buf.byteOffset + at, 30);
    const flags = dv.getUint16(6, true);
    const method = dv.getUint16(8, true);
    const csize = dv.getUint32(18, true);
    const nameLen = dv.getUint16(26, true);
    const extraLen = dv.getUint16(28, true);
    const name = Buffer.from(buf.subarray(at + 30, at + 30 + nameLen)).toString('utf8');
    const dataAt = at + 30 + nameLen + extraLen;
    if (flags & 0x08 && csize === 0) break; // size only known from a trailing descriptor
    const data = buf.subarray(dataAt, dataAt + csize);
    let text = '';
    if ((name === 'mimetype' || name === '[Content_Types].xml') && data.length === csize) {
      try {
        text = (method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8');
      } catch {
        text = '';
      }
    }
    names.set(name, text);
    at = dataAt + csize;
  }
  const mime = names.get('mimetype')?.trim();
  if (mime === KINDS.odt.mime) return ok('odt');
  if (mime === KINDS.ods.mime) return ok('ods');
  const types = names.get('[Content_Types].xml');
  if (types) {
    const fake = new Map([...names.keys()].map((k) => [k, { name: k, read: async () => '' }]));
    return ooxmlFromContentTypes(types, fake);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// OLE2 compound files (.doc, .xls, also .msi, .ppt, password-protected OOXML).

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;

async function oleStreamNames(src: Source): Promise<string[] | null> {
  const header = await src.read(0, 512);
  if (header.length < 512) return null;
  const dv = new DataView(header.buffer, header.byteOffset, 512);
  const shift = dv.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const numFat = dv.getUint32(44, true);
  const firstDir = dv.getUint32(48, true);
  const perSector = sectorSize / 4;
  const sectorAt = (n: number) => (n + 1) * sectorSize;

  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++)
    fatSectors.push(dv.getUint32(76 + i * 4, true));
  let difat = dv.getUint32(68, true);
  for (
    let guard = 0;
    fatSectors.length < numFat && difat !== ENDOFCHAIN && difat !== FREESECT && guard < 4096;
    guard++
  ) {
    const s = await src.read(sectorAt(difat), sectorSize);
    if (s.length < sectorSize) return null;
    const sv = new DataView(s.buffer, s.byteOffset, sectorSize);
    for (let i = 0; i < perSector - 1 && fatSectors.length < numFat; i++)
      fatSectors.push(sv.getUint32(i * 4, true));
    difat = sv.getUint32(sectorSize - 4, true);
  }
  const fatCache = new Map<number, DataView>();
  const next = async (sector: number): Promise<number | null> => {
    const idx = Math.floor(sector / perSector);
    const fs = fatSectors[idx];
    if (fs === undefined) return null;
    let view = fatCache.get(idx);
    if (!view) {
      const s = await src.read(sectorAt(fs), sectorSize);
      if (s.length < sectorSize) return null;
      view = new DataView(s.buffer, s.byteOffset, sectorSize);
      fatCache.set(idx, view);
    }
    return view.getUint32((sector % perSector) * 4, true);
  };

  const names: string[] = [];
  let sector = firstDir;
  for (let guard = 0; sector !== ENDOFCHAIN && guard < 256; guard++) {
    const s = await src.read(sectorAt(sector), sectorSize);
    if (s.length < sectorSize) return names.length ? names : null;
    for (let o = 0; o + 128 <= sectorSize; o += 128) {
      const len = s[o + 64]! | (s[o + 65]! << 8);
      const type = s[o + 66];
      if (type !== 1 && type !== 2) continue; // storages and streams only
      if (len < 2 || len > 64) continue;
      names.push(Buffer.from(s.subarray(o, o + len - 2)).toString('utf16le'));
    }
    const n = await next(sector);
    if (n === null) break;
    sector = n;
  }
  return names;
}

async function sniffOle(src: Source): Promise<SniffResult> {
  const names = await oleStreamNames(src);
  if (!names) return R.unknown();
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) return R.officeLocked();
  if (has('WordDocument')) return ok('doc');
  if (has('Workbook') || has('Book')) return ok('xls');
  if (has('PowerPoint Document')) return R.slides('ppt');
  // Windows Installer names its streams in a packed alphabet (U+3800–U+4840).
  if (names.some((n) => /[\u3800-\u4840]/.test(n))) return R.exe('.msi');
  return R.unknown();
}

// ---------------------------------------------------------------------------------------------

/**
 * Sniffs bytes already in memory. With the whole file everything is recognised; with only a
 * head (at least SNIFF_HEAD_BYTES) a few containers whose directory lies at the end
 * (some .doc/.xls) cannot be told apart and are refused as unknown: prefer sniffFile.
 */
export async function sniffBytes(head: Uint8Array, totalSize?: number): Promise<SniffResult> {
  return sniff(bufferSource(head, Math.max(head.length, totalSize ?? 0)));
}

/** Sniffs a file on disk, reading only what it needs (the whole file only for ZIP containers). */
export async function sniffFile(filePath: string): Promise<SniffResult> {
  const fh = await open(filePath, 'r');
  try {
    const { size } = await fh.stat();
    const src: Source = {
      size,
      path: filePath,
      read: async (offset, length) => {
        const len = Math.max(0, Math.min(length, size - offset));
        const buf = Buffer.alloc(len);
        if (len > 0) await fh.read(buf, 0, len, offset);
        return buf;
      },
    };
    return await sniff(src);
  } finally {
    await fh.close();
  }
}
