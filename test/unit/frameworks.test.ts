import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Framework, type FrameworkNode } from '../../shared/framework';
import { pointsFromNumber } from '../../shared/points';

/**
 * The built-in criteria frameworks in resources/frameworks. Files starting with "demo-" are
 * written elsewhere: they only go through the schema check and the id-uniqueness check here.
 */

const DIR = fileURLToPath(new URL('../../resources/frameworks/', import.meta.url));

const BUILT_IN = [
  'papi-vi-xuyen-2021',
  'ddci-10-chi-so',
  'sipas-nhom-tieu-chi',
  'par-huyen-9-linh-vuc',
  'par-huyen-7-linh-vuc-2020',
  'par-tinh-8-linh-vuc',
] as const;

/** Frameworks whose seed states that the areas add up to 100 points. */
const TOTAL_100 = ['par-huyen-9-linh-vuc'];

interface Loaded {
  file: string;
  id: string;
  raw: unknown;
}

function loadAll(): Loaded[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      id: file.replace(/\.json$/, ''),
      raw: JSON.parse(readFileSync(DIR + file, 'utf8')) as unknown,
    }));
}

// ---------------------------------------------------------------- checkers (return problems)

function walk(
  nodes: FrameworkNode[],
  visit: (node: FrameworkNode, parent: FrameworkNode | null) => void,
  parent: FrameworkNode | null = null,
): void {
  for (const node of nodes) {
    visit(node, parent);
    walk(node.children ?? [], visit, node);
  }
}

function duplicateCodes(nodes: FrameworkNode[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  walk(nodes, (n) => {
    if (seen.has(n.code)) dups.push(n.code);
    seen.add(n.code);
  });
  return dups;
}

/** A child's code must extend its parent's ("1.3" under "1", "1.a" under "1"). */
function codePrefixProblems(nodes: FrameworkNode[]): string[] {
  const problems: string[] = [];
  walk(nodes, (n, parent) => {
    if (n.code.trim() === '') problems.push(`empty code under ${parent?.code ?? '(root)'}`);
    if (parent && !n.code.startsWith(parent.code + '.')) {
      problems.push(`${n.code} is not under ${parent.code}`);
    }
  });
  return problems;
}

const counts = (n: FrameworkNode) => n.kind !== 'bonus' && n.kind !== 'penalty';

/** Where a node and all its (non-bonus, non-penalty) children have maxima, they must add up. */
function pointSumProblems(nodes: FrameworkNode[]): string[] {
  const problems: string[] = [];
  walk(nodes, (n) => {
    const kids = (n.children ?? []).filter(counts);
    if (n.maxPoints == null || kids.length === 0) return;
    if (kids.some((k) => k.maxPoints == null)) return;
    const sum = kids.reduce((acc, k) => acc + pointsFromNumber(k.maxPoints as number), 0);
    const own = pointsFromNumber(n.maxPoints);
    if (sum !== own)
      problems.push(`${n.code}: children sum to ${sum / 100}, node says ${own / 100}`);
  });
  return problems;
}

function pointValueProblems(nodes: FrameworkNode[]): string[] {
  const problems: string[] = [];
  walk(nodes, (n) => {
    if (n.maxPoints == null) return;
    try {
      if (pointsFromNumber(n.maxPoints) < 0) problems.push(`${n.code}: negative maximum`);
    } catch {
      problems.push(`${n.code}: ${n.maxPoints} is not a number of hundredths`);
    }
  });
  return problems;
}

function areaTotal(nodes: FrameworkNode[]): number | null {
  const areas = nodes.filter(counts);
  if (areas.length === 0 || areas.some((a) => a.maxPoints == null)) return null;
  return areas.reduce((acc, a) => acc + pointsFromNumber(a.maxPoints as number), 0);
}

/** Every string anywhere in the JSON: NFC, trimmed, non-empty, no markup left from the seeds. */
function textProblems(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') {
    const problems: string[] = [];
    if (value !== value.normalize('NFC')) problems.push(`${at}: not NFC`);
    if (value !== value.trim()) problems.push(`${at}: not trimmed`);
    if (value.trim() === '') problems.push(`${at}: empty`);
    if (/<\/?[a-z]+>|\*\*|\t/i.test(value)) problems.push(`${at}: markup or tab left in text`);
    return problems;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textProblems(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textProblems(v, `${at}.${k}`));
  }
  return [];
}

function hasPoints(nodes: FrameworkNode[]): boolean {
  let found = false;
  walk(nodes, (n) => {
    if (n.maxPoints != null) found = true;
  });
  return found;
}

function countNodes(nodes: FrameworkNode[]): number {
  let count = 0;
  walk(nodes, () => count++);
  return count;
}

