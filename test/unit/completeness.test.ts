import { describe, expect, it } from 'vitest';
import type {
  CheckDocument,
  CheckInput,
  CheckLink,
  CheckNode,
  CheckScore,
} from '../../shared/check-model';
import {
  checkCompleteness,
  UNASSIGNED_OFFICE_NAME,
  type CompletenessResult,
  type Problem,
  type ProblemRule,
} from '../../shared/completeness';
import { parsePoints } from '../../shared/points';
import { checkNode, checkScore } from '../fixtures/check-input';
import { generateCompletenessDataset } from '../bench/completeness.bench';

const p = parsePoints;

const node = (
  id: number,
  parentId: number | null,
  code: string,
  title: string,
  max: string | null,
  extra: Partial<CheckNode> = {},
): CheckNode => checkNode(id, parentId, code, max, { title, step: 25, ...extra });
const score = checkScore;

function doc(id: number, extra: Partial<CheckDocument> = {}): CheckDocument {
  return {
    id,
    title: `tai-lieu-${id}.pdf`,
    fileKind: 'pdf',
    docType: 'QĐ',
    number: `${id}/QĐ-UBND`,
    issuedOn: '2024-03-15',
    subject: 'Về việc ban hành kế hoạch cải cách hành chính năm 2024',
    draft: false,
    isScan: false,
    encrypted: false,
    damaged: false,
    sizeBytes: 500_000,
    fileStatus: 'ok',
    ...extra,
  };
}

const link = (nodeId: number, documentId: number, slot: string | null = null): CheckLink => ({
  nodeId,
  documentId,
  slot,
});

/**
 * A small dossier with nothing wrong: area 1 (Phòng Nội vụ) with two scored, evidenced items
 * at full marks; area 9 (survey, Văn phòng) entered from the published results.
 */
function baseline(): CheckInput {
  return {
    year: 2024,
    today: '2024-06-01',
    uploadLimitBytes: 10 * 1024 * 1024,
    nodes: [
      node(1, null, '1', 'Công tác chỉ đạo, điều hành cải cách hành chính', null, {
        leadOfficeId: 1,
      }),
      node(11, 1, '1.1', 'Kế hoạch cải cách hành chính', null, { leadOfficeId: 1 }),
      node(111, 11, '1.1.1', 'Ban hành kế hoạch CCHC năm đúng thời hạn', '1', {
        leadOfficeId: 1,
      }),
      node(112, 11, '1.1.2', 'Mức độ thực hiện kế hoạch CCHC', '0,5', { leadOfficeId: 1 }),
      node(9, null, '9', 'Kết quả đo lường sự hài lòng của người dân, tổ chức', null, {
        kind: 'survey',
        leadOfficeId: 2,
      }),
      node(91, 9, '9.1', 'Chỉ số hài lòng về phục vụ hành chính', '2', { leadOfficeId: 2 }),
    ],
    scores: [score(111, '1'), score(112, '0,5'), score(91, '1,5')],
    documents: [
      doc(1, { docType: 'KH', number: '154/KH-UBND', issuedOn: '2024-01-10' }),
      doc(2, { docType: 'BC', number: '420/BC-UBND', issuedOn: '2024-12-05' }),
    ],
    links: [link(111, 1), link(112, 2)],
    offices: [
      { id: 1, name: 'Phòng Nội vụ' },
      { id: 2, name: 'Văn phòng HĐND và UBND' },
    ],
  };
}

type Patch = (input: CheckInput) => void;

function run(...patches: Patch[]): CompletenessResult {
  const input = baseline();
  for (const patch of patches) patch(input);
  return checkCompleteness(input);
}

const byRule = (r: CompletenessResult, rule: ProblemRule): Problem[] =>
  r.problems.filter((x) => x.rule === rule);

function setScore(nodeId: number, changes: Partial<CheckScore>): Patch {
  return (input) => {
    const existing = input.scores.find((s) => s.nodeId === nodeId);
    if (existing) Object.assign(existing, changes);
    else input.scores.push({ ...score(nodeId, null), ...changes });
  };
}

