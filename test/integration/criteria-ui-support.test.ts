import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parDistrictXlsx } from '../fixtures/criteria-tables';
import { tempDir, testCore, callOk } from '../helpers/workspace';

/** Core methods added for the criteria screens (import wizard). */

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ok = callOk;

describe('criteria.canReplace', () => {
  it('allows replacing an untouched tree and refuses, with the reason, once a score exists', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    let core = testCore(t.dir);
    await ok(core, 'workspace.demo', {});
    // A freshly imported assessment: no evidence, no scores.
    const file = path.join(t.dir, 'bang-tieu-chi.xlsx');
    writeFileSync(file, await parDistrictXlsx());
    const { assessment } = await ok(core, 'criteria.importApply', {
      file: { path: file },
      target: { kind: 'new', year: 2024, name: 'Bộ tiêu chí huyện' },
    });
    const { nodes } = await ok(core, 'criteria.tree', { assessmentId: assessment.id });

    expect(await ok(core, 'criteria.canReplace', { assessmentId: assessment.id })).toEqual({
      allowed: true,
      reason: null,
    });

    // A self-score entered by the scoring screen makes the assessment "in use".
    core.close();
    const db = new Database(path.join(t.dir, 'hskc.sqlite'));
    db.prepare('INSERT INTO score (node_id, self_score, updated_at) VALUES (?, ?, ?)').run(
      nodes.find((n) => n.isLeaf)!.id,
      50,
      new Date().toISOString(),
    );
    db.close();
    core = testCore(t.dir);
    cleanups.unshift(() => core.close());

    const check = await ok(core, 'criteria.canReplace', { assessmentId: assessment.id });
    expect(check.allowed).toBe(false);
    expect(check.reason).toBe(
      'Kỳ đánh giá này đã có điểm hoặc tài liệu kiểm chứng; không thể thay bộ tiêu chí. Hãy nhập thành một kỳ đánh giá mới.',
    );
  });

  it('names a missing assessment in Vietnamese', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const core = testCore(t.dir);
    cleanups.unshift(() => core.close());
    await ok(core, 'workspace.demo', {});
    const r = await core.dispatch('criteria.canReplace', { assessmentId: 999 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/kỳ đánh giá/i);
  });
});
