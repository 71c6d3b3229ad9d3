import { formatPoints } from '../../../shared/points';
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