function setNode(nodeId: number, changes: Partial<CheckNode>): Patch {
  return (input) => {
    Object.assign(
      input.nodes.find((n) => n.id === nodeId)!,
      changes,
    );
  };
}

function setDoc(documentId: number, changes: Partial<CheckDocument>): Patch {
  return (input) => {
    Object.assign(
      input.documents.find((d) => d.id === documentId)!,
      changes,
    );
  };
}

const unlink =
  (nodeId: number): Patch =>
  (input) => {
    input.links = input.links.filter((l) => l.nodeId !== nodeId);
  };

describe('checkCompleteness: the clean baseline', () => {
  it('has no problems and every node complete', () => {
    const r = run();
    expect(r.problems).toEqual([]);
    expect([...r.nodeStatus.values()].every((s) => s === 'complete')).toBe(true);
    expect(r.summary).toMatchObject({
      leaves: 3,
      complete: 3,
      errors: 0,
      warnings: 0,
      infos: 0,
      percent: 100,
      score: 300,
      applicableMax: 350,
      index: 85.71,
      pointsAtRisk: 0,
    });
  });
});

describe('checkCompleteness: errors', () => {
  it('a self-assessed leaf scored above 0 without evidence', () => {
    const r = run(unlink(111));
    const [e, ...more] = byRule(r, 'score.missing_evidence');
    expect(more).toEqual([]);
    expect(e).toMatchObject({ severity: 'error', nodeId: 111, code: '1.1.1' });
    expect(e!.message).toBe(
      '1.1.1 “Ban hành kế hoạch CCHC năm đúng thời hạn”: chấm 1 điểm nhưng thiếu TLKC (chưa gắn tài liệu kiểm chứng nào).',
    );
    expect(r.nodeStatus.get(111)).toBe('error');
    expect(r.summary.pointsAtRisk).toBe(100);
  });

  it('names the required slots when nothing is attached, and shows points with a comma', () => {
    const r = run(unlink(112), setNode(112, { evidenceSlots: ['Báo cáo kết quả'] }));
    const [e] = byRule(r, 'score.missing_evidence');
    expect(e!.message).toContain('chấm 0,5 điểm nhưng thiếu TLKC');
    expect(e!.message).toContain('Cần có: “Báo cáo kết quả”.');
    expect(byRule(r, 'evidence.slot_empty')).toEqual([]); // one error, not two
  });

  it('needs no evidence for a 0 score, a survey node or a penalty', () => {
    const r = run(
      unlink(111),
      setScore(111, { selfScore: 0, explanation: 'Chưa ban hành kế hoạch' }),
      (i) => {
        i.nodes.push(node(19, 1, '1.9', 'Bị kỷ luật', '1', { kind: 'penalty', leadOfficeId: 1 }));
        i.scores.push(score(19, '-0,5'));
      },
    );
    expect(byRule(r, 'score.missing_evidence')).toEqual([]);
    expect(r.nodeStatus.get(91)).toBe('complete'); // the survey item has no link at all
  });

  it('a leaf not scored', () => {
    const r = run(setScore(112, { selfScore: null }));
    const [e] = byRule(r, 'score.not_scored');
    expect(e).toMatchObject({ severity: 'error', nodeId: 112, code: '1.1.2' });
    expect(e!.message).toBe('1.1.2 “Mức độ thực hiện kế hoạch CCHC”: chưa chấm điểm tự đánh giá.');
    // With no score row at all.
    const r2 = run((i) => {
      i.scores = i.scores.filter((s) => s.nodeId !== 112);
    });
    expect(byRule(r2, 'score.not_scored').map((x) => x.nodeId)).toEqual([112]);
  });

  it('an unscored survey leaf is a warning: the province publishes the results', () => {
    const r = run(setScore(91, { selfScore: null }));
    expect(byRule(r, 'score.not_scored')).toEqual([]);
    const [w] = byRule(r, 'score.survey_not_entered');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 91 });
    expect(w!.message).toContain('kết quả điều tra xã hội học');
  });

  it('a task-tracker leaf without points is never "not scored"', () => {
    const r = run(
      setNode(112, { maxPoints: null }),
      setScore(112, { selfScore: null }),
      unlink(112),
    );
    expect(byRule(r, 'score.not_scored')).toEqual([]);
    expect(r.nodeStatus.get(112)).toBe('not_started');
  });

  it('a score above the maximum', () => {
    const r = run(setScore(111, { selfScore: p('1,5') }));
    const [e] = byRule(r, 'score.out_of_range');
    expect(e).toMatchObject({ severity: 'error', nodeId: 111 });
    expect(e!.message).toBe(
      '1.1.1 “Ban hành kế hoạch CCHC năm đúng thời hạn”: điểm 1,5 vượt quá điểm tối đa (1 điểm).',
    );
  });

  it('a negative score on a node that is not a penalty', () => {
    const r = run(setScore(111, { selfScore: -25 }));
    expect(byRule(r, 'score.out_of_range').map((x) => x.nodeId)).toEqual([111]);
  });

  it('a score off the step', () => {
    const r = run(setScore(111, { selfScore: 30, explanation: 'x' }));
    const [e] = byRule(r, 'score.off_step');
    expect(e).toMatchObject({ severity: 'error', nodeId: 111 });
    expect(e!.message).toContain('bội số của 0,25');
  });

  it('a score that is not one of the guide’s levels', () => {
    const r = run(
      setNode(111, {
        scoringOptions: [
          { label: 'Đúng hạn', points: 100 },
          { label: 'Chậm', points: 50 },
        ],
      }),
      setScore(111, { selfScore: 75, explanation: 'x' }),
    );
    expect(byRule(r, 'score.not_an_option').map((x) => x.nodeId)).toEqual([111]);
  });

  it('not applicable without a reason', () => {
    const r = run(
      setNode(112, { mayBeNotApplicable: true }),
      setScore(112, { notApplicable: true, naReason: '  ' }),
    );
    const [e] = byRule(r, 'score.na_without_reason');
    expect(e).toMatchObject({ severity: 'error', nodeId: 112 });
    expect(e!.message).toContain('không chấm (không áp dụng) nhưng chưa ghi lý do');
    expect(byRule(r, 'score.na_not_allowed')).toEqual([]);
    expect(r.nodeStatus.get(112)).toBe('error');
  });

  it('not applicable on a node that may not be', () => {
    const r = run(setScore(112, { notApplicable: true, naReason: 'Không phát sinh' }));
    const [e] = byRule(r, 'score.na_not_allowed');
    expect(e).toMatchObject({ severity: 'error', nodeId: 112 });
    expect(byRule(r, 'score.na_without_reason')).toEqual([]);
  });

  it('a proper not-applicable item is fine and leaves the maximum', () => {
    const r = run(
      setNode(112, { mayBeNotApplicable: true }),
      setScore(112, { selfScore: null, notApplicable: true, naReason: 'Không phát sinh' }),
      unlink(112),
    );
    // Only the now unlinked report remains, as an info about the document.
    expect(r.problems.map((x) => x.rule)).toEqual(['document.unlinked']);
    expect(r.nodeStatus.get(112)).toBe('not_applicable');
    expect(r.nodeStatus.get(11)).toBe('complete');
    expect(r.summary).toMatchObject({ leaves: 2, notApplicable: 1, applicableMax: 300 });
  });

  it('a not-applicable criterion silences its unscored items', () => {
    const r = run(
      setNode(11, { mayBeNotApplicable: true }),
      setScore(11, { notApplicable: true, naReason: 'Không phát sinh' }),
      setScore(111, { selfScore: null }),
      setScore(112, { selfScore: null }),
      unlink(111),
      unlink(112),
    );
    expect(r.problems.filter((x) => x.nodeId !== null)).toEqual([]);
    expect(r.nodeStatus.get(11)).toBe('not_applicable');
    expect(r.nodeStatus.get(111)).toBe('not_applicable');
  });

  it('a required evidence slot left empty', () => {
    const r = run(setNode(111, { evidenceSlots: ['Kế hoạch', 'Báo cáo kết quả'] }), (i) => {
      i.links = [link(111, 1, ' kế  HOẠCH '), link(112, 2)];
    });
    const errs = byRule(r, 'evidence.slot_empty');
    expect(errs.map((x) => x.nodeId)).toEqual([111]);
    expect(errs[0]!.severity).toBe('error');
    expect(errs[0]!.message).toContain('chưa có TLKC cho mục “Báo cáo kết quả”');
  });

  it('a linked evidence file missing from the store', () => {
    const r = run(setDoc(1, { fileStatus: 'missing' }));
    const [e] = byRule(r, 'evidence.file_missing');
    expect(e).toMatchObject({ severity: 'error', nodeId: 111, documentId: 1 });
    expect(e!.message).toBe(
      '1.1.1 “Ban hành kế hoạch CCHC năm đúng thời hạn”: tệp của tài liệu số 154/KH-UBND không còn trong kho lưu trữ, cần đính kèm lại.',
    );
    expect(r.summary.pointsAtRisk).toBe(100);
  });

  it('a linked evidence file failing its hash', () => {
    const r = run(setDoc(2, { fileStatus: 'corrupt' }));
    const [e] = byRule(r, 'evidence.file_corrupt');
    expect(e).toMatchObject({ severity: 'error', nodeId: 112, documentId: 2 });
    expect(e!.message).toContain('số 420/BC-UBND bị hỏng hoặc đã bị thay đổi');
  });

  it('an encrypted PDF linked', () => {
    const r = run(setDoc(1, { encrypted: true }));
    const [e] = byRule(r, 'evidence.encrypted');
    expect(e).toMatchObject({ severity: 'error', nodeId: 111, documentId: 1 });
    expect(e!.message).toContain('là tệp PDF có đặt mật khẩu');
  });

  it('a damaged PDF linked', () => {
    const r = run(setDoc(1, { damaged: true }));
    const [e] = byRule(r, 'evidence.damaged');
    expect(e).toMatchObject({ severity: 'error', nodeId: 111, documentId: 1 });
    expect(e!.message).toContain('là tệp PDF bị lỗi, không mở được');
  });
});

