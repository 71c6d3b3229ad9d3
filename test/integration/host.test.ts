import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { openCoreWithDemo } from '../../electron/core/startup';
import { startHost, type Host } from '../../electron/host/server';
import { tempDir } from '../helpers/workspace';

const tmp = tempDir('hskc-host-');
let core: Core;
let host: Host;
beforeAll(async () => {
  core = await openCoreWithDemo({ dataDir: tmp.dir, validateOutput: true, allowPaths: false });
  host = await startHost({ core, staticDir: 'dist' });
});
afterAll(async () => {
  await host.close();
  core.close();
  tmp.cleanup();
});

/** Raw request so tests control the Host and Origin headers, as an attacker would. */
function request(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path,
          method: opts.method ?? 'GET',
          headers: opts.headers,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      if (opts.body) req.write(opts.body);
      req.end();
    },
  );
}
const rpc = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-HSKC-Token': host.token, ...headers },
    body: JSON.stringify({ input }),
  });

describe('local web host', () => {
  it('binds 127.0.0.1 on a random port with a long secret', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
  });

  it('answers the contract through the same dispatch', async () => {
    const r = await rpc('criteria.tree', {});
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; data: { nodes: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.data.nodes.length).toBe(86);
    const bad = JSON.parse((await rpc('criteria.node', { nodeId: 'x' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses calls without the secret, from other hosts or other origins', async () => {
    expect((await rpc('workspace.info', {}, { 'X-HSKC-Token': 'sai' })).status).toBe(401);
    expect((await rpc('workspace.info', {}, { Host: `evil.example:${host.port}` })).status).toBe(
      421,
    );
    expect((await rpc('workspace.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('/rpc/workspace.info')).status).toBe(405);
    expect((await request('/events')).status).toBe(401);
  });

  it('serves the UI with a strict CSP and nothing outside dist/', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(
      /default-src 'self'; script-src 'self'/,
    );
    expect(index.body).toMatch(/<div id="root">/);
    const traversal = await request('/..%2f..%2fpackage.json');
    expect(traversal.body).not.toMatch(/"name": "ho-so-kiem-chung"/);
  });

  it('receives uploads as a stream and hands back an id, never accepting paths', async () => {
    const up = await request('/upload', {
      method: 'POST',
      headers: {
        'X-HSKC-Token': host.token,
        'X-File-Name': encodeURIComponent('../../Kế hoạch 154.pdf'),
      },
      body: '%PDF-1.4 thử',
    });
    const r = JSON.parse(up.body) as {
      ok: boolean;
      data: { uploadId: string; name: string; size: number };
    };
    expect(r).toMatchObject({
      ok: true,
      data: { name: 'Kế hoạch 154.pdf', size: Buffer.byteLength('%PDF-1.4 thử') },
    });
    expect(r.data.uploadId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect((await request('/upload', { method: 'POST', body: 'x' })).status).toBe(401);
    const small = JSON.parse(
      (
        await rpc('uploads.put', {
          name: 'anh.png',
          dataBase64: Buffer.from('png').toString('base64'),
        })
      ).body,
    );
    expect(small).toMatchObject({ ok: true, data: { name: 'anh.png', size: 3 } });
  });

  it('refuses oversized bodies', async () => {
    const r = await request('/rpc/workspace.info', {
      method: 'POST',
      headers: { 'X-HSKC-Token': host.token, 'Content-Type': 'application/json' },
      body: 'x'.repeat(17 * 1024 * 1024),
    }).catch(() => ({ status: 413, body: '', headers: {} }));
    expect(r.status).toBe(413);
  });
});

describe('web host start-up', () => {
  it('says in one Vietnamese line that the workspace is open elsewhere, and exits non-zero', () => {
    // `core` above holds the write lock on tmp.dir, as a first window would.
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/main.ts'], {
      env: { ...process.env, HSKC_WORKSPACE: tmp.dir, HSKC_DEBUG: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Không mở được ứng dụng: Hồ sơ đang được mở ở một cửa sổ khác/);
    expect(r.stderr).not.toMatch(/\bat \S+ \(|CoreError|lock\.ts/);
  });
});
