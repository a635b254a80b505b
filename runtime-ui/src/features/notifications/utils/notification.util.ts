/** The resident a notification is about, when its payload names one (`residentId`). */
export function residentIdOf(payload: Record<string, unknown>): string | null {
  const value = payload['residentId'];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The badge text: the count, capped so a long night does not widen the header. */
export function unreadBadge(count: number, max = 99): string | null {
  if (count <= 0) {
    return null;
  }
  return count > max ? `${max}+` : String(count);
}
