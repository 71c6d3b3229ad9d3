import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPoints, parsePoints, pointsFromNumber, tryParsePoints } from '../../shared/points';
import { asciiSlug, cleanText, foldVi, matchesQuery } from '../../shared/text';
import { formatDateTimeVi, formatDateVi, parseDateVi } from '../../shared/dates';
import { APP_VERSION } from '../../shared/version';

describe('points', () => {
  it('parses a comma and a dot the same way, exactly', () => {
    expect(parsePoints('9,5')).toBe(950);
    expect(parsePoints('9.5')).toBe(950);
    expect(parsePoints('0,25')).toBe(25);
    expect(parsePoints(' 10 ')).toBe(1000);
    expect(parsePoints('-1')).toBe(-100);
    expect(parsePoints('0,5 điểm')).toBe(50);
  });
  it('refuses what is not a score, in Vietnamese', () => {
    expect(() => parsePoints('abc')).toThrow(/không phải là số điểm hợp lệ/);
    expect(() => parsePoints('0,125')).toThrow(/tối đa 2 chữ số thập phân/);
    expect(() => parsePoints('')).toThrow();
    expect(tryParsePoints('1,2,3')).toBeNull();
    expect(tryParsePoints('')).toBeNull();
  });
  it('shows a comma and no trailing zeros', () => {
    expect(formatPoints(950)).toBe('9,5');
    expect(formatPoints(1000)).toBe('10');
    expect(formatPoints(25)).toBe('0,25');
    expect(formatPoints(-50)).toBe('-0,5');
    expect(formatPoints(0)).toBe('0');
  });
  it('sums without float drift', () => {
    const parts = ['0,1', '0,2', '0,3', '9,4'].map(parsePoints);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(pointsFromNumber(0.1 + 0.2)).toBe(30);
    expect(() => pointsFromNumber(0.125)).toThrow();
  });
});

describe('text', () => {
  it('folds every diacritic and đ for search', () => {
    expect(foldVi('Quyết định số 1234/QĐ-UBND')).toBe('quyet dinh so 1234/qd-ubnd');
    expect(foldVi('Nghệ An, Đắk Lắk')).toBe('nghe an, dak lak');
    expect(foldVi('Thắng'.normalize('NFD'))).toBe('thang');
  });
  it('matches every word, ignoring punctuation and order', () => {
    expect(matchesQuery('5.3 Đào tạo, bồi dưỡng cán bộ', 'dao tao boi duong')).toBe(true);
    expect(matchesQuery('5.3 Đào tạo, bồi dưỡng cán bộ', 'boi duong 5.3')).toBe(true);
    expect(matchesQuery('Quyết định số 1234/QĐ-UBND', 'quyet dinh 1234')).toBe(true);
    expect(matchesQuery('Kế hoạch tuyên truyền', 'ke hoach kiem tra')).toBe(false);
    expect(matchesQuery('bất kỳ', '  ')).toBe(true);
  });
  it('cleans NFD and whitespace', () => {
    const nfd = 'Kế  hoạch\n'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Kế hoạch'.normalize('NFC'));
    expect(cleanText(nfd).length).toBe(8);
  });
  it('makes ASCII file names', () => {
    expect(asciiSlug('Kế hoạch số 154/KH-UBND về CCHC')).toBe('Ke-hoach-so-154-KH-UBND-ve-CCHC');
    expect(asciiSlug('Đường')).toBe('Duong');
  });
});

describe('dates', () => {
  it('parses Vietnamese numeric dates and refuses impossible ones', () => {
    expect(parseDateVi('31/05/2021')).toBe('2021-05-31');
    expect(parseDateVi('3/5/2021')).toBe('2021-05-03');
    expect(parseDateVi('2021-05-31')).toBe('2021-05-31');
    expect(parseDateVi('31/02/2021')).toBeNull();
    expect(parseDateVi('29/02/2024')).toBe('2024-02-29');
    expect(parseDateVi('hôm qua')).toBeNull();
  });
  it('shows dd/mm/yyyy in Vietnam time', () => {
    expect(formatDateVi('2021-05-31')).toBe('31/05/2021');
    expect(formatDateTimeVi('2026-11-23T20:30:00.000Z')).toBe('24/11/2026 03:30');
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
