import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export const SIGNATURE_HEADER = 'X-CareLoom-Signature';

/** `sha256=<hex>` HMAC-SHA256 of the exact body bytes. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The per-tenant key, derived from the server's webhook secret so tenants cannot forge each other's. */
export function tenantSecret(serverSecret: string, tenantId: string): string {
  return createHmac('sha256', serverSecret).update(`webhook:${tenantId}`, 'utf8').digest('hex');
}

export type WebhookResult = { ok: true; status: number; body: unknown } | { ok: false; error: string };

/** One POST with a timeout; never throws. 2xx is success, everything else a failure to retry. */
export async function callWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<WebhookResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) {
      return { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = text.slice(0, 10_000);
    }
    return { ok: true, status: response.status, body: parsed };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export const MAX_WEBHOOK_URL_LENGTH = 2000;

const IPV4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

const ipv4Number = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

/** Loopback, link-local, private, multicast or otherwise not a public internet address. */
export function isPrivateAddress(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) {
    const n = ipv4Number(ip);
    return IPV4_BLOCKED.some(([base, bits]) => {
      const size = 2 ** (32 - bits);
      const start = ipv4Number(base);
      return n >= start && n < start + size;
    });
  }
  if (version !== 6) {
    return true;
  }
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) {
    return isPrivateAddress(mapped[1]);
  }
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(lower)) {
    const [hi = '0', lo = '0'] = lower.slice(7).split(':');
    const n = parseInt(hi, 16) * 65536 + parseInt(lo, 16);
    return isPrivateAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return (
    lower === '::' ||
    lower === '::1' ||
    /^f[cd][0-9a-f]{0,2}:/.test(lower) || // unique local fc00::/7
    /^fe[89ab][0-9a-f]?:/.test(lower) || // link-local fe80::/10
    /^ff[0-9a-f]{0,2}:/.test(lower) // multicast
  );
}

const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** A webhook URL problem in English (`message`) and Chinese (`zh`). */
export type WebhookUrlProblem = { message: string; zh: string };

/**
 * What is wrong with a webhook URL, or null: http(s) only, no credentials in it, at most 2,000
 * characters, and (unless `allowPrivate`) no loopback, link-local or private address or localhost name.
 */
export function webhookUrlProblemWorded(url: unknown, allowPrivate: boolean): WebhookUrlProblem | null {
  if (typeof url !== 'string' || url.trim() === '') {
    return { message: 'url must be an http(s) URL', zh: 'url 须为 http(s) 网址' };
  }
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    return {
      message: `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`,
      zh: `url 最多 ${MAX_WEBHOOK_URL_LENGTH} 个字符`,
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { message: `"${url.slice(0, 100)}" is not a URL`, zh: `“${url.slice(0, 100)}”不是有效的网址` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    const scheme = parsed.protocol.replace(':', '');
    return {
      message: `url must use https or http, not ${scheme}`,
      zh: `url 须使用 https 或 http，不能用 ${scheme}`,
    };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      message: 'url must not contain a user name or password; send credentials in an allowed header',
      zh: 'url 中不能包含用户名或密码；凭据请放在允许的请求头（如 Authorization）中',
    };
  }
  if (allowPrivate) {
    return null;
  }
  const host = hostOf(parsed).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host))) {
    return {
      message: `url points at a loopback, link-local or private address (${host}); webhooks go to public addresses only`,
      zh: `url 指向回环、链路本地或内网地址（${host}）；webhook 只能发往公网地址`,
    };
  }
  return null;
}

/** `webhookUrlProblemWorded` in English only (what a delivery records). */
export function webhookUrlProblem(url: unknown, allowPrivate: boolean): string | null {
  return webhookUrlProblemWorded(url, allowPrivate)?.message ?? null;
}

/**
 * Resolves the URL's host and refuses it when any address it resolves to is not public (a public
 * name pointing inside the network). Call right before delivering; null when the call may go ahead.
 */
export async function resolvedAddressProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem !== null || allowPrivate) {
    return problem;
  }
  const host = hostOf(new URL(url));
  if (isIP(host) !== 0) {
    return null;
  }
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    const inside = addresses.find((a) => isPrivateAddress(a.address));
    return inside
      ? `${host} resolves to ${inside.address}, a loopback, link-local or private address; webhooks go to public addresses only`
      : null;
  } catch (error) {
    return `could not resolve ${host}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
