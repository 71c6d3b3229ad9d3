import { foldVi } from '../../../shared/text';
import { excludedConflict } from '../../core/export/plan';
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
    .option(
      '--offices <tên>',
      'Chỉ các nội dung do các phòng ban này chủ trì, cách nhau bởi “;”, ví dụ "Văn phòng;Phòng Nội vụ"',
    )
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
            offices?: string;
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
            const officeIds = o.offices ? await officesByName(core, o.offices) : null;
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
              ...(officeIds ? { offices: officeIds } : {}),
            };
            const pre = await call(core, 'export.preflight', selection);
            if (pre.excluded.length && !o.yes) {
              throw new CliError({
                code: 'CONFLICT',
                message: excludedConflict(pre.excluded, 'Thêm --yes để xuất mà bỏ qua chúng.'),
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

/**
 * "Văn phòng;Phòng Nội vụ" → office ids, matched as `hskc assign` matches a name: the same
 * letters ignoring case and diacritics, else the one office whose name contains them.
 */
async function officesByName(core: Parameters<typeof call>[0], list: string): Promise<number[]> {
  const offices = await call(core, 'offices.list', {});
  const names = list
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw new CliError({
      code: 'INVALID_INPUT',
      message: 'Hãy ghi tên ít nhất một phòng ban sau --offices, ví dụ "Văn phòng;Phòng Nội vụ".',
    });
  }
  return names.map((name) => {
    const key = foldVi(name);
    const exact = offices.filter((x) => foldVi(x.name) === key);
    const hits = exact.length ? exact : offices.filter((x) => foldVi(x.name).includes(key));
    if (hits.length === 1) return hits[0]!.id;
    throw new CliError({
      code: hits.length ? 'INVALID_INPUT' : 'NOT_FOUND',
      message: hits.length
        ? `Tên “${name}” khớp với ${hits.length} phòng ban: ${hits.map((x) => x.name).join('; ')}. Hãy ghi rõ hơn.`
        : `Không có phòng ban “${name}”. Các phòng ban: ${offices.map((x) => x.name).join('; ')}.`,
    });
  });
}
