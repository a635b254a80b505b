// A small closed-loop load generator: `connections` workers send requests back to back for `seconds`, each over its
// own keep-alive connection. Reports requests/s and latency percentiles. The HTTP client is a lean one (one socket
// per worker, a request written as one string, responses read by Content-Length): node:http's client took 0.26–0.45
// ms of CPU per request here, about a third of what a task completion costs the server, and on a 2-core machine the
// loader's CPU is taken from the server and the PostgreSQL it measures; this one takes 0.09–0.14 ms. The engine
// benchmark's step ceiling is a pg client in this process, so its loader is as lean as the runtime allows too.
// `closedLoop` runs any async call the same way (the engine benchmark's API calls and its step ceiling).
import net from 'node:net';

export function percentile(sorted, p) {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A connection to `baseUrl` (http only) that sends one request at a time: `send(method, path, headers, body)`
 * resolves with { status, text }. Responses must carry Content-Length (Fastify's JSON answers do); a chunked or
 * closed response rejects.
 */
export function rawConnection(baseUrl) {
  const { hostname, port } = new URL(baseUrl);
  let socket = null;
  let pending = null;
  let buffer = Buffer.alloc(0);

  const fail = (error) => {
    const p = pending;
    pending = null;
    socket?.destroy();
    socket = null;
    buffer = Buffer.alloc(0);
    p?.reject(error);
  };

  const onData = (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf(HEADER_END);
    if (end < 0 || !pending) {
      return;
    }
    const head = buffer.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!match) {
      fail(new Error(`response without Content-Length: ${head.split('\r\n')[0]}`));
      return;
    }
    const total = end + 4 + Number(match[1]);
    if (buffer.length < total) {
      return;
    }
    const text = buffer.subarray(end + 4, total).toString('utf8');
    buffer = buffer.subarray(total);
    const p = pending;
    pending = null;
    p.resolve({ status, text });
  };

  const connect = () =>
    new Promise((resolve, reject) => {
      const s = net.connect({ host: hostname, port: Number(port), noDelay: true });
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    }).then((s) => {
      s.on('data', onData);
      s.on('error', (error) => fail(error));
      s.on('close', () => fail(new Error('connection closed')));
      socket = s;
      return s;
    });

  return {
    async send(method, path, headers, body) {
      const s = socket ?? (await connect());
      const payload = body === undefined ? '' : body;
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\n`;
      for (const [name, value] of Object.entries(headers)) {
        head += `${name}: ${value}\r\n`;
      }
      if (body !== undefined) {
        head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
      }
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        s.write(`${head}\r\n${payload}`);
      });
    },
    close() {
      socket?.destroy();
      socket = null;
    },
  };
}

/**
 * Keep-alive connections to `baseUrl`, reused: `request(method, path, { headers, body })` takes an idle one (or
 * opens one) for the request and gives it back after the response. For clients shared by concurrent workers.
 */
export function connectionPool(baseUrl) {
  const idle = [];
  const all = [];
  return {
    async request(method, path, { headers = {}, body } = {}) {
      const connection = idle.pop() ?? rawConnection(baseUrl);
      if (!all.includes(connection)) {
        all.push(connection);
      }
      try {
        return await connection.send(method, path, headers, body);
      } finally {
        idle.push(connection);
      }
    },
    close() {
      for (const connection of all) {
        connection.close();
      }
    },
  };
}

const LATENCIES = Symbol('latencies');
const ELAPSED = Symbol('elapsed');

export async function load({ url, method = 'POST', headers = {}, body, connections, seconds }) {
  const { origin, pathname, search } = new URL(url);
  const sockets = Array.from({ length: connections }, () => rawConnection(origin));
  try {
    const run = await closedLoop({
      connections,
      seconds,
      work: async (index, n) => {
        const payload =
          typeof body === 'function' ? JSON.stringify(body(index, n)) : body && JSON.stringify(body);
        const response = await sockets[index].send(method, `${pathname}${search}`, headers, payload);
        if (response.status < 200 || response.status >= 300) {
          throw new Error(`${response.status} ${response.text.slice(0, 300)}`);
        }
      },
    });
    return summary(run[LATENCIES], run[ELAPSED], run.errors, run.firstError);
  } finally {
    for (const socket of sockets) {
      socket.close();
    }
  }
}

const summary = (latencies, elapsed, errors, firstError) => ({
  requests: latencies.length,
  errors,
  firstError,
  rps: latencies.length / elapsed,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  // for `combine`; symbol keys, so a result saved as JSON holds the summary only
  [LATENCIES]: latencies,
  [ELAPSED]: elapsed,
});

/** The latencies, elapsed seconds and errors of several runs (`load` or `closedLoop` results), merged. */
const merged = (runs) => [
  runs.flatMap((run) => run[LATENCIES]).sort((a, b) => a - b),
  runs.reduce((sum, run) => sum + run[ELAPSED], 0),
  runs.reduce((sum, run) => sum + run.errors, 0),
  runs.find((run) => run.firstError)?.firstError ?? null,
];

/**
 * Several runs of one measure (rounds alternating with another measure, so that a machine whose speed drifts
 * weighs on both alike) as one: requests over the time of all rounds, percentiles over all their latencies.
 */
export function combine(runs) {
  return summary(...merged(runs));
}

/**
 * `connections` workers call `work(worker, n)` back to back until `seconds` pass or `work` returns
 * false (nothing left). Errors are counted, the first one kept.
 */
export async function closedLoop({ connections, seconds, work }) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const deadline = performance.now() + seconds * 1000;
  const worker = async (index) => {
    for (let n = 0; performance.now() < deadline; n += 1) {
      const started = performance.now();
      try {
        if ((await work(index, n)) === false) {
          return;
        }
        latencies.push(performance.now() - started);
      } catch (error) {
        errors += 1;
        firstError ??= String(error instanceof Error ? error.message : error);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  latencies.sort((a, b) => a - b);
  return loopSummary(latencies, (performance.now() - started) / 1000, errors, firstError);
}

const loopSummary = (latencies, elapsed, errors, firstError) => ({
  count: latencies.length,
  errors,
  firstError,
  seconds: elapsed,
  perSecond: latencies.length / elapsed,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  [LATENCIES]: latencies,
  [ELAPSED]: elapsed,
});

/** Rounds of one closed loop as one, as `combine` does for `load`. */
export function combineLoops(runs) {
  return loopSummary(...merged(runs));
}
