// A small closed-loop load generator: `connections` workers send requests back to back for
// `seconds` over keep-alive HTTP (node:http). Reports requests/s and latency percentiles.
import http from 'node:http';

export function percentile(sorted, p) {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One request; resolves with { status, text }. */
export function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function load({ url, method = 'POST', headers = {}, body, connections, seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const deadline = performance.now() + seconds * 1000;
  const worker = async (index) => {
    for (let n = 0; performance.now() < deadline; n += 1) {
      const payload =
        typeof body === 'function' ? JSON.stringify(body(index, n)) : body && JSON.stringify(body);
      const started = performance.now();
      const response = await request(agent, url, { method, headers, body: payload }).catch((error) => ({
        status: 0,
        text: String(error),
      }));
      if (response.status >= 200 && response.status < 300) {
        latencies.push(performance.now() - started);
      } else {
        errors += 1;
        firstError ??= `${response.status} ${response.text.slice(0, 300)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstError,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