describe('checkCompleteness: warnings', () => {
  it('a document missing its number, date or subject', () => {
    const r = run(setDoc(1, { number: null, issuedOn: null, subject: '' }));
    const [w] = byRule(r, 'document.missing_metadata');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 111, documentId: 1 });
    // Without a number the document is named by its title.
    expect(w!.message).toBe(
      '1.1.1 “Ban hành kế hoạch CCHC năm đúng thời hạn”: tài liệu “tai-lieu-1.pdf” chưa ghi số, ký hiệu; ngày ban hành và trích yếu.',
    );
    const onlyDate = run(setDoc(2, { issuedOn: null }));
    expect(byRule(onlyDate, 'document.missing_metadata')[0]!.message).toContain(
      'số 420/BC-UBND chưa ghi ngày ban hành.',
    );
    expect(byRule(run(setDoc(2, { subject: null })), 'document.missing_metadata')).toHaveLength(1);
  });

  it('screenshots need no number, date or subject', () => {
    const r = run(
      setDoc(1, { fileKind: 'png', number: null, issuedOn: null, subject: null }),
      setDoc(2, { fileKind: 'jpeg', number: null, issuedOn: null, subject: null }),
    );
    expect(byRule(r, 'document.missing_metadata')).toEqual([]);
  });

  it('a document dated outside the assessment year', () => {
    const r = run(setDoc(2, { issuedOn: '2023-05-01' }));
    const [w] = byRule(r, 'document.outside_year');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 112, documentId: 2 });
    expect(w!.message).toContain(
      'số 420/BC-UBND ban hành ngày 01/05/2023, ngoài năm đánh giá 2024.',
    );
    expect(
      byRule(run(setDoc(2, { issuedOn: '2025-01-03' })), 'document.outside_year'),
    ).toHaveLength(1);
  });

  it('a plan for year N issued in December of N−1 is fine, but not earlier and not other types', () => {
    expect(byRule(run(setDoc(1, { issuedOn: '2023-12-15' })), 'document.outside_year')).toEqual([]);
    expect(
      byRule(
        run(setDoc(1, { docType: 'Kế hoạch', issuedOn: '2023-12-31' })),
        'document.outside_year',
      ),
    ).toEqual([]);
    expect(
      byRule(run(setDoc(1, { issuedOn: '2023-11-30' })), 'document.outside_year'),
    ).toHaveLength(1);
    expect(
      byRule(run(setDoc(1, { issuedOn: '2022-12-15' })), 'document.outside_year'),
    ).toHaveLength(1);
    expect(
      byRule(run(setDoc(2, { issuedOn: '2023-12-15' })), 'document.outside_year'),
    ).toHaveLength(1); // a report (BC) from December of last year
  });

  it('a document without a type whose subject starts with “Kế hoạch” counts as a plan', () => {
    const untyped = (subject: string | null, issuedOn = '2023-12-20'): Patch =>
      setDoc(1, { docType: null, subject, issuedOn });
    expect(
      byRule(run(untyped('Kế hoạch cải cách hành chính năm 2024')), 'document.outside_year'),
    ).toEqual([]);
    // Case, spacing and decomposed diacritics do not matter.
    expect(
      byRule(run(untyped('  KẾ HOẠCH CCHC năm 2024'.normalize('NFD'))), 'document.outside_year'),
    ).toEqual([]);
    // Not a plan: another subject, no subject, or a typed report that mentions a plan.
    for (const patch of [
      untyped('Về việc ban hành kế hoạch cải cách hành chính năm 2024'),
      untyped('Kế hoạchxyz'),
      untyped(null),
      setDoc(1, { docType: 'BC', subject: 'Kế hoạch cải cách hành chính', issuedOn: '2023-12-20' }),
    ])
      expect(byRule(run(patch), 'document.outside_year')).toHaveLength(1);
    // Still only December of N−1.
    expect(
      byRule(run(untyped('Kế hoạch CCHC năm 2024', '2023-11-20')), 'document.outside_year'),
    ).toHaveLength(1);
  });

  it('a draft document', () => {
    const r = run(setDoc(2, { draft: true }));
    const [w] = byRule(r, 'document.draft');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 112, documentId: 2 });
    expect(w!.message).toContain('là bản dự thảo');
    expect(r.nodeStatus.get(112)).toBe('warning');
    expect(r.nodeStatus.get(11)).toBe('warning');
  });

  it('a file above the upload-size limit', () => {
    const r = run(setDoc(1, { sizeBytes: 26_500_000 }));
    const [w] = byRule(r, 'document.too_large');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 111, documentId: 1 });
    expect(w!.message).toContain('có dung lượng 25,3 MB, vượt giới hạn tải lên 10 MB.');
    expect(byRule(run(setDoc(1, { sizeBytes: 10 * 1024 * 1024 })), 'document.too_large')).toEqual(
      [],
    );
  });

  it('a score below the maximum without an explanation', () => {
    const r = run(setScore(111, { selfScore: p('0,5') }));
    const [w] = byRule(r, 'score.missing_explanation');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 111 });
    expect(w!.message).toBe(
      '1.1.1 “Ban hành kế hoạch CCHC năm đúng thời hạn”: chấm 0,5/1 điểm nhưng chưa có giải trình vì sao chưa đạt điểm tối đa.',
    );
    const explained = run(
      setScore(111, { selfScore: p('0,5'), explanation: 'Ban hành chậm 5 ngày' }),
    );
    expect(byRule(explained, 'score.missing_explanation')).toEqual([]);
    // Survey results need no giải trình.
    expect(byRule(run(setScore(91, { selfScore: p('1') })), 'score.missing_explanation')).toEqual(
      [],
    );
  });

  it('a bonus item below its maximum needs a giải trình too; a penalty item does not', () => {
    const extra: Patch = (i) => {
      i.nodes.push(
        node(5, null, '5', 'Điểm thưởng, điểm trừ', null, { kind: 'bonus', leadOfficeId: 1 }),
        node(51, 5, '5.1', 'Sáng kiến CCHC được công nhận', '2', {
          kind: 'bonus',
          leadOfficeId: 1,
        }),
        node(52, 5, '5.2', 'Để xảy ra sai phạm', '-1', { kind: 'penalty', leadOfficeId: 1 }),
      );
      i.scores.push(score(51, '1'), score(52, '0'));
      i.links.push(link(51, 1));
    };
    const r = run(extra);
    const found = byRule(r, 'score.missing_explanation');
    expect(found.map((x) => x.nodeId)).toEqual([51]);
    expect(found[0]!.message).toBe(
      '5.1 “Sáng kiến CCHC được công nhận”: chấm 1/2 điểm nhưng chưa có giải trình vì sao chưa đạt điểm tối đa.',
    );
    // Explained, or at the maximum: nothing. A penalty at 0 is the best score: nothing.
    expect(
      byRule(
        run(extra, setScore(51, { explanation: 'Một sáng kiến cấp huyện' })),
        'score.missing_explanation',
      ),
    ).toEqual([]);
    expect(
      byRule(run(extra, setScore(51, { selfScore: p('2') })), 'score.missing_explanation'),
    ).toEqual([]);
    const penalty = run(extra, setScore(52, { selfScore: p('-1') }));
    expect(byRule(penalty, 'score.missing_explanation').map((x) => x.nodeId)).toEqual([51]);
  });

  it('a leaf past its deadline and not complete', () => {
    const r = run(setNode(112, { deadline: '2024-05-31' }), setDoc(2, { draft: true }));
    const [w] = byRule(r, 'node.overdue');
    expect(w).toMatchObject({ severity: 'warning', nodeId: 112 });
    expect(w!.message).toBe(
      '1.1.2 “Mức độ thực hiện kế hoạch CCHC”: đã quá hạn hoàn thành (31/05/2024) nhưng chưa xong.',
    );
    // Complete, or due today: nothing.
    expect(byRule(run(setNode(112, { deadline: '2024-05-31' })), 'node.overdue')).toEqual([]);
    expect(
      byRule(
        run(setNode(112, { deadline: '2024-06-01' }), setDoc(2, { draft: true })),
        'node.overdue',
      ),
    ).toEqual([]);
  });

  it('a deadline set on a criterion applies to its items', () => {
    const r = run(
      setNode(11, { deadline: '2024-04-30' }),
      setScore(111, { selfScore: null }),
      unlink(111),
    );
    expect(byRule(r, 'node.overdue').map((x) => x.nodeId)).toEqual([111]);
    expect(r.nodeStatus.get(111)).toBe('not_started');
  });
});

