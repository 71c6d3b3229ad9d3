import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeEvidenceCorpus, type EvidenceCorpus } from '../fixtures/evidence-corpus';
import { storedZip } from '../fixtures/stored-zip';
import { textPdf } from '../fixtures/pdf-bytes';
import {
  SNIFF_HEAD_BYTES,
  isRefused,
  sniffBytes,
  sniffFile,
  type SniffResult,
} from '../../electron/core/evidence/sniff';
import { analysePdf } from '../../electron/core/evidence/pdf-info';
import { docxText } from '../../electron/core/evidence/docx-text';
import {
  extractMetadata,
  officialNameCase,
  type DocumentMetadata,
  type PositionedItem,
} from '../../electron/core/evidence/metadata';
import { analyseEvidenceFile } from '../../electron/core/evidence';
import { CoreError } from '../../electron/core/errors';
import { cleanSuggestion } from '../../electron/core/evidence/analysis';
import { cleanText } from '../../shared/text';

const HAS_QPDF = ['/usr/bin/qpdf', '/usr/local/bin/qpdf'].some((p) => existsSync(p));

let dir: string;
let corpus: EvidenceCorpus;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hskc-evidence-'));
  corpus = await writeEvidenceCorpus(dir);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function kindOf(r: SniffResult): string {
  return isRefused(r) ? 'refused' : r.kind;
}

