/**
 * Benchmark of the completeness check on a large district dossier: 2,000 leaves, 20,000
 * documents, ~30,000 links. Budget: < 100 ms per full check (it runs on every edit).
 *
 *   npx tsx test/bench/completeness.bench.ts
 *
 * The dataset generator is exported for other benches and tests; it is deterministic (seeded).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type {
  CheckDocument,
  CheckFileKind,
  CheckInput,
  CheckLink,
  CheckNode,
  CheckScore,
} from '../../shared/check-model';
import { checkCompleteness } from '../../shared/completeness';
import { seededRandom } from '../../shared/random';

export interface DatasetOptions {
  leaves?: number;
  documents?: number;
  links?: number;
  year?: number;
  seed?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A realistic-looking CheckInput: 9 areas (area 9 survey-based), criteria of ~14 sub-criteria,
 * most scored with evidence, and the usual share of flawed documents (drafts, missing numbers,
 * old dates, oversized scans, a few missing files), so every rule has work to do.
 */
export function generateCompletenessDataset(opts: DatasetOptions = {}): CheckInput {
  const leafCount = opts.leaves ?? 2000;
  const docCount = opts.documents ?? 20_000;
  const linkCount = opts.links ?? 30_000;
  const year = opts.year ?? 2024;
  const rand = seededRandom(opts.seed ?? 20240101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  const offices = [
    { id: 1, name: 'Phòng Nội vụ' },
    { id: 2, name: 'Văn phòng HĐND và UBND' },
    { id: 3, name: 'Phòng Tư pháp' },
    { id: 4, name: 'Phòng Tài chính – Kế hoạch' },
    { id: 5, name: 'Phòng Văn hóa và Thông tin' },
  ];
  const areaOffice = [1, 3, 2, 1, 1, 4, 5, 4, 2];
  const areaTitles = [
    'Công tác chỉ đạo, điều hành cải cách hành chính',
    'Cải cách thể chế',
    'Cải cách thủ tục hành chính',
    'Cải cách tổ chức bộ máy hành chính',
    'Cải cách chế độ công vụ',
    'Cải cách tài chính công',
    'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    'Tác động của cải cách hành chính đến phát triển kinh tế – xã hội',
    'Kết quả đo lường sự hài lòng của người dân, tổ chức',
  ];

  const nodes: CheckNode[] = [];
  const scores: CheckScore[] = [];
  const leafIds: number[] = [];
  let nextId = 1;
  const perCriterion = 14;
  const criteria = Math.ceil(leafCount / perCriterion);
  const criteriaPerArea = Math.ceil(criteria / areaTitles.length);
  let leavesLeft = leafCount;

  for (let a = 0; a < areaTitles.length && leavesLeft > 0; a++) {
    const areaId = nextId++;
    const office = areaOffice[a]!;
    nodes.push({
      id: areaId,
      parentId: null,
      code: String(a + 1),
      title: areaTitles[a]!,
      kind: a === 8 ? 'survey' : 'self',
      maxPoints: null,
      step: null,
      mayBeNotApplicable: false,
      leadOfficeId: office,
      deadline: `${year}-${pad(int(3, 12))}-15`,
      evidenceSlots: [],
      scoringOptions: [],
    });
    for (let c = 0; c < criteriaPerArea && leavesLeft > 0; c++) {
      const critId = nextId++;
      nodes.push({
        id: critId,
        parentId: areaId,
        code: `${a + 1}.${c + 1}`,
        title: `Tiêu chí ${a + 1}.${c + 1} về thực hiện nhiệm vụ cải cách hành chính năm ${year}`,
        kind: 'self',
        maxPoints: null,
        step: null,
        mayBeNotApplicable: false,
        leadOfficeId: office,
        deadline: null,
        evidenceSlots: [],
        scoringOptions: [],
      });
      for (let l = 0; l < perCriterion && leavesLeft > 0; l++, leavesLeft--) {
        const id = nextId++;
        const max = int(1, 8) * 25;
        const withOptions = rand() < 0.2;
        nodes.push({
          id,
          parentId: critId,
          code: `${a + 1}.${c + 1}.${l + 1}`,
          title: `Ban hành và tổ chức thực hiện kế hoạch, báo cáo nội dung ${l + 1} đúng thời hạn, đầy đủ`,
          kind: 'self',
          maxPoints: max,
          step: 25,
          mayBeNotApplicable: rand() < 0.1,
          leadOfficeId: rand() < 0.9 ? office : pick(offices).id,
          deadline: rand() < 0.3 ? `${year}-${pad(int(1, 12))}-${pad(int(1, 28))}` : null,
          evidenceSlots: rand() < 0.15 ? ['Kế hoạch', 'Báo cáo kết quả'] : [],
          scoringOptions: withOptions
            ? [
                { label: 'Đạt 100%', points: max },
                { label: 'Từ 80% đến dưới 100%', points: Math.floor(max / 50) * 25 },
                { label: 'Dưới 80%', points: 0 },
              ]
            : [],
        });
        leafIds.push(id);
        const r = rand();
        const na = r < 0.03;
        const selfScore = na || r > 0.9 ? null : int(0, max / 25) * 25;
        scores.push({
          nodeId: id,
          selfScore,
          notApplicable: na,
          naReason: na && rand() < 0.8 ? 'Trong năm không phát sinh nội dung này' : null,
          explanation: rand() < 0.5 ? 'Có tài liệu kiểm chứng kèm theo' : null,
          appraised: rand() < 0.5 && selfScore !== null ? Math.max(0, selfScore - 25) : null,
          lastYear: rand() < 0.7 ? int(0, max / 25) * 25 : null,
        });
      }
    }
  }

  const types = ['QĐ', 'KH', 'BC', 'TB', null, 'CV', 'TTr', 'HD'] as const;
  const kinds: CheckFileKind[] = [
    'pdf',
    'pdf',
    'pdf',
    'pdf',
    'pdf',
    'pdf',
    'png',
    'jpeg',
    'docx',
    'xlsx',
  ];
  const documents: CheckDocument[] = [];
  for (let i = 1; i <= docCount; i++) {
    const docType = pick(types);
    const fileKind = pick(kinds);
    const month = int(1, 12);
    const issuedYear = rand() < 0.05 ? year - 1 : year;
    const missingMeta = rand() < 0.05;
    documents.push({
      id: i,
      title: `tai-lieu-${i}.${fileKind === 'jpeg' ? 'jpg' : fileKind}`,
      fileKind,
      docType,
      number: missingMeta ? null : `${i}/${docType ?? 'UBND'}-UBND`,
      issuedOn:
        missingMeta && rand() < 0.5 ? null : `${issuedYear}-${pad(month)}-${pad(int(1, 28))}`,
      subject:
        missingMeta && rand() < 0.5
          ? null
          : `Về việc thực hiện nhiệm vụ cải cách hành chính số ${i}`,
      draft: rand() < 0.01,
      isScan: fileKind === 'pdf' && rand() < 0.3,
      encrypted: fileKind === 'pdf' && rand() < 0.002,
      damaged: rand() < 0.002,
      sizeBytes: int(20_000, rand() < 0.02 ? 40_000_000 : 5_000_000),
      fileStatus: rand() < 0.002 ? 'missing' : rand() < 0.001 ? 'corrupt' : 'ok',
    });
  }

  const links: CheckLink[] = [];
  // A handful of documents (the annual plan, the yearly report) back a great many nodes.
  for (let i = 0; i < linkCount; i++) {
    const nodeId = pick(leafIds);
    const documentId = rand() < 0.02 ? int(1, 10) : int(1, docCount);
    const slot = rand() < 0.3 ? pick(['Kế hoạch', 'Báo cáo kết quả']) : null;
    links.push({ nodeId, documentId, slot });
  }

  return {
    year,
    today: `${year}-11-20`,
    uploadLimitBytes: 20 * 1024 * 1024,
    nodes,
    scores,
    documents,
    links,
    offices,
  };
}

export function runCompletenessBench(runs = 10): { medianMs: number; firstMs: number } {
  const input = generateCompletenessDataset();
  const t0 = performance.now();
  const first = checkCompleteness(input);
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checkCompleteness(input);
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  const leaves = first.summary.leaves + first.summary.notApplicable;
  console.log(
    `completeness: ${leaves} leaves, ${input.documents.length} documents, ${input.links.length} links, ` +
      `${first.problems.length} problems (${first.summary.errors} errors, ${first.summary.warnings} warnings, ` +
      `${first.summary.infos} infos)`,
  );
  console.log(
    `completeness: first run ${firstMs.toFixed(1)} ms; median of ${runs} runs ${medianMs.toFixed(1)} ms ` +
      `(min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)}); budget 100 ms`,
  );
  return { medianMs, firstMs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { medianMs } = runCompletenessBench();
  if (medianMs >= 100) process.exitCode = 1;
}
