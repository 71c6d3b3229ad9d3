import path from 'node:path';
import { asciiSlug, cleanText } from '../../../shared/text';
import { CoreError } from '../errors';

/**
 * File and folder names for the upload folder. Plain ASCII by default (many upload systems
 * mangle diacritics), Vietnamese NFC on request; either way without the characters Windows
 * forbids, never a reserved device name, never two names in one folder that differ only by
 * case, and every absolute path shorter than MAX_PATH_CHARS (Windows tools still choke on
 * long paths, and Explorer's zip extraction adds its own folder on top).
 */

/** Every absolute path must stay strictly below this many characters (UTF-16 units). */
export const MAX_PATH_CHARS = 200;
/** The subject part of a file name is cut (at a word boundary) to at most this. */
export const MAX_SUBJECT_CHARS = 60;
/** Below this, a subject is not worth keeping: the file is named by its evidence code only. */
const MIN_SUBJECT_CHARS = 8;

// eslint-disable-next-line no-control-regex
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const EXTENSION: Record<string, string> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpg',
  docx: 'docx',
  xlsx: 'xlsx',
  doc: 'doc',
  xls: 'xls',
  odt: 'odt',
  ods: 'ods',
};

/** "pdf" for a PDF, "jpg" for JPEG…; the original name's extension for anything unknown. */
export function extensionOf(fileKind: string, originalName: string): string {
  const known = EXTENSION[fileKind];
  if (known) return known;
  const ext = path.extname(originalName).slice(1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : 'bin';
}

/** Windows refuses names ending in a dot or a space, and the device names (CON, NUL, COM1…). */
function finish(name: string): string {
  const trimmed = name.replace(/[. ]+$/, '').replace(/^ +/, '');
  if (trimmed === '') return '_';
  return RESERVED.test(trimmed) ? `_${trimmed}` : trimmed;
}

/**
 * A criterion code as a folder name: "1.2.3" stays, "a)" stays, "TC 9/1" becomes "TC-9-1".
 * ASCII mode also folds diacritics ("Đ" → "D").
 */
export function codeSegment(code: string, ascii: boolean): string {
  let s = cleanText(code);
  if (ascii) {
    s = s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._()+-]+/g, '-');
  } else {
    s = s.replace(WINDOWS_FORBIDDEN, '-');
  }
  return finish(s);
}

/** Cuts at the last separator before `max` when that keeps at least half, else hard. */
function cut(s: string, max: number, sep: string): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const at = head.lastIndexOf(sep);
  return at >= max / 2 ? head.slice(0, at) : head;
}

/**
 * The short subject of a file name, at most `max` characters: "Ke-hoach-cai-cach-hanh-chinh"
 * (ASCII) or "Kế hoạch cải cách hành chính" (Vietnamese, NFC). Empty when nothing is left.
 */
export function subjectPart(text: string, max: number, ascii: boolean): string {
  if (max <= 0) return '';
  if (ascii) {
    const slug = asciiSlug(text, 10_000);
    return cut(slug, max, '-').replace(/-+$/, '');
  }
  const clean = cleanText(text).replace(WINDOWS_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  const short = cut(clean, max, ' ');
  const done = short.replace(/[. ]+$/, '');
  return RESERVED.test(done) ? `_${done}` : done;
}

/** The key two names collide on: Windows and macOS compare without case (and macOS without NFD/NFC). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Hands out unique names per folder. `make(extra)` builds a candidate given the number of
 * characters a "-2" suffix needs, so the subject is shortened rather than the path growing.
 */
export class NameRegistry {
  private readonly used = new Map<string, Set<string>>();

  claim(folderKey: string, make: (suffix: string) => string): string {
    const key = collisionKey(folderKey);
    let set = this.used.get(key);
    if (!set) {
      set = new Set();
      this.used.set(key, set);
    }
    for (let i = 1; ; i++) {
      const name = make(i === 1 ? '' : `-${i}`);
      const k = collisionKey(name);
      if (!set.has(k)) {
        set.add(k);
        return name;
      }
    }
  }
}

/**
 * Names one evidence file: `<evidenceCode>_<subject><suffix>.<ext>`, with the subject cut so
 * the absolute path stays below MAX_PATH_CHARS; without the subject when that is all that fits;
 * null when not even that fits.
 */
export function evidenceFileName(opts: {
  folderAbs: string;
  evidenceCode: string;
  subject: string;
  ext: string;
  ascii: boolean;
  suffix: string;
}): string | null {
  const code = codeSegment(opts.evidenceCode, opts.ascii);
  const tail = `${opts.suffix}.${opts.ext}`;
  // folder + separator + code + "_" + subject + tail < MAX_PATH_CHARS
  const room = MAX_PATH_CHARS - 1 - (opts.folderAbs.length + 1 + code.length + 1 + tail.length);
  const subject = subjectPart(opts.subject, Math.min(MAX_SUBJECT_CHARS, room), opts.ascii);
  const name =
    subject.length >= Math.min(MIN_SUBJECT_CHARS, opts.subject.length) && subject !== ''
      ? `${code}_${subject}${tail}`
      : `${code}${tail}`;
  return opts.folderAbs.length + 1 + name.length < MAX_PATH_CHARS ? name : null;
}

export function pathTooLong(where: string): CoreError {
  return new CoreError(
    'INVALID_INPUT',
    `Thư mục xuất “${where}” có đường dẫn quá dài: tên tệp bên trong sẽ vượt ${MAX_PATH_CHARS} ký tự, Windows và hệ thống tải lên có thể không mở được. Hãy chọn thư mục có đường dẫn ngắn hơn (ví dụ D:\\HoSo).`,
  );
}

/** A relative path with forward slashes, whatever the platform. */
export function posix(rel: string): string {
  return rel.split(path.sep).join('/');
}
