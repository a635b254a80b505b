/** The resident a notification is about, when its payload names one (`residentId`). */
export function residentIdOf(payload: Record<string, unknown>): string | null {
  const value = payload['residentId'];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Where tapping a notification leads: its `href` when that is a path inside the app (a published notice →
 * the notices page), else the resident it is about, else nowhere.
 */
export function targetOf(payload: Record<string, unknown>): string | null {
  const href = payload['href'];
  if (typeof href === 'string' && /^\/[a-z0-9]/i.test(href) && !href.includes('//')) {
    return href;
  }
  const residentId = residentIdOf(payload);
  return residentId === null ? null : `/residents/${residentId}`;
}

/** The badge text: the count, capped so a long night does not widen the header. */
export function unreadBadge(count: number, max = 99): string | null {
  if (count <= 0) {
    return null;
  }
  return count > max ? `${max}+` : String(count);
}
