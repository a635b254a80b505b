// The generator talks to CareLoom only through its public REST API, as the users it creates: every
// record is validated, every process runs in the engine, every rule fires. Failed requests are
// counted and described, never retried silently.

export class ApiError extends Error {
  constructor(method, route, status, body) {
    const detail = body?.detail ?? body?.title ?? (typeof body === 'string' ? body : JSON.stringify(body));
    const fields = (body?.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
    super(`${method} ${route} → ${status} ${detail}${fields ? ` (${fields})` : ''}`);
    this.status = status;
    this.body = body;
  }
}

export class Api {
  /** @param {string} baseUrl */
  constructor(baseUrl, { lang = 'zh-CN' } = {}) {
    this.baseUrl = baseUrl;
    this.lang = lang;
    this.requests = 0;
    this.failures = [];
  }

  async request(token, method, route, body) {
    this.requests += 1;
    let response;
    try {
      response = await fetch(new URL(route, this.baseUrl), {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'accept-language': this.lang,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new Error(`cannot reach ${this.baseUrl}: ${error.cause?.message ?? error.message}`, {
        cause: error,
      });
    }
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (!response.ok) {
      throw new ApiError(method, route, response.status, json);
    }
    return json;
  }

  async login(username, password) {
    const result = await this.request(null, 'POST', '/api/auth/login', { username, password });
    return result.token;
  }

  /** Records a failure of one simulated action (the run goes on; the summary lists them). */
  fail(what, error) {
    this.failures.push(`${what}: ${error.message}`);
  }
}

/** Runs `tasks` (functions returning promises) with at most `limit` in flight. */
export async function inParallel(tasks, limit) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** A user the generator acts as. */
export class Session {
  /** @param {Api} api */
  constructor(api, user, token) {
    this.api = api;
    this.user = user;
    this.token = token;
  }

  get(route) {
    return this.api.request(this.token, 'GET', route);
  }

  post(route, body = {}) {
    return this.api.request(this.token, 'POST', route, body);
  }

  patch(route, body) {
    return this.api.request(this.token, 'PATCH', route, body);
  }

  /** The open task of an instance at `elementId` (it must exist: the simulation waited for its timer). */
  async openTask(instanceId, elementId) {
    const tasks = await this.get(
      `/api/tasks?processInstanceId=${encodeURIComponent(instanceId)}&status=open`,
    );
    const list = Array.isArray(tasks) ? tasks : (tasks.items ?? []);
    const task = list.find((t) => t.elementId === elementId);
    if (!task) {
      const open = list.map((t) => t.elementId).join(', ') || 'none';
      throw new Error(`no open task ${elementId} on instance ${instanceId} (open: ${open})`);
    }
    return task;
  }

  async completeTask(instanceId, elementId, data) {
    const task = await this.openTask(instanceId, elementId);
    return this.post(`/api/tasks/${task.id}/complete`, { data });
  }
}