describe('sniffFile', () => {
  it('recognises every accepted type from its bytes', async () => {
    const s = corpus.special;
    const cases: Array<[string, string]> = [
      [s.png, 'png'],
      [s.jpeg, 'jpeg'],
      [s.scanPdf, 'pdf'],
      [s.encryptedPdf, 'pdf'],
      [s.truncatedPdf, 'pdf'],
      [s.docx, 'docx'],
      [s.docxTypesLast, 'docx'],
      [s.xlsx, 'xlsx'],
      [s.odt, 'odt'],
      [s.ods, 'ods'],
      [s.doc, 'doc'],
      [s.xls, 'xls'],
    ];
    for (const [file, kind] of cases) {
      const r = await sniffFile(file);
      expect(kindOf(r), path.basename(file)).toBe(kind);
    }
    const pdf = await sniffFile(corpus.docs[0]!.path);
    expect(pdf).toEqual({ kind: 'pdf', mime: 'application/pdf', ext: 'pdf' });
    for (const d of corpus.docs) expect(kindOf(await sniffFile(d.path))).toBe(d.format);
  });

  it('refuses executables, scripts, archives and unknown types with a Vietnamese reason', async () => {
    const s = corpus.special;
    const cases: Array<[string, RegExp]> = [
      [s.exeAsPdf, /^Tệp thực thi \(\.exe\) không được nhận làm tài liệu kiểm chứng/],
      [s.exe, /Tệp thực thi \(\.exe\)/],
      [s.elf, /Tệp thực thi \(ELF/],
      [s.machO, /Tệp thực thi \(Mach-O/],
      [s.script, /Tệp lệnh \(script/],
      [s.zip, /Tệp nén \(\.zip\).*giải nén/],
      [s.gz, /Tệp nén \(\.gz\)/],
      [s.rar, /Tệp nén \(\.rar\)/],
      [s.sevenZip, /Tệp nén \(\.7z\)/],
      [s.msi, /\.msi/],
      [s.pptx, /trình chiếu \(\.pptx\)/],
      [s.docm, /macro/],
      [s.empty, /Tệp rỗng/],
      [s.text, /Không nhận ra định dạng tệp/],
    ];
    for (const [file, reason] of cases) {
      const r = await sniffFile(file);
      expect(isRefused(r), path.basename(file)).toBe(true);
      if (isRefused(r)) expect(r.reason, path.basename(file)).toMatch(reason);
    }
  });

  it('a file named .pdf that is really an exe is refused', async () => {
    expect(path.extname(corpus.special.exeAsPdf)).toBe('.pdf');
    const r = await sniffFile(corpus.special.exeAsPdf);
    expect(r).toEqual({
      refused: true,
      reason: 'Tệp thực thi (.exe) không được nhận làm tài liệu kiểm chứng.',
    });
  });
});

describe('sniffBytes', () => {
  it('agrees with sniffFile when given the head of the file', async () => {
    const s = corpus.special;
    for (const file of [s.png, s.jpeg, s.scanPdf, s.docx, s.xlsx, s.odt, s.ods, s.doc, s.xls]) {
      const bytes = await readFile(file);
      const head = bytes.subarray(0, SNIFF_HEAD_BYTES);
      expect(await sniffBytes(head, bytes.length), path.basename(file)).toEqual(
        await sniffFile(file),
      );
    }
  });

  it('refuses hostile heads', async () => {
    const mz = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(60).fill(0)]);
    expect(kindOf(await sniffBytes(mz))).toBe('refused');
    const shebang = new TextEncoder().encode('#!/usr/bin/env python3\nprint(1)\n');
    expect(kindOf(await sniffBytes(shebang))).toBe('refused');
    expect(kindOf(await sniffBytes(new Uint8Array()))).toBe('refused');
    // "%PDF-" after an MZ header is still a program.
    const polyglot = new Uint8Array([...mz, ...new TextEncoder().encode('%PDF-1.7\n')]);
    expect(kindOf(await sniffBytes(polyglot))).toBe('refused');
  });
});

describe('containers holding a PDF', () => {
  const pdf = () => textPdf([['Kế hoạch số 154/KH-UBND']]);
  const mz = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
  const at = (sig: number[], offset = 0) => {
    const b = Buffer.alloc(offset + sig.length);
    b.set(sig, offset);
    return b;
  };
  const cases: [string, () => Buffer, RegExp][] = [
    // The audit's file: setup.exe and a PDF, stored uncompressed.
    [
      'stored ZIP with setup.exe and a PDF',
      () =>
        storedZip([
          ['setup.exe', mz],
          ['QD-35.pdf', pdf()],
        ]),
      /^Tệp nén \(\.zip\).*giải nén/,
    ],
    [
      'stored ZIP whose first entry is the PDF',
      () =>
        storedZip([
          ['QD-35.pdf', pdf()],
          ['setup.exe', mz],
        ]),
      /^Tệp nén \(\.zip\)/,
    ],
    [
      'empty-archive ZIP signature then a PDF',
      () => Buffer.concat([at([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18), pdf()]),
      /^Tệp nén \(\.zip\)/,
    ],
    [
      'RAR signature then a PDF',
      () =>
        Buffer.concat([at([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]), Buffer.alloc(13), pdf()]),
      /^Tệp nén \(\.rar\)/,
    ],
    [
      '7z signature then a PDF',
      () =>
        Buffer.concat([
          at([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]),
          Buffer.alloc(24),
          pdf(),
        ]),
      /^Tệp nén \(\.7z\)/,
    ],
    [
      'gzip signature then a PDF',
      () => Buffer.concat([at([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(6), pdf()]),
      /^Tệp nén \(\.gz\)/,
    ],
    [
      'tar holding a PDF',
      () => {
        const header = Buffer.alloc(512);
        header.write('QD-35.pdf', 0);
        header.write('ustar\u000000', 257, 'latin1');
        return Buffer.concat([header, pdf()]);
      },
      /^Tệp nén \(\.tar\)/,
    ],
    [
      'Windows program then a PDF',
      () => Buffer.concat([mz, Buffer.alloc(100), pdf()]),
      /^Tệp thực thi \(\.exe\)/,
    ],
    [
      'Linux program then a PDF',
      () => Buffer.concat([at([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57), pdf()]),
      /^Tệp thực thi \(ELF/,
    ],
  ];

  for (const [what, make, reason] of cases) {
    it(`refuses a ${what}, whatever "%PDF-" follows`, async () => {
      const bytes = make();
      expect(bytes.subarray(0, 1024).toString('latin1')).toContain('%PDF-');
      const file = path.join(dir, `container-${what.replace(/\W+/g, '-')}.pdf`);
      await writeFile(file, bytes);
      for (const r of [await sniffFile(file), await sniffBytes(bytes, bytes.length)]) {
        expect(isRefused(r), what).toBe(true);
        if (isRefused(r)) expect(r.reason, what).toMatch(reason);
      }
    });
  }

  it('still accepts a PDF with junk before its header, and Office files', async () => {
    const junk = Buffer.concat([Buffer.from('\r\n\r\n'), pdf()]);
    expect(kindOf(await sniffBytes(junk))).toBe('pdf');
    expect(kindOf(await sniffFile(corpus.special.docx))).toBe('docx');
    expect(kindOf(await sniffFile(corpus.special.xlsx))).toBe('xlsx');
    // A DOCX is a ZIP too: one that stores a PDF inside stays a DOCX.
    const docx = await readFile(corpus.special.docx);
    expect(kindOf(await sniffBytes(docx, docx.length))).toBe('docx');
  });
});

describe('cleaning what is stored', () => {
  it('drops control and invisible characters from metadata, keeping the words', () => {
    expect(cleanSuggestion('Độc lập - Tự d\u0019o - Hạnh phúc')).toBe(
      'Độc lập - Tự do - Hạnh phúc',
    );
    expect(
      cleanSuggestion('\u0019\u0002 Kế hoạch\u00a0số\t154 \u200bcải\u00adcách\ufeff\u0085x'),
    ).toBe('Kế hoạch số 154 cảicách x');
    expect(cleanSuggestion('\u0019\u001f')).toBeNull();
    expect(cleanText('Quye\u0302\u0301t \u0111i\u0323nh\u0007')).toBe('Quyết định');
  });
});

describe('analysePdf', () => {
  it('counts pages and reads text', async () => {
    const two = await analysePdf(corpus.special.twoPagePdf);
    expect(two).toMatchObject({ pages: 2, encrypted: false, damaged: false, hasText: true });
    expect(two.textPages).toHaveLength(2);
    expect(two.textPages[1]).toContain('trang 2');
    const multi = corpus.docs.find((d) => d.format === 'pdf' && d.pages > 1)!;
    expect(multi).toBeDefined();
    const info = await analysePdf(multi.path);
    expect(info.pages).toBe(multi.pages);
    expect(info.items.length).toBeGreaterThan(10);
    expect(info.items.some((i) => i.bold)).toBe(true);
    expect(info.pageWidth).toBeCloseTo(595.28, 1);
  });

  it('reports a password-protected PDF as encrypted without throwing', async () => {
    const info = await analysePdf(corpus.special.encryptedPdf);
    expect(info).toMatchObject({ encrypted: true, pages: 0, hasText: false });
  });

  it.skipIf(!HAS_QPDF)('reports a qpdf-encrypted PDF as encrypted', async () => {
    const info = await analysePdf(corpus.special.encryptedQpdf!);
    expect(info.encrypted).toBe(true);
  });

  it('reports truncated and garbage PDFs as damaged', async () => {
    const cut = await analysePdf(corpus.special.truncatedPdf);
    expect(cut.damaged).toBe(true);
    expect(cut.encrypted).toBe(false);
    const junk = await analysePdf(corpus.special.garbagePdf);
    expect(junk).toMatchObject({ damaged: true, pages: 0 });
  });

  it('recognises a scan without a text layer', async () => {
    const info = await analysePdf(corpus.special.scanPdf);
    expect(info).toMatchObject({ pages: 1, hasText: false, damaged: false, encrypted: false });
    expect(info.items).toEqual([]);
  });

  it('kills the worker when the time limit is hit, and keeps working afterwards', async () => {
    const started = Date.now();
    const err = await analysePdf(corpus.docs[0]!.path, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('TIMEOUT');
    expect((err as CoreError).message).toMatch(/quá lâu/);
    expect(Date.now() - started).toBeLessThan(2000);
    const info = await analysePdf(corpus.docs[0]!.path);
    expect(info.pages).toBe(1);
  });
});

describe('docxText', () => {
  it('extracts NFC text from a DOCX', async () => {
    const d = corpus.docs.find((x) => x.format === 'docx' && x.nfd)!;
    const text = await docxText(d.path);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Phòng Nội vụ'.toUpperCase());
  });
});

describe('extractMetadata', () => {
  const item = (str: string, x: number, y: number, size = 13, bold = false): PositionedItem => ({
    str,
    x,
    y,
    width: str.length * size * 0.48,
    height: size,
    bold,
  });

  it('separates the header columns by position, whatever the stream order', () => {
    const items = [
      item('Độc lập - Tự do - Hạnh phúc', 330, 95, 13, true),
      item('Số: 12/UBND-VX', 125, 120),
      item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 285, 80, 12, true),
      item('Vị Xuyên, ngày 3 tháng 02 năm 2024', 310, 120),
      item('HUYỆN VỊ XUYÊN', 125, 95, 12, true),
      item('ỦY BAN NHÂN DÂN', 120, 80, 12, true),
      item('V/v đôn đốc cập nhật tài liệu', 100, 135, 12),
      item('kiểm chứng năm 2024', 115, 149, 12),
      item('Kính gửi: Các phòng, ban chuyên môn', 170, 200, 14),
      item('Thực hiện chỉ đạo của UBND tỉnh về công tác cải cách hành chính, UBND', 85, 230, 14),
    ];
    const m = extractMetadata({ items, fileName: 'x.pdf', pageWidth: 595 });
    expect(m).toMatchObject({
      type: 'CV',
      typeName: 'Công văn',
      number: '12/UBND-VX',
      date: '2024-02-03',
      place: 'Vị Xuyên',
      issuer: 'Ủy ban nhân dân huyện Vị Xuyên',
      subject: 'V/v đôn đốc cập nhật tài liệu kiểm chứng năm 2024',
      draft: false,
      source: 'layout',
    });
    const nfd = items.map((i) => ({ ...i, str: i.str.normalize('NFD') }));
    const again = extractMetadata({ items: nfd, fileName: 'x.pdf', pageWidth: 595 });
    expect({ ...again, confidence: null }).toEqual({ ...m, confidence: null });
  });

  it('splits a header row that a producer merged into one run', () => {
    const items = [
      item('ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 90, 80, 12, true),
      item('XÃ PHÚ LINH                         Độc lập - Tự do - Hạnh phúc', 100, 95, 12, true),
      item('Số: 27/KH-UBND                      Phú Linh, ngày 5 tháng 1 năm 2024', 112, 120),
      item('KẾ HOẠCH', 270, 170, 14, true),
      item('Cải cách hành chính năm 2024', 220, 187, 14, true),
      item('Để triển khai có hiệu quả công tác cải cách hành chính năm 2024, Ủy ban', 85, 215, 14),
    ];
    const m = extractMetadata({ items, fileName: 'x.pdf' });
    expect(m).toMatchObject({
      type: 'KH',
      number: '27/KH-UBND',
      date: '2024-01-05',
      issuer: 'Ủy ban nhân dân xã Phú Linh',
      subject: 'Cải cách hành chính năm 2024',
    });
  });

  it('accepts NFD input and returns NFC', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'HUYỆN VỊ XUYÊN',
      '',
      'Số: 154/KH-UBND',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Vị Xuyên, ngày 31 tháng 5 năm 2021',
      '',
      'KẾ HOẠCH',
      '',
      'Cải thiện và nâng cao Chỉ số PAPI năm 2021',
      '',
      'Thực hiện Kế hoạch số 163/KH-UBND ngày 24/5/2021 của UBND tỉnh.',
    ]
      .join('\n')
      .normalize('NFD');
    const m = extractMetadata({ text, fileName: 'ke hoach.docx' });
    expect(m).toMatchObject({
      type: 'KH',
      typeName: 'Kế hoạch',
      number: '154/KH-UBND',
      date: '2021-05-31',
      place: 'Vị Xuyên',
      issuer: 'Ủy ban nhân dân huyện Vị Xuyên',
      subject: 'Cải thiện và nâng cao Chỉ số PAPI năm 2021',
      draft: false,
    });
    for (const v of [m.typeName, m.place, m.issuer, m.subject]) expect(v).toBe(v!.normalize('NFC'));
  });

  it('notices drafts (seed 004)', () => {
    const text =
      'Số: /KH-UBND\n\nBắc Sơn, ngày tháng 5 năm 2024\n\nKẾ HOẠCH\n\nTriển khai thực hiện';
    const m = extractMetadata({ text, fileName: 'du thao.docx' });
    expect(m).toMatchObject({
      draft: true,
      number: null,
      date: null,
      type: 'KH',
      place: 'Bắc Sơn',
    });
  });

  it('falls back to the file name when there is no text (scans)', () => {
    const cases: Array<[string, Partial<DocumentMetadata>]> = [
      ['KH-215-UBND.pdf', { type: 'KH', number: '215/KH-UBND' }],
      ['154_KH-UBND_PAPI_2021.pdf', { type: 'KH', number: '154/KH-UBND' }],
      ['QD 1234 ban hanh quy che.pdf', { type: 'QĐ', number: '1234' }],
      ['61_2018_ND-CP.pdf', { type: 'NĐ', number: '61/2018/NĐ-CP' }],
      ['88-TB-HU.pdf', { type: 'TB', number: '88-TB/HU' }],
      ['Quyet dinh so 45 ngay 12-03-2024.pdf', { type: 'QĐ', number: '45', date: '2024-03-12' }],
      ['scan_0001.pdf', { type: null, number: null, source: 'none' }],
    ];
    for (const [fileName, expected] of cases) {
      const m = extractMetadata({ fileName, items: [], text: '' });
      expect(m, fileName).toMatchObject(expected);
      if (m.number) expect(m.confidence.number).toBeLessThan(0.6);
    }
  });

  it('writes official names in running-text case', () => {
    expect(officialNameCase('ỦY BAN NHÂN DÂN HUYỆN VỊ XUYÊN')).toBe(
      'Ủy ban nhân dân huyện Vị Xuyên',
    );
    expect(officialNameCase('UỶ BAN NHÂN DÂN THỊ TRẤN VỊ XUYÊN')).toBe(
      'Ủy ban nhân dân thị trấn Vị Xuyên',
    );
    expect(officialNameCase('SỞ NỘI VỤ')).toBe('Sở Nội vụ');
    expect(officialNameCase('VĂN PHÒNG HĐND VÀ UBND')).toBe('Văn phòng HĐND và UBND');
    expect(officialNameCase('PHÒNG TÀI CHÍNH - KẾ HOẠCH')).toBe('Phòng Tài chính - Kế hoạch');
    expect(officialNameCase('HUYỆN ỦY BẮC SƠN')).toBe('Huyện ủy Bắc Sơn');
    expect(officialNameCase('ĐẢNG ỦY XÃ PHÚ LINH')).toBe('Đảng ủy xã Phú Linh');
    expect(officialNameCase('CHÍNH PHỦ')).toBe('Chính phủ');
  });
});

describe('analyseEvidenceFile', () => {
  it('refuses, reads PDFs by layout and scans by file name', async () => {
    expect(await analyseEvidenceFile(corpus.special.exeAsPdf)).toMatchObject({ refused: true });
    const doc = corpus.docs.find((d) => d.id === 'kh-vixuyen-papi')!;
    const a = await analyseEvidenceFile(doc.path);
    expect(a.refused).toBe(false);
    if (!a.refused) {
      expect(a.file.kind).toBe('pdf');
      expect(a.metadata).toMatchObject({ number: '154/KH-UBND', source: 'layout' });
    }
    const scan = await analyseEvidenceFile(corpus.special.scanPdf, {
      fileName: 'QD-2105-UBND ban scan.pdf',
    });
    if (scan.refused) throw new Error('scan refused');
    expect(scan.pdf?.hasText).toBe(false);
    expect(scan.metadata).toMatchObject({ type: 'QĐ', number: '2105/QĐ-UBND', source: 'fileName' });
  });
});

// ---------------------------------------------------------------------------------------------
// Accuracy over the corpus: the extractor reads the generated files (positions from
// analysePdf, text from docxText), never the ground truth.

const FIELDS = ['number', 'date', 'type', 'issuer', 'subject', 'place', 'draft'] as const;
type Field = (typeof FIELDS)[number];
const THRESHOLDS: Partial<Record<Field, number>> = {
  number: 0.95,
  date: 0.95,
  type: 0.95,
  issuer: 0.95,
  subject: 0.9,
};

const norm = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v);

async function mapLimit<T, R>(xs: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
  return out;
}

describe('metadata accuracy over the corpus', () => {
  it('meets the per-field thresholds', async () => {
    expect(corpus.docs.length).toBeGreaterThanOrEqual(30);
    const results = await mapLimit(corpus.docs, 4, async (doc) => {
      if (doc.format === 'pdf') {
        const info = await analysePdf(doc.path);
        expect(info.hasText).toBe(true);
        return extractMetadata({
          items: info.items,
          text: info.textPages[0],
          fileName: doc.fileName,
          pageWidth: info.pageWidth,
        });
      }
      return extractMetadata({ text: await docxText(doc.path), fileName: doc.fileName });
    });

    const hits = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const misses: string[] = [];
    corpus.docs.forEach((doc, i) => {
      const got = results[i]!;
      for (const f of FIELDS) {
        const a = norm(got[f]);
        const e = norm(doc.expected[f]);
        if (a === e) hits[f]++;
        else misses.push(`${doc.id} ${f}: ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
      }
    });
    const n = corpus.docs.length;
    const rows = FIELDS.map((f) => {
      const pct = (100 * hits[f]) / n;
      const min = THRESHOLDS[f];
      return `| ${f.padEnd(8)} | ${String(hits[f]).padStart(3)}/${n} | ${pct.toFixed(1).padStart(5)} % | ${min ? `≥ ${min * 100} %` : '—'.padEnd(6)} |`;
    });
    console.log(
      [
        `Metadata accuracy over ${n} documents (${corpus.docs.filter((d) => d.format === 'pdf').length} PDF, ${corpus.docs.filter((d) => d.format === 'docx').length} DOCX)`,
        '| field    | right  | accuracy | needed |',
        '|----------|--------|----------|--------|',
        ...rows,
        ...(misses.length ? ['misses:', ...misses.map((m) => `  ${m}`)] : []),
      ].join('\n'),
    );
    for (const [f, min] of Object.entries(THRESHOLDS)) {
      expect(hits[f as Field] / n, f).toBeGreaterThanOrEqual(min);
    }
  }, 180_000);
});
