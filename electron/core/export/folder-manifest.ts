import type { ExcludedDocument } from '../../../shared/contract/export';
import { formatDateTimeVi, formatDateVi } from '../../../shared/dates';
import { documentLabel } from '../../../shared/evidence';
import { formatPoints, toNumber } from '../../../shared/points';
import { computeIndex, formatIndex } from '../../../shared/scoring';
import type { FolderEntry } from './folder-layout';
import { TLKC_DIR } from './folder-layout';
import type { ExportPlan } from './plan';

/**
 * What travels with the evidence files: manifest.json (for software), SHA256SUMS (for
 * `sha256sum -c`) and DOC-TRUOC.txt (for people, in Notepad). Paths are relative to the TLKC
 * folder, with forward slashes.
 */

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const NOTE_FILE = 'DOC-TRUOC.txt';
export const MANIFEST_FORMAT = 'hskc-tlkc/1';

/** A copied file, verified. */
export interface WrittenFile {
  entry: FolderEntry;
  sha256: string;
  size: number;
}

const pts = (h: number | null | undefined) => (h == null ? null : toNumber(h));

export function buildManifest(
  plan: ExportPlan,
  files: WrittenFile[],
  excluded: ExcludedDocument[],
  opts: { asciiNames: boolean; createdAt: Date },
): unknown {
  const codeOf = new Map(plan.nodes.map((n) => [n.id, n.code]));
  const filesByNode = new Map<number, string[]>();
  const codesByDoc = new Map<number, string[]>();
  for (const f of files) {
    const list = filesByNode.get(f.entry.node.id) ?? [];
    list.push(f.entry.link.evidenceCode);
    filesByNode.set(f.entry.node.id, list);
    const codes = codesByDoc.get(f.entry.doc.id) ?? [];
    codes.push(f.entry.link.evidenceCode);
    codesByDoc.set(f.entry.doc.id, codes);
  }
  const folderOf = new Map<number, string>();
  for (const f of files) folderOf.set(f.entry.node.id, f.entry.rel.replace(/\/[^/]*$/, ''));
  const total = totals(plan);
  const bytes = files.reduce((s, f) => s + f.size, 0);
  const docs = [...plan.documents.values()].filter((d) => codesByDoc.has(d.id));

  return {
    format: MANIFEST_FORMAT,
    generator: 'Hồ sơ kiểm chứng',
    createdAt: opts.createdAt.toISOString(),
    pathsRelativeTo: TLKC_DIR,
    asciiNames: opts.asciiNames,
    assessment: {
      id: plan.assessment.id,
      year: plan.assessment.year,
      frameworkId: plan.assessment.frameworkId,
      frameworkName: plan.assessment.frameworkName,
      indexKind: plan.assessment.indexKind,
    },
    unit: plan.unit,
    summary: {
      nodes: plan.nodes.length,
      nodesWithEvidence: filesByNode.size,
      documents: docs.length,
      files: files.length,
      bytes,
      score: pts(total.score),
      applicableMax: pts(total.applicableMax),
      index: total.index,
    },
    nodes: plan.nodes.map((n) => ({
      code: n.code,
      title: n.title,
      level: n.level,
      parentCode: n.parentId === null ? null : (codeOf.get(n.parentId) ?? null),
      isLeaf: n.isLeaf,
      kind: plan.check.rollup.get(n.id)?.kind ?? n.kind,
      leadOffice: n.leadOffice,
      maxPoints: pts(n.maxPoints),
      selfScore: pts(n.score?.selfScore),
      appraised: pts(n.score?.appraised),
      notApplicable: n.notApplicable,
      naReason: n.score?.naReason ?? null,
      explanation: n.score?.explanation ?? null,
      total: {
        score: pts(n.total.score),
        applicableMax: pts(n.total.applicableMax),
        index: n.total.index,
        appraised: pts(n.total.appraised),
      },
      folder: folderOf.get(n.id) ?? null,
      evidence: filesByNode.get(n.id) ?? [],
    })),
    documents: docs.map((d) => ({
      id: d.id,
      sha256: d.sha256,
      size: d.size,
      fileKind: d.fileKind,
      mime: d.mime,
      originalName: d.originalName,
      pages: d.pages,
      docType: d.docType,
      number: d.number,
      issuedOn: d.issuedOn,
      issuer: d.issuer,
      subject: d.subject,
      evidenceCodes: codesByDoc.get(d.id) ?? [],
    })),
    files: files.map((f) => ({
      path: f.entry.rel,
      evidenceCode: f.entry.link.evidenceCode,
      nodeCode: f.entry.node.code,
      documentId: f.entry.doc.id,
      sha256: f.sha256,
      size: f.size,
      /** Pages of the file (a PDF's page count; an image is one page), when known. */
      pages:
        f.entry.doc.pages ??
        (f.entry.doc.fileKind === 'png' || f.entry.doc.fileKind === 'jpeg' ? 1 : null),
      /** The pages of it that back this sub-criterion ("3-5"), when given. */
      relevantPages: f.entry.link.pages,
      slot: f.entry.link.slot,
      note: f.entry.link.note,
    })),
    excluded,
  };
}

/** `sha256sum -c` format: hash, two spaces, path; LF line ends. */
export function sha256Sums(lines: { sha256: string; path: string }[]): string {
  return lines.map((l) => `${l.sha256}  ${l.path}\n`).join('');
}

