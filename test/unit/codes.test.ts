import { describe, expect, it } from 'vitest';
import {
  fullCodes,
  joinCode,
  qualifiedCodes,
  resolveCode,
  shortTitle,
  type CodedNode,
} from '../../shared/codes';

/** I → 1 → 1.1, 1.2 → a); II → 1 → 1.1; II → 2; V (unique codes stay bare). */
const n = (id: number, parentId: number | null, code: string, title = `Mục ${id}`) => ({
  id,
  parentId,
  code,
  title,
});
const TREE = [
  n(1, null, 'I'),
  n(2, 1, '1'),
  n(3, 2, '1.1'),
  n(4, 2, '1.2'),
  n(5, 4, 'a)'),
  n(6, null, 'II.'),
  n(7, 6, '1', 'Ban hành văn bản quy phạm pháp luật của huyện'),
  n(8, 7, '1.1'),
  n(9, 6, '2'),
  n(10, 9, '-'),
  n(11, 9, '-'),
];

const asObject = (m: Map<number, string>) => Object.fromEntries(m);

describe('criterion codes', () => {
  it('joins a child to its parent without repeating a hierarchical prefix', () => {
    expect(joinCode('II', 'II.', '1')).toBe('II.1');
    expect(joinCode('II.1', '1', '1.1')).toBe('II.1.1');
    expect(joinCode('I.1.2', '1.2', 'a)')).toBe('I.1.2.a)');
    expect(joinCode('II', 'II', '1.1')).toBe('II.1.1');
  });

  it('qualifies only codes that repeat; full codes qualify all', () => {
    expect(asObject(qualifiedCodes(TREE))).toEqual({
      1: 'I',
      2: 'I.1',
      3: 'I.1.1',
      4: '1.2',
      5: 'a)',
      6: 'II.',
      7: 'II.1',
      8: 'II.1.1',
      9: '2',
      10: '2.-',
      11: '2.-',
    });
    expect(fullCodes(TREE).get(5)).toBe('I.1.2.a)');
    expect(fullCodes(TREE).get(8)).toBe('II.1.1');
  });

  it('survives a parent chain that loops', () => {
    const loop: CodedNode[] = [
      { id: 1, parentId: 2, code: '1' },
      { id: 2, parentId: 1, code: '1' },
    ];
    expect(qualifiedCodes(loop).size).toBe(2);
  });

  it('resolves bare, qualified and dotted codes; refuses an ambiguous one with the choices', () => {
    const hit = (code: string) => {
      const r = resolveCode(TREE, code);
      return r.ok ? [r.node.id, r.code] : r.message;
    };
    expect(hit('II.1')).toEqual([7, 'II.1']);
    expect(hit('II.1.')).toEqual([7, 'II.1']);
    expect(hit('II.1.1')).toEqual([8, 'II.1.1']);
    expect(hit('I.1.2')).toEqual([4, '1.2']);
    expect(hit('1.2')).toEqual([4, '1.2']);
    expect(hit('I.1.2.a)')).toEqual([5, 'a)']);
    expect(hit('II')).toEqual([6, 'II.']);
    expect(hit('1')).toBe('Mã “1” có ở 2 tiêu chí: I.1, II.1; hãy ghi rõ, ví dụ II.1.');
    expect(hit('IX')).toBe('Không có tiêu chí mã “IX” trong kỳ đánh giá.');
    expect(hit('')).toBe('Không có tiêu chí mã “” trong kỳ đánh giá.');
    // Same code in the same place: only the titles tell them apart.
    const r = resolveCode(TREE, '2.-');
    expect(r.ok ? null : r.message).toBe(
      'Mã “2.-” có ở 2 tiêu chí trùng mã: 2.- “Mục 10”; 2.- “Mục 11”. Hãy sửa mã trong bộ tiêu chí cho khác nhau.',
    );
  });

  it('shortens long titles at a word', () => {
    expect(shortTitle('Kế hoạch cải cách hành chính')).toBe('Kế hoạch cải cách hành chính');
    expect(shortTitle('Ban hành văn bản quy phạm pháp luật của huyện đúng thời hạn', 30)).toBe(
      'Ban hành văn bản quy phạm…',
    );
  });
});
