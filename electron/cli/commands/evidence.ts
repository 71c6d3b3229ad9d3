import path from 'node:path';
import type { EvidenceDocument, EvidenceListItem } from '../../../shared/contract/evidence';
import { formatDateVi, parseDateVi } from '../../../shared/dates';
import { documentLabel } from '../../../shared/evidence';
import { findNode } from '../codes';
import { CliError, table } from '../output';
import { call, withCore, type CliKit } from '../program';

interface AttachOptions {
  type?: string;
  number?: string;
  date?: string;
  issuer?: string;
  subject?: string;
  slot?: string;
  assessment?: string;
}

const metadataOf = (d: EvidenceDocument) => ({
  type: d.docType,
  number: d.number,
  date: d.issuedOn,
  issuer: d.issuer,
  subject: d.subject,
  draft: d.draft,
});

export function evidenceCommands({ command, run, io }: CliKit): void {
  command('attach <dir> <code> <files...>', 'Thêm tài liệu kiểm chứng và liên kết với một tiêu chí')
    .option('--type <loại>', 'Loại văn bản: QĐ, KH, BC, TB, CV…')
    .option('--number <số>', 'Số, ký hiệu, ví dụ 154/KH-UBND')
    .option('--date <ngày>', 'Ngày ban hành, dd/mm/yyyy')
    .option('--issuer <cơ quan>', 'Cơ quan ban hành')
    .option('--subject <trích yếu>', 'Trích yếu nội dung')
    .option('--slot <ô>', 'Ô tài liệu của tiêu chí, ví dụ "Kế hoạch"')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(async (dir: string, code: string, files: string[], o: AttachOptions) => {
        let date: string | undefined;
        if (o.date !== undefined) {
          date = parseDateVi(o.date) ?? undefined;
          if (!date) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `Ngày “${o.date}” không hợp lệ (ví dụ đúng: 31/05/2021).`,
            });
          }
        }
        return withCore(dir, false, async (core) => {
          const { node } = await findNode(core, code, o.assessment);
          const r = await call(core, 'evidence.add', {
            files: files.map((f) => ({ path: path.resolve(f) })),
            nodeId: node.id,
            ...(o.slot ? { slot: o.slot } : {}),
            metadata: {
              ...(o.type !== undefined ? { docType: o.type } : {}),
              ...(o.number !== undefined ? { number: o.number } : {}),
              ...(date !== undefined ? { issuedOn: date } : {}),
              ...(o.issuer !== undefined ? { issuer: o.issuer } : {}),
              ...(o.subject !== undefined ? { subject: o.subject } : {}),
            },
            analyse: 'wait',
          });
          const accepted = r.results.filter((x) => x.document);
          const refused = r.results.filter((x) => x.status === 'refused');
          for (const x of refused) io.err(`${x.fileName}: ${x.reason}`);
          return {
            json: {
              code: node.code,
              nodeId: node.id,
              files: accepted.map((x) => {
                const d = x.document!;
                return {
                  fileName: x.fileName,
                  documentId: d.id,
                  sha256: d.sha256,
                  pages: d.pages,
                  duplicate: x.status === 'duplicate',
                  linked: x.linked,
                  metadata: metadataOf(d),
                  warnings: x.warnings,
                };
              }),
              refused: refused.map((x) => ({ fileName: x.fileName, reason: x.reason })),
            },
            text: [
              ...accepted.map((x) => {
                const d = x.document!;
                const what = [
                  documentLabel(d),
                  d.issuedOn ? `ngày ${formatDateVi(d.issuedOn)}` : null,
                  d.pages ? `${d.pages} trang` : null,
                ]
                  .filter(Boolean)
                  .join(', ');
                const head =
                  x.status === 'duplicate'
                    ? `“${x.fileName}”: ${x.reason}`
                    : `Đã thêm “${x.fileName}” (${what}) vào tiêu chí ${node.code}.`;
                return [head, ...x.warnings.map((w) => `  ! ${w}`)].join('\n');
              }),
              refused.length
                ? `Không nhận ${refused.length}/${r.summary.total} tệp (xem lý do ở trên).`
                : '',
            ]
              .filter(Boolean)
              .join('\n'),
            exitCode: refused.length ? 1 : 0,
          };
        });
      }),
    );

  command('docs <dir>', 'Liệt kê tài liệu trong thư viện tài liệu kiểm chứng')
    .option('--search <từ khóa>', 'Tìm theo số, trích yếu, cơ quan, nội dung (không cần dấu)')
    .action(
      run(async (dir: string, o: { search?: string }) =>
        withCore(dir, true, async (core) => {
          const items: EvidenceListItem[] = [];
          let total = 0;
          for (let offset = 0; ; offset += 500) {
            const page = await call(core, 'evidence.list', {
              ...(o.search ? { search: o.search } : {}),
              offset,
              limit: 500,
            });
            items.push(...page.items);
            total = page.total;
            if (page.items.length < 500) break;
          }
          const codes = (d: EvidenceListItem) => [...new Set(d.links.map((l) => l.code))];
          return {
            json: {
              total,
              documents: items.map((d) => ({
                id: d.id,
                type: d.docType,
                number: d.number,
                date: d.issuedOn,
                subject: d.subject,
                issuer: d.issuer,
                fileName: d.originalName,
                pages: d.pages,
                draft: d.draft,
                linkedCodes: codes(d),
                warnings: d.warnings,
              })),
            },
            text: items.length
              ? table([
                  ['#', 'Loại', 'Số, ký hiệu', 'Ngày', 'Trích yếu', 'Tiêu chí'],
                  ...items.map((d) => [
                    String(d.id),
                    d.docType ?? '',
                    d.number ?? '',
                    formatDateVi(d.issuedOn),
                    (d.subject ?? d.originalName).slice(0, 70),
                    codes(d).join(', '),
                  ]),
                ])
              : o.search
                ? `Không tìm thấy tài liệu nào khớp “${o.search}”.`
                : 'Thư viện chưa có tài liệu nào.',
          };
        }),
      ),
    );
}
