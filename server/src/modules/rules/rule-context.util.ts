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
function asStored(
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
