import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  callWebhook,
  isPrivateAddress,
  resolvedAddressProblem,
  signBody,
  tenantSecret,
  webhookUrlProblem,
  webhookUrlProblemWorded,
} from './webhook.util.js';

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

  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
  ])('should call %s a private address', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'should call %s public',
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false);
    },
  );

  it('should accept a public http(s) URL and refuse the others with a reason', () => {
    expect(webhookUrlProblem('https://hooks.example.com/careloom?x=1', false)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com', false)).toBeNull();
    expect(webhookUrlProblem('file:///etc/passwd', false)).toMatch(/https or http/);
    expect(webhookUrlProblem('https://a:b@hooks.example.com/', false)).toMatch(/user name or password/);
    expect(webhookUrlProblem('not a url', false)).toMatch(/is not a URL/);
    expect(webhookUrlProblem(42, false)).toMatch(/http\(s\) URL/);
    expect(webhookUrlProblemWorded('ftp://hooks.example.com', false)).toEqual({
      message: 'url must use https or http, not ftp',
      zh: 'url 须使用 https 或 http，不能用 ftp',
    });
    expect(webhookUrlProblem(`https://x.example.com/${'a'.repeat(2000)}`, false)).toMatch(/2000/);
    for (const url of [
      'http://localhost:3000/',
      'http://api.localhost/',
      'http://0x7f.1/',
      'http://[fe80::1]/',
    ]) {
      expect(webhookUrlProblem(url, false)).toMatch(/loopback, link-local or private/);
    }
  });

  it('should allow private addresses only when told to, but never credentials or other schemes', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://u:p@127.0.0.1/', true)).toMatch(/user name or password/);
  });

  it('should refuse a name that resolves to a private address right before a call', async () => {
    expect(await resolvedAddressProblem('http://localhost/', false)).toMatch(/private/);
    expect(await resolvedAddressProblem(`${url}/ok`, true)).toBeNull();
  });
});
