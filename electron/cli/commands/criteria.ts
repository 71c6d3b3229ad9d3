import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_FIELD_LABEL } from '../../../shared/contract/criteria-import';
import { formatPoints } from '../../../shared/points';
import { foldVi } from '../../../shared/text';
import { findNode } from '../codes';
import { CliError } from '../output';
import { call, withCore, type CliKit } from '../program';

export function criteriaCommands({ command, run }: CliKit): void {
  command('tree <dir>', 'In cây tiêu chí của kỳ đánh giá')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(async (dir: string, o: { assessment?: string }) =>
        withCore(dir, true, async (core) => {
          const info = await call(core, 'workspace.info', {});
          const tree = await call(
            core,
            'criteria.tree',
            o.assessment ? { assessmentId: Number(o.assessment) } : {},
          );
          const codeOf = new Map(tree.nodes.map((n) => [n.id, n.code]));
          const a = tree.assessment;
          return {
            json: {
              assessment: {
                id: a.id,
                year: a.year,
                unit: info.unit?.name ?? null,
                framework: a.frameworkId,
              },
              nodes: tree.nodes.map((n) => ({
                code: n.code,
                title: n.title,
                level: n.level,
                parentCode: n.parentId == null ? null : (codeOf.get(n.parentId) ?? null),
                isLeaf: n.isLeaf,
                maxPoints: n.maxPoints == null ? null : n.maxPoints / 100,
                leadOffice: n.leadOffice,
              })),
            },
            text: [
              `${info.unit?.name ?? ''} — ${a.frameworkName} năm ${a.year}`,
              ...tree.nodes.map(
                (n) =>
                  `${'  '.repeat(n.level - 1)}${n.code} ${n.title}${n.maxPoints == null ? '' : ` (${formatPoints(n.maxPoints)} điểm)`}${n.leadOffice && !n.leadOfficeInherited ? ` — ${n.leadOffice}` : ''}`,
              ),
            ].join('\n'),
          };
        }),
      ),
    );
}