// ---------------------------------------------------------------- the files

const all = loadAll();
const builtIn = all.filter((f) => !f.file.startsWith('demo-'));

function get(id: string): Framework {
  const entry = all.find((f) => f.id === id);
  if (!entry) throw new Error(`missing resources/frameworks/${id}.json`);
  return Framework.parse(entry.raw);
}

describe('resources/frameworks', () => {
  it('has every built-in framework file and nothing unexpected besides demo-*', () => {
    expect(builtIn.map((f) => f.id).sort()).toEqual([...BUILT_IN].sort());
  });

  it.each(all.map((f) => [f.file, f] as const))('%s parses with the Framework schema', (_, f) => {
    const result = Framework.safeParse(f.raw);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has unique ids across all files', () => {
    const ids = all.map((f) => (f.raw as { id?: unknown }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(builtIn.map((f) => [f.id, f] as const))('%s', (_, f) => {
    const fw = Framework.parse(f.raw);

    it('has no keys outside the schema (a misspelt field would be dropped silently)', () => {
      expect(fw).toEqual(f.raw);
    });

    it('has an id matching the file name', () => {
      expect(fw.id).toBe(f.id);
    });

    it('has unique codes, each extending its parent code', () => {
      expect(duplicateCodes(fw.nodes)).toEqual([]);
      expect(codePrefixProblems(fw.nodes)).toEqual([]);
    });

    it('has valid points whose children add up to their parent', () => {
      expect(pointValueProblems(fw.nodes)).toEqual([]);
      expect(pointSumProblems(fw.nodes)).toEqual([]);
    });

    it('carries points only if scored', () => {
      if (!fw.scored) expect(hasPoints(fw.nodes)).toBe(false);
    });

    it('has every string NFC-normalised, trimmed, non-empty and free of markup', () => {
      expect(textProblems(f.raw)).toEqual([]);
    });

    it('names its source and describes itself', () => {
      expect(fw.source.length).toBeGreaterThan(20);
      expect(fw.description ?? '').not.toBe('');
    });
  });

  it.each(TOTAL_100)('%s: the areas add up to 100 points', (id) => {
    const fw = get(id);
    expect(fw.scored).toBe(true);
    expect(areaTotal(fw.nodes)).toBe(10000);
  });
});

describe('framework contents follow the seeds', () => {
  it('PAPI Vị Xuyên 2021: 8 dimensions with sub-dimensions, official task tracker', () => {
    const fw = get('papi-vi-xuyen-2021');
    expect(fw).toMatchObject({ index: 'PAPI', level: 'huyen', status: 'official', scored: false });
    expect(fw.nodes.map((n) => n.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const dim of fw.nodes) expect(dim.children?.length ?? 0).toBeGreaterThanOrEqual(2);
    const codes: string[] = [];
    walk(fw.nodes, (n) => codes.push(n.code));
    expect(codes).toEqual(expect.arrayContaining(['1.1', '2.4', '4.6', '5.2', '6.3', '8.3']));
    const n11 = fw.nodes[0]?.children?.[0];
    expect(n11).toMatchObject({
      code: '1.1',
      title: 'Tri thức công dân',
      target: '100% các thôn, tổ dân phố',
      leadOffice: 'Phòng Văn hóa thông tin',
      coopOffices: ['UBND các xã, thị trấn'],
      deadline: 'Thường xuyên',
    });
    // appendix rows are leaves (task and/or target); dimensions and split rows only group them
    walk(fw.nodes, (n) => {
      if (n.children?.length) {
        expect([n.code, n.task ?? n.target ?? n.leadOffice ?? null]).toEqual([n.code, null]);
      } else {
        expect([n.code, n.task ?? n.target ?? null]).not.toEqual([n.code, null]);
      }
    });
  });

  it('DDCI: 10 component indices', () => {
    const fw = get('ddci-10-chi-so');
    expect(fw).toMatchObject({ index: 'DDCI', status: 'skeleton', scored: false });
    expect(fw.nodes.map((n) => n.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );
    walk(fw.nodes, (n) => {
      if (n.leadOffice) expect(n.task ?? '').not.toBe('');
    });
  });

  it('SIPAS: a small skeleton that says it is one', () => {
    const fw = get('sipas-nhom-tieu-chi');
    expect(fw).toMatchObject({ index: 'SIPAS', status: 'skeleton', scored: false });
    expect(fw.nodes.length).toBeGreaterThan(0);
    expect(fw.description).toMatch(/không phải bộ tiêu chí SIPAS đầy đủ/);
  });

  it('PAR district, 9 areas: maxima, lead offices, survey area', () => {
    const fw = get('par-huyen-9-linh-vuc');
    expect(fw).toMatchObject({ index: 'PAR', level: 'huyen', status: 'skeleton', scored: true });
    expect(fw.nodes.map((n) => n.maxPoints)).toEqual([10, 7, 16, 9.5, 12, 8.5, 10, 7, 20]);
    const lead = Object.fromEntries(fw.nodes.map((n) => [n.code, n.leadOffice ?? null]));
    expect(lead).toEqual({
      '1': 'Phòng Nội vụ',
      '2': 'Phòng Tư pháp',
      '3': 'Văn phòng HĐND và UBND huyện',
      '4': 'Phòng Nội vụ',
      '5': 'Phòng Nội vụ',
      '6': 'Phòng Tài chính - Kế hoạch',
      '7': null, // split: 7.1 Văn hóa và Thông tin, 7.2–7.6 Văn phòng (see the node's note)
      '8': 'Phòng Tài chính - Kế hoạch',
      '9': 'Văn phòng HĐND và UBND huyện',
    });
    expect(fw.nodes[6]?.note).toMatch(/7\.1.*Văn hóa và Thông tin.*7\.2.*7\.6.*Văn phòng/s);
    expect(fw.nodes.filter((n) => n.kind === 'survey').map((n) => n.code)).toEqual(['9']);
  });

  it('PAR district, 7 areas (2020)', () => {
    const fw = get('par-huyen-7-linh-vuc-2020');
    expect(fw).toMatchObject({ index: 'PAR', level: 'huyen', status: 'skeleton' });
    expect(fw.nodes.map((n) => n.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('PAR province: level tinh, the 43/102 and 66,5 + 33,5 breakdown in the description', () => {
    const fw = get('par-tinh-8-linh-vuc');
    expect(fw).toMatchObject({ index: 'PAR', level: 'tinh', status: 'skeleton' });
    for (const fact of ['8 lĩnh vực', '43 tiêu chí', '102 tiêu chí thành phần', '66,5', '33,5']) {
      expect(fw.description).toContain(fact);
    }
  });

  it('node counts stay as generated from the seeds', () => {
    const sizes = Object.fromEntries(BUILT_IN.map((id) => [id, countNodes(get(id).nodes)]));
    expect(sizes).toEqual({
      'papi-vi-xuyen-2021': 55,
      'ddci-10-chi-so': 32,
      'sipas-nhom-tieu-chi': 2,
      'par-huyen-9-linh-vuc': 9,
      'par-huyen-7-linh-vuc-2020': 7,
      'par-tinh-8-linh-vuc': 0,
    });
  });
});

describe('the checkers catch bad data', () => {
  const leaf = (code: string, maxPoints?: number, extra: Partial<FrameworkNode> = {}) => ({
    code,
    title: `Mục ${code}`,
    ...(maxPoints === undefined ? {} : { maxPoints }),
    ...extra,
  });

  it('finds duplicate codes anywhere in the tree', () => {
    const tree = [{ ...leaf('1'), children: [leaf('1.1'), leaf('1.2')] }, leaf('1.1')];
    expect(duplicateCodes(tree)).toEqual(['1.1']);
  });

  it('finds a child whose code does not extend its parent', () => {
    expect(codePrefixProblems([{ ...leaf('2'), children: [leaf('1.1')] }])).toEqual([
      '1.1 is not under 2',
    ]);
  });

  it('finds children that do not add up, exactly, ignoring bonus and penalty', () => {
    const bad = [{ ...leaf('1', 1), children: [leaf('1.1', 0.5), leaf('1.2', 0.25)] }];
    expect(pointSumProblems(bad)).toEqual(['1: children sum to 0.75, node says 1']);
    const good = [
      {
        ...leaf('1', 0.3),
        children: [leaf('1.1', 0.1), leaf('1.2', 0.2), leaf('1.3', 1, { kind: 'bonus' })],
      },
    ];
    expect(pointSumProblems(good)).toEqual([]);
    expect(pointValueProblems([leaf('1', 0.125), leaf('2', -1)])).toHaveLength(2);
  });

  it('computes area totals only when every area has a maximum', () => {
    expect(areaTotal([leaf('1', 60), leaf('2', 39.5)])).toBe(9950);
    expect(areaTotal([leaf('1', 60), leaf('2')])).toBeNull();
  });

  it('finds decomposed, untrimmed, empty and marked-up strings', () => {
    const nfd = 'Cải cách'.normalize('NFD');
    expect(textProblems({ a: nfd, b: [' x'], c: '', d: '<b>1</b>' })).toEqual([
      '$.a: not NFC',
      '$.b[0]: not trimmed',
      '$.c: empty',
      '$.d: markup or tab left in text',
    ]);
  });
});
