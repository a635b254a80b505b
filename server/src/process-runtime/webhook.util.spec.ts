import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callWebhook, signBody, tenantSecret } from './webhook.util.js';

describe('webhook utils', () => {
  let server: Server;
  let url: string;
  const received: { headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = request.url === '/fail' ? 500 : 200;
        response.end(request.url === '/fail' ? 'boom' : '{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('should sign the exact body with HMAC-SHA256 when given a secret', () => {
    const expected = createHmac('sha256', 'k').update('{"a":1}').digest('hex');
    expect(signBody('k', '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it('should derive different secrets when tenants differ', () => {
    expect(tenantSecret('s', 't1')).not.toBe(tenantSecret('s', 't2'));
    expect(tenantSecret('s', 't1')).toBe(tenantSecret('s', 't1'));
  });

  it('should report success with the parsed body when the endpoint answers 2xx', async () => {
    const result = await callWebhook(`${url}/ok`, '{"x":1}', { 'x-careloom-signature': 'sig' }, 2000);
    expect(result).toEqual({ ok: true, status: 200, body: { ok: true } });
    expect(received.at(-1)).toMatchObject({ body: '{"x":1}', headers: { 'x-careloom-signature': 'sig' } });
  });

  it('should report a failure instead of throwing when the endpoint answers 500 or is unreachable', async () => {
    expect(await callWebhook(`${url}/fail`, '{}', {}, 2000)).toEqual({ ok: false, error: 'HTTP 500: boom' });
    const unreachable = await callWebhook('http://127.0.0.1:1/', '{}', {}, 2000);
    expect(unreachable.ok).toBe(false);
  });
});
