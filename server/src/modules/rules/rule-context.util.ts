/** A record as a context window holds it (RecordsService.recentForResident). */
export type WindowRecord = { id: string; createdAt: Date; data: Record<string, unknown> };

/**
 * A context window read before a submission is written, made what the same read gives after the insert: the
 * pending record joins it when the window's query would find it (the window's resident and form, created at or
 * after its start), in the query's order (created_at DESC, id DESC: lowercase uuid text sorts as PostgreSQL sorts
 * uuids), and the window keeps at most `limit` records. Its data goes through JSON as the JSONB column gives it
 * back.
 */
export function withPendingRecord(
  rows: readonly WindowRecord[],
  pending: WindowRecord & { formKey: string; residentId: string | null },
  window: { formKey: string; residentId: string; since: Date; limit: number },
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
    data: JSON.parse(JSON.stringify(pending.data)) as Record<string, unknown>,
  };
  const merged = at === -1 ? [...rows, record] : [...rows.slice(0, at), record, ...rows.slice(at)];
  return merged.slice(0, window.limit);
}
