import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { CoreEvent } from '../../shared/api';
import type { Core } from '../core';
import { toApiError } from '../core/dispatch';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

const MAX_BODY = 16 * 1024 * 1024;

export interface Host {
  url: string;
  /** The URL with the secret, to print or open. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The HTTP door: serves the built renderer and POST /rpc/<method> on 127.0.0.1 only, with a
 * per-launch secret in the X-HSKC-Token header. The Host and Origin checks stop other web pages
 * (DNS rebinding, cross-site fetch) from reaching the core even though they run on this PC.
 */
export async function startHost(opts: {
  core: Core;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  const unsubscribe = opts.core.on((event: CoreEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sseClients) res.write(line);
  });
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Lỗi máy chủ nội bộ.' } });
      else res.end();
    });
  });

  const authorised = (req: http.IncomingMessage) => {
    const given = Buffer.from(String(req.headers['x-hskc-token'] ?? ''));
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 421, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Địa chỉ không được phép.' },
      });
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) {
      return send(res, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Nguồn gọi không được phép.' },
      });
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'METHOD', message: 'Chỉ nhận POST.' } });
      if (!authorised(req)) {
        return send(res, 401, {
          ok: false,
          error: {
            code: 'UNAUTHORISED',
            message: 'Phiên làm việc không hợp lệ; hãy mở lại ứng dụng.',
          },
        });
      }
      const body = await readBody(req);
      if (body === null) {
        return send(res, 413, {
          ok: false,
          error: { code: 'TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' },
        });
      }
      let parsed: { input?: unknown; jobId?: string };
      try {
        parsed = body.length ? (JSON.parse(body.toString('utf8')) as typeof parsed) : {};
      } catch {
        return send(res, 400, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không đọc được.' },
        });
      }
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      const result = await opts.core.dispatch(
        method,
        parsed.input ?? {},
        parsed.jobId ? { jobId: parsed.jobId } : {},
      );
      return send(res, 200, result);
    }
    if (url.pathname === '/upload') {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'METHOD', message: 'Chỉ nhận POST.' } });
      if (!authorised(req)) {
        return send(res, 401, {
          ok: false,
          error: {
            code: 'UNAUTHORISED',
            message: 'Phiên làm việc không hợp lệ; hãy mở lại ứng dụng.',
          },
        });
      }
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'tep'));
      try {
        return send(res, 200, { ok: true, data: await opts.core.receiveUpload(name, req) });
      } catch (e) {
        req.resume();
        return send(res, 200, { ok: false, error: toApiError(e) });
      }
    }
    if (url.pathname === '/events') {
      if (!authorised(req))
        return send(res, 401, {
          ok: false,
          error: { code: 'UNAUTHORISED', message: 'Phiên làm việc không hợp lệ.' },
        });
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': ok\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { ok: false, error: { code: 'METHOD', message: 'Không hỗ trợ.' } });
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: http.ServerResponse) {
    const root = path.resolve(opts.staticDir);
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep))
      return send(res, 404, {
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' },
      });
    const stat = await fsp.stat(file).catch(() => null);
    const target = stat?.isFile() ? file : path.join(root, 'index.html');
    const ext = path.extname(target);
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const res of sseClients) res.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
