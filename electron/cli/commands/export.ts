import { CliError } from '../output';
import { call, withCore, type CliKit } from '../program';

export function exportCommands({ command, run, io }: CliKit): void {
  command(
    'export <dir>',
    'Xuất hồ sơ: PDF có dấu trang, bảng Excel tự đánh giá và thư mục tệp theo mã tiêu chí',
  )
    .requiredOption('--out <thư mục>', 'Thư mục ghi kết quả')
    .option('--pdf', 'Xuất hồ sơ PDF')
    .option('--xlsx', 'Xuất bảng Excel')
    .option('--files', 'Xuất thư mục tệp TLKC (để tải lên hệ thống chấm điểm)')
    .option('--zip', 'Nén thư mục tệp thành một tệp ZIP')
    .option('--max-volume-mb <N>', 'Chia hồ sơ PDF thành các tập không quá N MB')
    .option('--volume-per-area', 'Mỗi lĩnh vực một tập PDF')
    .option('--areas <mã>', 'Chỉ các lĩnh vực này, ví dụ 1,3')
    .option('--vietnamese-names', 'Giữ tên tệp tiếng Việt có dấu (mặc định: không dấu)')
    .option('--yes', 'Đồng ý bỏ qua các tài liệu không dùng được (có mật khẩu, hỏng, thiếu tệp)')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(
        async (
          dir: string,
          o: {
            out: string;
            pdf?: boolean;
            xlsx?: boolean;
            files?: boolean;
            zip?: boolean;
            maxVolumeMb?: string;
            volumePerArea?: boolean;
            areas?: string;
            vietnameseNames?: boolean;
            yes?: boolean;
            assessment?: string;
          },
        ) => {
          const chosen = o.pdf || o.xlsx || o.files || o.zip;
          const parts = chosen
            ? { pdf: !!o.pdf, xlsx: !!o.xlsx, files: !!o.files, zip: !!o.zip }
            : { pdf: true, xlsx: true, files: true, zip: false };
          if (o.maxVolumeMb !== undefined && !/^\d+$/.test(o.maxVolumeMb)) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `“${o.maxVolumeMb}” không phải là số MB hợp lệ.`,
            });
          }
          return withCore(dir, true, async (core) => {
            const selection = {
              ...(o.assessment ? { assessmentId: Number(o.assessment) } : {}),
              ...(o.areas
                ? {
                    areas: o.areas
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  }
                : {}),
            };
            const pre = await call(core, 'export.preflight', selection);
            if (pre.excluded.length && !o.yes) {
              throw new CliError({
                code: 'CONFLICT',
                message: `Có ${pre.excluded.length} tài liệu không dùng được: ${pre.excluded.map((e) => `${e.name} (${e.codes.join(', ')}): ${e.reason}`).join('; ')}. Thêm --yes để xuất mà bỏ qua chúng.`,
              });
            }
            if (pre.errors > 0) io.err(`Lưu ý: hồ sơ còn ${pre.errors} lỗi (xem hskc check).`);
            const r = await call(core, 'export.run', {
              ...selection,
              out: o.out,
              parts,
              ...(o.maxVolumeMb ? { maxVolumeMb: Number(o.maxVolumeMb) } : {}),
              volumePerArea: !!o.volumePerArea,
              asciiNames: !o.vietnameseNames,
              confirmExcluded: !!o.yes,
            });
            const lines = [
              ...r.pdf.map((f) => `PDF: ${f}`),
              r.pdf.length ? `  ${r.pages} trang, ${r.volumes} tập` : '',
              r.xlsx ? `Excel: ${r.xlsx}` : '',
              r.folder ? `Thư mục tệp: ${r.folder}` : '',
              r.zip ? `ZIP: ${r.zip}` : '',
              ...r.excluded.map((e) => `Đã bỏ qua: ${e.name} — ${e.reason}`),
            ].filter(Boolean);
            return {
              json: {
                pdf: r.pdf,
                xlsx: r.xlsx,
                folder: r.folder,
                ...(r.zip ? { zip: r.zip } : {}),
                pages: r.pages,
                volumes: r.volumes,
                excluded: r.excluded,
              },
              text: lines.join('\n'),
            };
          });
        },
      ),
    );
}