/** The roll-up of the exported part: the roots of the selection, bonus and penalty outside the max. */
export function totals(plan: ExportPlan): {
  score: number;
  applicableMax: number;
  index: number | null;
} {
  const ids = new Set(plan.nodes.map((n) => n.id));
  let score = 0;
  let applicableMax = 0;
  for (const n of plan.nodes) {
    if (n.parentId !== null && ids.has(n.parentId)) continue;
    score += n.total.score;
    const kind = plan.check.rollup.get(n.id)?.kind ?? n.kind;
    if (kind !== 'bonus' && kind !== 'penalty') applicableMax += n.total.applicableMax;
  }
  return { score, applicableMax, index: computeIndex(score, applicableMax) };
}

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/**
 * DOC-TRUOC.txt: what is where, in Vietnamese, for whoever opens the folder first. Returned
 * with CRLF line ends and a BOM so Notepad on any Windows shows the diacritics.
 */
export function readmeText(
  plan: ExportPlan,
  files: WrittenFile[],
  excluded: ExcludedDocument[],
  opts: { asciiNames: boolean; createdAt: Date },
): string {
  const unit = plan.unit?.name ?? '';
  const total = totals(plan);
  const bytes = files.reduce((s, f) => s + f.size, 0);
  const docs = new Set(files.map((f) => f.entry.doc.id));
  const example = files[0]?.entry.rel ?? '1/1.2.3/1.2.3-02_Ke-hoach-cai-cach-hanh-chinh.pdf';
  const L: string[] = [];
  L.push('HỒ SƠ TÀI LIỆU KIỂM CHỨNG (TLKC)');
  L.push(
    `${unit ? `${unit} - ` : ''}${plan.assessment.frameworkName}, năm ${plan.assessment.year}`,
  );
  L.push(
    `Xuất lúc ${formatDateTimeVi(opts.createdAt.toISOString())} bằng ứng dụng Hồ sơ kiểm chứng.`,
  );
  L.push('');
  L.push('1. THƯ MỤC NÀY CÓ GÌ');
  L.push(
    '- Mỗi lĩnh vực một thư mục mang mã lĩnh vực (1, 2, 3...). Trong đó, mỗi tiêu chí có tài liệu kiểm chứng một thư mục mang mã tiêu chí (ví dụ 1/1.2.3).',
  );
  L.push(
    `- Tên tệp: <mã tiêu chí>-<số thứ tự>_<trích yếu rút gọn>, ví dụ ${example}. Mã như “1.2.3-02” là tài liệu thứ 2 của tiêu chí 1.2.3, giống mã ghi trong Bảng tự đánh giá và Danh mục TLKC (tệp Excel) và trong hồ sơ PDF.`,
  );
  L.push(
    '- Một tài liệu dùng cho nhiều tiêu chí được chép vào thư mục của từng tiêu chí, vì hệ thống chấm điểm nhận tệp theo từng tiêu chí.',
  );
  L.push(
    opts.asciiNames
      ? '- Tên tệp viết không dấu để hệ thống tải lên không làm lỗi chữ; trích yếu đầy đủ có trong manifest.json và trong tệp Excel.'
      : '- Tên tệp viết tiếng Việt có dấu. Nếu hệ thống tải lên làm lỗi chữ, hãy xuất lại với tên tệp không dấu.',
  );
  L.push(
    '- manifest.json: danh sách đầy đủ cho phần mềm đọc (tiêu chí, điểm, thông tin văn bản, mã băm của từng tệp).',
  );
  L.push(
    '- SHA256SUMS: mã băm SHA-256 của từng tệp, dùng để kiểm tra tệp không bị hỏng hay bị sửa khi sao chép, tải lên.',
  );
  L.push('');
  L.push('2. SỐ LIỆU');
  L.push(
    `- Tiêu chí có TLKC: ${new Set(files.map((f) => f.entry.node.id)).size}; tài liệu: ${docs.size}; tệp: ${files.length}; dung lượng: ${sizeText(bytes)}.`,
  );
  if (plan.assessment.scored) {
    L.push(
      `- Tổng điểm tự đánh giá: ${formatPoints(total.score)}/${formatPoints(total.applicableMax)} điểm${total.index === null ? '' : ` (chỉ số ${formatIndex(total.index)}%)`}.`,
    );
  }
  L.push('');
  L.push('3. KIỂM TRA TỆP CÓ TOÀN VẸN KHÔNG');
  L.push('- Linux, macOS: mở cửa sổ lệnh trong thư mục này và chạy: sha256sum -c SHA256SUMS');
  L.push(
    '- Windows (PowerShell): Get-FileHash -Algorithm SHA256 "<đường dẫn tệp>", rồi so với dòng của tệp đó trong SHA256SUMS.',
  );
  if (excluded.length > 0) {
    L.push('');
    L.push('4. TÀI LIỆU KHÔNG ĐƯA VÀO');
    for (const e of excluded) {
      L.push(`- ${e.name} (tiêu chí ${e.codes.join(', ')}): ${e.reason}`);
    }
  }
  L.push('');
  L.push(`${excluded.length > 0 ? '5' : '4'}. DANH SÁCH TỆP THEO TIÊU CHÍ`);
  let lastNode = -1;
  for (const f of files) {
    const { node, doc } = f.entry;
    if (node.id !== lastNode) {
      L.push('');
      L.push(`${node.code}. ${node.title}`);
      lastNode = node.id;
    }
    const date = doc.issuedOn ? ` ngày ${formatDateVi(doc.issuedOn)}` : '';
    L.push(`    ${f.entry.rel}`);
    L.push(`        ${documentLabel(doc)}${date}`);
  }
  L.push('');
  return `\ufeff${L.join('\r\n')}`;
}
