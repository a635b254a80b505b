import { createHmac } from 'node:crypto';

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