describe('checkCompleteness: infos', () => {
  it('a scan without text', () => {
    const r = run(setDoc(1, { isScan: true }));
    const [i] = byRule(r, 'document.scan_without_text');
    // On its (only) linked node, so the dashboard can jump there.
    expect(i).toMatchObject({ severity: 'info', nodeId: 111, code: '1.1.1', documentId: 1 });
    expect(i!.message).toBe(
      'Tài liệu số 154/KH-UBND (gắn vào tiêu chí 1.1.1) là bản quét chưa có lớp chữ, không tìm kiếm hay sao chép được nội dung.',
    );
    expect(r.nodeStatus.get(111)).toBe('complete'); // infos do not change a status
    // Counted once, with the area and office of that node.
    expect(r.summary.infos).toBe(1);
    expect(r.byArea.find((a) => a.code === '1')!.infos).toBe(1);
    expect(r.byOffice.find((o) => o.officeId === 1)!.infos).toBe(1);
  });

  it('a scan linked to several nodes sits on the first of them in tree order and names them all', () => {
    // Links listed out of tree order: 1.1.2 first, then 1.1.1.
    const r = run(setDoc(2, { isScan: true }), (x) => x.links.push(link(111, 2)));
    const [i] = byRule(r, 'document.scan_without_text');
    expect(i).toMatchObject({ nodeId: 111, code: '1.1.1', documentId: 2 });
    expect(i!.message).toBe(
      'Tài liệu số 420/BC-UBND (gắn vào các tiêu chí 1.1.1 và 1.1.2) là bản quét chưa có lớp chữ, không tìm kiếm hay sao chép được nội dung.',
    );
    expect(byRule(r, 'document.scan_without_text')).toHaveLength(1);
  });

  it('a document linked to many nodes', () => {
    const many: Patch = (i) => {
      for (let k = 0; k < 4; k++) {
        i.nodes.push(
          node(120 + k, 11, `1.1.${3 + k}`, `Nội dung ${k}`, '0,25', { leadOfficeId: 1 }),
        );
        i.scores.push(score(120 + k, '0,25'));
        i.links.push(link(120 + k, 1));
      }
    };
    const r = run(many);
    const [i] = byRule(r, 'document.many_links');
    expect(i).toMatchObject({ severity: 'info', documentId: 1, nodeId: 111, code: '1.1.1' });
    expect(i!.message).toBe(
      'Tài liệu số 154/KH-UBND được gắn vào 5 tiêu chí (1.1.1, 1.1.3, 1.1.4, 1.1.5 và 1.1.6), nên kiểm tra lại có gắn nhầm tiêu chí nào không.',
    );
    // Below the default threshold of 5, and a custom threshold.
    expect(byRule(run(many, unlink(123)), 'document.many_links')).toEqual([]);
    expect(
      byRule(
        run((x) => (x.manyLinksThreshold = 1)),
        'document.many_links',
      ),
    ).toHaveLength(2);
  });

  it('names at most ten linked codes and counts the rest', () => {
    const r = run((i) => {
      for (let k = 0; k < 12; k++) {
        i.nodes.push(node(130 + k, 11, `1.1.${3 + k}`, `Nội dung ${k}`, '0,25'));
        i.links.push(link(130 + k, 2));
      }
    });
    const [i] = byRule(r, 'document.many_links');
    expect(i).toMatchObject({ nodeId: 112, code: '1.1.2', documentId: 2 });
    expect(i!.message).toBe(
      'Tài liệu số 420/BC-UBND được gắn vào 13 tiêu chí (1.1.2, 1.1.3, 1.1.4, 1.1.5, 1.1.6, 1.1.7, 1.1.8, 1.1.9, 1.1.10, 1.1.11 và 3 tiêu chí khác), nên kiểm tra lại có gắn nhầm tiêu chí nào không.',
    );
  });

  it('documents linked to nothing', () => {
    const r = run((i) => {
      i.documents.push(
        doc(3, { number: null, title: 'anh-chup-cong-thong-tin.png', fileKind: 'png' }),
      );
      i.links.push(link(999, 3)); // a link to a node that no longer exists does not count
    });
    const [i] = byRule(r, 'document.unlinked');
    expect(i).toMatchObject({ severity: 'info', documentId: 3, nodeId: null, code: null });
    expect(i!.message).toBe(
      'Tài liệu “anh-chup-cong-thong-tin.png” chưa được gắn vào tiêu chí nào.',
    );
    expect(r.summary.infos).toBe(1);
  });
});

