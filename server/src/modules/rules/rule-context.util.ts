/** A record as a context window holds it (RecordsService.recentForResident). */
export type WindowRecord = { id: string; createdAt: Date; data: Record<string, unknown> };

/**
 * A context window read before a submission is written, made what the same read gives after the insert: the
 * pending record joins it when the window's query would find it (the window's resident and form, created at or
 * after its start), in the query's order (created_at DESC, id DESC: lowercase uuid text sorts as PostgreSQL sorts
 * uuids), and the window keeps at most `limit` records. Its data goes through JSON as the JSONB column gives it
 * back, cut down to the window's `keys` when it names them (as the read gave the other records).
 */
export function withPendingRecord(
  rows: readonly WindowRecord[],
  pending: WindowRecord & { formKey: string; residentId: string | null },
  window: {
    formKey: string;
    residentId: string;
    since: Date;
    limit: number;
    keys?: readonly string[] | null;
  },
): WindowRecord[] {
  if (
    pending.formKey !== window.formKey ||
    pending.residentId !== window.residentId ||
    pending.createdAt.getTime() < window.since.getTime()
  ) {
    return [...rows];
  }
  const time = pending.createdAt.getTime();
  const at = rows.findIndex((row) => {
    const rowTime = row.createdAt.getTime();
    return rowTime < time || (rowTime === time && row.id < pending.id);
  });
  const record: WindowRecord = {
    id: pending.id,
    createdAt: pending.createdAt,
    data: asStored(pending.data, window.keys),
  };
  const merged = at === -1 ? [...rows, record] : [...rows.slice(0, at), record, ...rows.slice(at)];
  return merged.slice(0, window.limit);
}

/** Data as a JSONB column gives it back (through JSON), only `keys` of it when given. */
export function asStored(
  data: Record<string, unknown>,
  keys: readonly string[] | null | undefined,
): Record<string, unknown> {
  if (keys === null || keys === undefined) {
    return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  }
  // own data properties, as JSON.parse makes them (fromEntries, not assignment: no key reaches a prototype)
  return Object.fromEntries(
    keys
      .filter((key) => Object.hasOwn(data, key) && data[key] !== undefined)
      .map((key) => [key, JSON.parse(JSON.stringify(data[key])) as unknown]),
  );
}

/** A comparison's numbers: `count OP k` needs at least one leading item for these (count = `consecutive`'s). */
const NEEDS_ONE: Readonly<Record<string, (k: number, countFirst: boolean) => boolean>> = {
  '>=': (k, countFirst) => countFirst && k > 0,
  '>': (k, countFirst) => countFirst && k >= 0,
  '<=': (k, countFirst) => !countFirst && k > 0,
  '<': (k, countFirst) => !countFirst && k >= 0,
  '==': (k) => k > 0,
  '===': (k) => k > 0,
};

const single = (node: unknown): [string, unknown] | null => {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    return null;
  }
  const keys = Object.keys(node);
  return keys.length === 1 ? [keys[0]!, (node as Record<string, unknown>)[keys[0]!]] : null;
};

/**
 * A condition that cannot hold unless the newest record of a context window passes `itemCondition`: it is (or an
 * `and` starts with) a run of `consecutive` items compared to a number so that the run must be at least one long
 * (e.g. `{">=": [{"consecutive": [{"var": "context.recent"}, c]}, 3]}`). Null for any other shape. When the condition
 * is false for that record, the whole condition is false without reading the rest of the window, and nothing
 * before it in the condition was evaluated.
 */
export function firstItemGate(condition: unknown): { window: string; itemCondition: unknown } | null {
  const operation = single(condition);
  if (!operation) {
    return null;
  }
  const [op, args] = operation;
  if (op === 'and') {
    return Array.isArray(args) && args.length > 0 ? firstItemGate(args[0]) : firstItemGate(args);
  }
  const needsOne = NEEDS_ONE[op];
  if (!needsOne || !Array.isArray(args) || args.length !== 2) {
    return null;
  }
  const [left, right] = args as [unknown, unknown];
  const countFirst = typeof right === 'number';
  const [run, k] = countFirst ? [left, right] : [right, left];
  if (typeof k !== 'number' || !Number.isFinite(k) || !needsOne(k, countFirst)) {
    return null;
  }
  const consecutive = single(run);
  if (!consecutive || consecutive[0] !== 'consecutive' || !Array.isArray(consecutive[1])) {
    return null;
  }
  const [list, itemCondition] = consecutive[1] as [unknown, unknown];
  const read = single(list);
  const key: unknown = read?.[0] === 'var' ? read[1] : undefined;
  const path: unknown = Array.isArray(key) ? (key as unknown[])[0] : key;
  const match = typeof path === 'string' ? /^context\.([A-Za-z_]\w*)$/.exec(path) : null;
  return match ? { window: match[1]!, itemCondition } : null;
}