export function criteriaImportCommands({ command, run }: CliKit): void {
  command(
    'import-criteria <dir> <file>',
    'Nhập bộ tiêu chí từ bảng Excel (.xlsx) hoặc Word (.docx) của Sở Nội vụ',
  )
    .option(
      '--sheet <tên>',
      'Trang tính (hoặc bảng Word) chứa bộ tiêu chí (mặc định: tự nhận biết)',
    )
    .option('--header-row <N>', 'Dòng tiêu đề cột (mặc định: tự nhận biết)')
    .option('--col-code <cột>', 'Cột STT/mã, ví dụ A')
    .option('--col-title <cột>', 'Cột nội dung tiêu chí, ví dụ B')
    .option('--col-points <cột>', 'Cột điểm tối đa, ví dụ C; “none” nếu bảng không chấm điểm')
    .option('--col-guide <cột>', 'Cột hướng dẫn chấm')
    .option('--col-evidence <cột>', 'Cột tài liệu kiểm chứng')
    .option('--col-lead <cột>', 'Cột đơn vị chủ trì')
    .option('--col-coop <cột>', 'Cột đơn vị phối hợp')
    .option('--year <YYYY>', 'Năm đánh giá của kỳ mới (mặc định: năm nay)')
    .option('--name <tên>', 'Tên kỳ đánh giá (mặc định: tên tệp)')
    .option('--unit <tên>', 'Tên đơn vị, khi thư mục chưa có hồ sơ')
    .option(
      '--replace <id>',
      'Thay bộ tiêu chí của kỳ đánh giá này (chỉ khi chưa có điểm, tài liệu)',
    )
    .option('--dry-run', 'Chỉ đọc và báo cáo, không ghi gì')
    .action(
      run(
        async (
          dir: string,
          file: string,
          o: ReadingFlags & {
            year?: string;
            name?: string;
            unit?: string;
            replace?: string;
            dryRun?: boolean;
          },
        ) => {
          if (o.year !== undefined && !/^\d{4}$/.test(o.year)) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `Năm “${o.year}” không hợp lệ (ví dụ: 2026).`,
            });
          }
          const options = importOptions(o);
          return withCore(dir, false, async (core) => {
            const fileRef = { path: path.resolve(file) };
            const info = await call(core, 'workspace.info', {});
            if (
              info.initialized &&
              o.unit &&
              info.unit &&
              foldVi(o.unit) !== foldVi(info.unit.name)
            ) {
              throw new CliError({
                code: 'INVALID_INPUT',
                message: `Thư mục đã có hồ sơ của “${info.unit.name}”; --unit “${o.unit.trim()}” chỉ dùng khi thư mục chưa có hồ sơ (đổi tên đơn vị trong Cài đặt).`,
              });
            }
            const preview = await call(core, 'criteria.importPreview', { file: fileRef, options });
            const where = preview.format === 'docx' ? 'bảng' : 'trang';
            if (preview.problem) {
              const seen = [...preview.columns, ...preview.unmappedHeaders]
                .filter((col) => col.header)
                .map((col) => `${col.column}=${col.header}`);
              throw new CliError({
                code: 'INVALID_INPUT',
                message: [
                  preview.problem.message,
                  `Đã đọc ${where} “${preview.sheet}”, dòng tiêu đề ${preview.headerRow}${seen.length ? `: ${seen.join('; ')}` : ''}.`,
                  'Có thể chỉ rõ bằng --sheet, --header-row, --col-title, --col-points (none nếu không chấm điểm)…',
                ].join('\n'),
              });
            }
            const offices = preview.offices ?? { matched: [], created: [] };
            const report = {
              file: preview.fileName,
              format: preview.format,
              sheet: preview.sheet,
              headerRow: preview.headerRow,
              columns: preview.columns,
              nodes: preview.stats.nodes,
              leaves: preview.stats.leaves,
              maxPoints: preview.stats.maxPoints,
              warnings: preview.warnings,
              offices,
            };
            const lines = [
              `Tệp: ${preview.fileName} — ${where} “${preview.sheet}”, dòng tiêu đề ${preview.headerRow}`,
              `Cột: ${preview.columns.map((col) => `${col.column}=${col.header}`).join('; ')}`,
              `Đọc được ${preview.stats.nodes} mục, ${preview.stats.leaves} tiêu chí thành phần, tổng ${formatPoints(Math.round(preview.stats.maxPoints * 100))} điểm.`,
              ...(offices.created.length
                ? [
                    `Phòng ban sẽ tạo mới (${offices.created.length}): ${offices.created.join('; ')}`,
                  ]
                : []),
              ...(offices.matched.length
                ? [
                    `Phòng ban đã có: ${offices.matched.map((m) => (m.name === m.office ? m.office : `${m.name} → ${m.office}`)).join('; ')}`,
                  ]
                : []),
              ...preview.warnings.map(
                (w) =>
                  `  ! ${w.cell && !w.message.startsWith(`Ô ${w.cell}`) ? `Ô ${w.cell}: ` : ''}${w.message}`,
              ),
            ];
            if (o.dryRun) return { json: { ...report, applied: false }, text: lines.join('\n') };
            if (!info.initialized) {
              if (!o.unit) {
                throw new CliError({
                  code: 'INVALID_INPUT',
                  message:
                    'Thư mục chưa có hồ sơ: hãy cho biết tên đơn vị bằng --unit "…" (hoặc tạo hồ sơ bằng hskc init).',
                });
              }
              await call(core, 'unit.update', { name: o.unit, level: 'xa' });
            }
            const applied = await call(core, 'criteria.importApply', {
              file: fileRef,
              options,
              target: o.replace
                ? { kind: 'replace', assessmentId: Number(o.replace) }
                : {
                    kind: 'new',
                    year: o.year ? Number(o.year) : new Date().getFullYear(),
                    name: o.name ?? path.basename(file).replace(/\.[^.]+$/, ''),
                  },
            });
            return {
              json: { ...report, applied: true, assessment: applied.assessment },
              text: [
                ...lines,
                `Đã nhập vào kỳ đánh giá số ${applied.assessment.id} (năm ${applied.assessment.year}).`,
              ].join('\n'),
            };
          });
        },
      ),
    );

  type ImportField = keyof typeof IMPORT_FIELD_LABEL;
  /** How to read the table: --sheet, --header-row and the --col-… letters, as typed. */
  interface ReadingFlags {
    sheet?: string;
    headerRow?: string;
    colCode?: string;
    colTitle?: string;
    colPoints?: string;
    colGuide?: string;
    colEvidence?: string;
    colLead?: string;
    colCoop?: string;
  }
  /** --header-row and --col-… as import options; --col-points none: a table without points. */
  function importOptions(o: ReadingFlags) {
    const options: {
      sheet?: string;
      headerRow?: number;
      mapping?: Partial<Record<ImportField, string | null>>;
    } = {};
    if (o.sheet) options.sheet = o.sheet;
    if (o.headerRow !== undefined) {
      if (!/^\d{1,4}$/.test(o.headerRow.trim()) || Number(o.headerRow) < 1) {
        throw new CliError({
          code: 'INVALID_INPUT',
          message: `Dòng tiêu đề “${o.headerRow}” không hợp lệ (cần số dòng từ 1, ví dụ --header-row 5).`,
        });
      }
      options.headerRow = Number(o.headerRow);
    }
    const cols: [ImportField, string | undefined][] = [
      ['code', o.colCode],
      ['title', o.colTitle],
      ['maxPoints', o.colPoints],
      ['scoringGuide', o.colGuide],
      ['evidenceGuide', o.colEvidence],
      ['leadOffice', o.colLead],
      ['coopOffices', o.colCoop],
    ];
    for (const [field, raw] of cols) {
      if (raw === undefined) continue;
      const v = raw.trim().toUpperCase();
      if (v === 'NONE' || v === '-' || v === 'KHONG') {
        options.mapping = { ...options.mapping, [field]: null };
        continue;
      }
      if (!/^[A-Z]{1,3}$/.test(v)) {
        throw new CliError({
          code: 'INVALID_INPUT',
          message: `Cột “${raw}” cho ${IMPORT_FIELD_LABEL[field]} không hợp lệ (cần chữ cái cột như A, B, C, hoặc none).`,
        });
      }
      options.mapping = { ...options.mapping, [field]: v };
    }
    return options;
  }

  command(
    'export-criteria <dir> <out>',
    'Xuất bộ tiêu chí ra tệp Excel (.xlsx) cùng bố cục nhập được',
  )
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(async (dir: string, out: string, o: { assessment?: string }) =>
        withCore(dir, true, async (core) => {
          const r = await call(
            core,
            'criteria.exportTable',
            o.assessment ? { assessmentId: Number(o.assessment) } : {},
          );
          const target = path.resolve(out);
          await writeFile(target, Buffer.from(r.base64, 'base64'));
          return { json: { path: target }, text: `Đã xuất bộ tiêu chí ra ${target}.` };
        }),
      ),
    );

  command(
    'assign <dir> <code> <office>',
    'Giao một tiêu chí (và các mục con của nó) cho đơn vị chủ trì',
  )
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .option('--coop <danh sách>', 'Các đơn vị phối hợp, cách nhau bởi dấu chấm phẩy')
    .option('--keep-overrides', 'Giữ nguyên phân công riêng của các mục con')
    .action(
      run(
        async (
          dir: string,
          code: string,
          officeName: string,
          o: { assessment?: string; coop?: string; keepOverrides?: boolean },
        ) =>
          withCore(dir, false, async (core) => {
            const { node, code: shownCode } = await findNode(core, code, o.assessment);
            const offices = await call(core, 'offices.list', {});
            const find = (name: string) => {
              const key = foldVi(name.trim());
              const hit =
                offices.find((x) => foldVi(x.name) === key) ??
                offices.find((x) => foldVi(x.name).includes(key));
              if (!hit) {
                throw new CliError({
                  code: 'NOT_FOUND',
                  message: `Không có phòng ban “${name}”. Các phòng ban: ${offices.map((x) => x.name).join('; ')}.`,
                });
              }
              return hit;
            };
            const lead = find(officeName);
            const coop = o.coop
              ? o.coop
                  .split(';')
                  .map((s) => s.trim())
                  .filter(Boolean)
                  .map(find)
              : undefined;
            const r = await call(core, 'criteria.assign', {
              nodeIds: [node.id],
              leadOfficeId: lead.id,
              ...(coop ? { coopOfficeIds: coop.map((x) => x.id) } : {}),
              clearDescendants: !o.keepOverrides,
            });
            return {
              json: {
                code: shownCode,
                leadOffice: lead.name,
                coopOffices: coop?.map((x) => x.name) ?? [],
                updated: r.updated,
              },
              text: `Đã giao ${shownCode} ${node.title} cho ${lead.name}${coop?.length ? `, phối hợp: ${coop.map((x) => x.name).join('; ')}` : ''} (${r.updated} mục).`,
            };
          }),
      ),
    );
}