describe('checkCompleteness: statuses and totals', () => {
  it('marks a leaf with nothing scored and no evidence as not started', () => {
    const r = run(setScore(112, { selfScore: null }), unlink(112));
    expect(r.nodeStatus.get(112)).toBe('not_started');
    // Its sibling is done, so the criterion shows the error of the unscored item.
    expect(r.nodeStatus.get(11)).toBe('error');
    expect(r.nodeStatus.get(1)).toBe('error');
    expect(r.nodeStatus.get(9)).toBe('complete');
  });

  it('marks a parent not started only when all its items are', () => {
    const r = run(
      setScore(111, { selfScore: null }),
      setScore(112, { selfScore: null }),
      unlink(111),
      unlink(112),
    );
    expect(r.nodeStatus.get(11)).toBe('not_started');
    expect(r.nodeStatus.get(1)).toBe('not_started');
  });

  it('gives parents the worst status of their children', () => {
    const r = run(setDoc(2, { draft: true }));
    expect(r.nodeStatus.get(111)).toBe('complete');
    expect(r.nodeStatus.get(112)).toBe('warning');
    expect(r.nodeStatus.get(11)).toBe('warning');
    const r2 = run(setDoc(2, { draft: true }), setDoc(1, { fileStatus: 'missing' }));
    expect(r2.nodeStatus.get(11)).toBe('error');
    expect(r2.nodeStatus.get(1)).toBe('error');
  });

  it('reports one problem per node and document even with duplicate links', () => {
    const r = run(setDoc(1, { draft: true }), (i) => {
      i.links.push(link(111, 1, 'Kế hoạch'), link(111, 1));
    });
    expect(byRule(r, 'document.draft')).toHaveLength(1);
  });

  it('summarises by area: leaves, complete, problems, percent and points at risk', () => {
    const r = run(unlink(111), setDoc(2, { draft: true }), setScore(91, { selfScore: null }));
    const [a1, a9] = r.byArea;
    expect(a1).toMatchObject({
      nodeId: 1,
      code: '1',
      title: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      status: 'error',
      leaves: 2,
      complete: 0,
      errors: 1,
      warnings: 1,
      percent: 0,
      pointsAtRisk: 100,
      score: 150,
      applicableMax: 150,
      index: 100,
    });
    expect(a9).toMatchObject({
      nodeId: 9,
      leaves: 1,
      complete: 0,
      notStarted: 1,
      warnings: 1,
      percent: 0,
    });
  });

  it('summarises by office, with unassigned items last', () => {
    const r = run(unlink(111), (i) => {
      i.nodes.push(
        node(2, null, '2', 'Cải cách thể chế', null),
        node(21, 2, '2.1', 'Ban hành văn bản', '1'),
      );
      i.scores.push(score(21, '1'));
      i.links.push(link(21, 2));
    });
    expect(r.byOffice.map((o) => [o.officeId, o.name])).toEqual([
      [1, 'Phòng Nội vụ'],
      [2, 'Văn phòng HĐND và UBND'],
      [null, UNASSIGNED_OFFICE_NAME],
    ]);
    expect(r.byOffice[0]).toMatchObject({
      leaves: 2,
      complete: 1,
      errors: 1,
      percent: 50,
      pointsAtRisk: 100,
    });
    expect(r.byOffice[1]).toMatchObject({ leaves: 1, complete: 1, errors: 0, percent: 100 });
    expect(r.byOffice[2]).toMatchObject({ leaves: 1, complete: 1, percent: 100 });
  });

  it('totals score, applicable maximum, index and points at risk', () => {
    const r = run(setScore(111, { selfScore: p('1,5') }), setDoc(2, { fileStatus: 'missing' }));
    // Both area-1 items carry an error: 1,5 + 0,5 claimed points may be cut.
    expect(r.summary).toMatchObject({
      leaves: 3,
      complete: 1,
      errors: 2,
      score: 350,
      applicableMax: 350,
      index: 100,
      pointsAtRisk: 200,
      percent: 33,
    });
    expect(r.rollup.get(1)!.score).toBe(200);
  });

  it('writes every message in Vietnamese with diacritics, naming node or document', () => {
    const r = run(
      unlink(111),
      setScore(112, { selfScore: 25 }),
      setDoc(2, { draft: true, isScan: true, issuedOn: '2023-02-01', sizeBytes: 30_000_000 }),
      setNode(112, { deadline: '2024-01-01' }),
    );
    expect(r.problems.length).toBeGreaterThan(5);
    for (const x of r.problems) {
      expect(x.message).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
      expect(x.message).not.toMatch(/\d\.\d+ điểm|\d{4}-\d{2}-\d{2}/); // comma points, dd/mm/yyyy
      // Problems about a document as such name it first, then the nodes it is linked to.
      if (x.rule.startsWith('document.') && x.severity === 'info')
        expect(x.message).toMatch(/^Tài liệu (số |“)/);
      else expect(x.message.startsWith(`${x.code} “`)).toBe(true);
    }
  });
});

describe('checkCompleteness: the benchmark dataset', () => {
  it('runs on 2,000 leaves × 20,000 documents and is internally consistent', () => {
    const input = generateCompletenessDataset();
    const r = checkCompleteness(input);
    expect(r.summary.leaves + r.summary.notApplicable).toBe(2000);
    const count = (s: string) => r.problems.filter((x) => x.severity === s).length;
    expect(r.summary.errors).toBe(count('error'));
    expect(r.summary.warnings).toBe(count('warning'));
    expect(r.byArea.reduce((a, x) => a + x.leaves, 0)).toBe(r.summary.leaves);
    expect(r.byOffice.reduce((a, x) => a + x.pointsAtRisk, 0)).toBe(r.summary.pointsAtRisk);
    expect(r.nodeStatus.size).toBe(input.nodes.length);
  });
});
