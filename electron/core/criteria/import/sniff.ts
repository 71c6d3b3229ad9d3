import { CoreError } from '../../errors';
import { formatCount } from './cells';
import { openZip, type ZipReader } from './zip';

export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Uncompressed size a criteria table can plausibly reach; more means a zip bomb or a wrong file. */
const MAX_UNCOMPRESSED = 400 * 1024 * 1024;

export type Sniffed = { format: 'xlsx' | 'docx'; zip: ZipReader };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Names of the streams in an OLE compound file. Directory entries are 128-byte records
 * aligned on 128 bytes, name in UTF-16LE with its byte length at +64; scanning for them
 * is enough to tell an encrypted OOXML package from a legacy .xls or .doc.
 */
function cfbStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let off = 512; off + 128 <= bytes.length; off += 128) {
    const len = view.getUint16(off + 64, true);
    if (len < 4 || len > 64 || len % 2 !== 0) continue;
    const type = bytes[off + 66];
    if (type !== 1 && type !== 2 && type !== 5) continue;
    let name = '';
    let ok = true;
    for (let i = 0; i < len - 2; i += 2) {
      const ch = view.getUint16(off + i, true);
      if (ch < 0x20 && ch !== 0x05 && ch !== 0x06) {
        ok = false;
        break;
      }
      name += String.fromCharCode(ch);
    }
    if (ok && view.getUint16(off + len - 2, true) === 0) names.add(name);
  }
  return names;
}

function refuseCfb(bytes: Uint8Array, fileName: string): never {
  const names = cfbStreamNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) {
    throw new CoreError(
      'UNSUPPORTED',
      `Tệp “${fileName}” đã được đặt mật khẩu (mã hóa) nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, để trống), lưu lại rồi nhập lại.`,
    );
  }
  if (names.has('Workbook') || names.has('Book')) {
    throw new CoreError(
      'UNSUPPORTED',
      `Tệp “${fileName}” là bảng tính Excel định dạng cũ (.xls). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel), rồi nhập tệp .xlsx đó.`,
    );
  }
  if (names.has('WordDocument')) {
    throw new CoreError(
      'UNSUPPORTED',
      `Tệp “${fileName}” là văn bản Word định dạng cũ (.doc). Hãy mở bằng Word và lưu lại dưới dạng .docx, rồi nhập tệp .docx đó.`,
    );
  }
  throw new CoreError(
    'BAD_FILE',
    `Tệp “${fileName}” không phải bảng tính Excel (.xlsx) hay văn bản Word (.docx) đọc được.`,
  );
}

function notATable(fileName: string): never {
  throw new CoreError(
    'BAD_FILE',
    `Tệp “${fileName}” không phải bảng tính Excel (.xlsx) hay văn bản Word (.docx). Hãy chọn tệp bảng tiêu chí do Sở Nội vụ gửi.`,
  );
}

/** Recognises the container; refuses everything that is not an xlsx or docx, with the reason. */
export async function sniff(bytes: Uint8Array, fileName: string): Promise<Sniffed> {
  if (bytes.length === 0) throw new CoreError('BAD_FILE', `Tệp “${fileName}” rỗng (0 byte).`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CoreError(
      'TOO_LARGE',
      `Tệp “${fileName}” nặng ${formatCount(Math.round(bytes.length / 1024 / 1024))} MB, vượt giới hạn ${MAX_FILE_BYTES / 1024 / 1024} MB của một bảng tiêu chí.`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new CoreError(
      'UNSUPPORTED',
      `Tệp “${fileName}” là tệp PDF, không phải bảng tính. Hãy chọn tệp Excel (.xlsx) hoặc Word (.docx) chứa bảng tiêu chí.`,
    );
  }
  if (startsWith(bytes, CFB_MAGIC)) refuseCfb(bytes, fileName);
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').toLowerCase();
    if (/\.csv$/i.test(fileName) || head.includes('<html') || head.includes('office:spreadsheet')) {
      throw new CoreError(
        'UNSUPPORTED',
        `Tệp “${fileName}” không phải định dạng .xlsx (có thể là CSV hoặc trang web lưu từ Excel). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      );
    }
    notATable(fileName);
  }

  let zip: ZipReader;
  try {
    zip = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new CoreError(
      'BAD_FILE',
      `Tệp “${fileName}” bị hỏng hoặc chưa tải về trọn vẹn (không giải nén được). Hãy mở thử bằng Excel/Word, lưu lại rồi nhập lại.`,
    );
  }
  const has = (n: string) => zip.names.includes(n);
  const refuse = (e: CoreError): never => {
    zip.close();
    throw e;
  };
  if (zip.totalUncompressed > MAX_UNCOMPRESSED) {
    refuse(
      new CoreError(
        'TOO_LARGE',
        `Tệp “${fileName}” quá lớn sau khi giải nén để là một bảng tiêu chí.`,
      ),
    );
  }
  if (has('xl/workbook.xml')) return { format: 'xlsx', zip };
  if (has('word/document.xml')) return { format: 'docx', zip };
  if (has('xl/workbook.bin')) {
    refuse(
      new CoreError(
        'UNSUPPORTED',
        `Tệp “${fileName}” là sổ làm việc nhị phân Excel (.xlsb). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      ),
    );
  }
  if (has('mimetype') || has('content.xml')) {
    refuse(
      new CoreError(
        'UNSUPPORTED',
        `Tệp “${fileName}” là tài liệu OpenDocument (LibreOffice). Hãy lưu lại dưới dạng .xlsx hoặc .docx rồi nhập lại.`,
      ),
    );
  }
  zip.close();
  return notATable(fileName);
}
