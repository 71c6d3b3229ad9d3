import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, METHODS } from '../../shared/api';
import type { Core } from '../../electron/core';
import { tempDir, testCore } from '../helpers/workspace';

describe('the contract', () => {
  const tmp = tempDir();
  let core: Core;
  beforeAll(() => {
    core = testCore(tmp.dir);
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('has a handler for every method and nothing else', () => {
    expect(Object.keys(core.handlers).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(typeof core.handlers[m]).toBe('function');
  });

  it('names methods domain.verb', () => {
    for (const m of METHODS) expect(m).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it.each(METHODS)(
    '%s rejects malformed input with a Vietnamese message and no effect',
    async (method) => {
      const before = await core.dispatch('workspace.info', {});
      for (const bad of [
        42,
        'x',
        [1],
        { assessmentId: 'một', nodeId: -1, jobId: 5, limit: 0, frameworkId: 7, year: 'năm' },
      ]) {
        const r = await core.dispatch(method, bad);
        // Some methods take only optional fields; those must still refuse non-objects.
        if (typeof bad !== 'object' || Array.isArray(bad)) {
          expect(r.ok, `${method} accepted ${JSON.stringify(bad)}`).toBe(false);
        }
        if (!r.ok) {
          expect(r.error.code).toBe('INVALID_INPUT');
          expect(r.error.message).toMatch(/^Dữ liệu không hợp lệ/);
        }
      }
      expect(await core.dispatch('workspace.info', {})).toEqual(before);
      // Every input schema parses the empty-object case or reports what is missing.
      expect(api[method].input).toBeDefined();
    },
  );

  it('reports an unknown method in Vietnamese', async () => {
    const r = await core.dispatch('evidence.delete_everything', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Không có chức năng “evidence.delete_everything”.' },
    });
  });

  it('never leaks an internal error message', async () => {
    const broken = { ...core.handlers };
    const r = await (async () => {
      try {
        await broken['criteria.node'](
          { nodeId: 999999 },
          { signal: new AbortController().signal, progress: () => {} },
        );
        return null;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(r?.message).toMatch(/Không tìm thấy tiêu chí số 999999/);
  });
});
