/** A user whose every membership is `family`: the portal is their whole app. */
export function isFamilyOnly(memberships: readonly { role: string }[]): boolean {
  return memberships.length > 0 && memberships.every((membership) => membership.role === 'family');
}

/** Who writes and publishes notices and bills for families (the server checks the same). */
export const NOTICE_MANAGERS = ['admin', 'front-desk', 'steward'] as const;

export function mayManageNotices(memberships: readonly { role: string }[]): boolean {
  return memberships.some((membership) => (NOTICE_MANAGERS as readonly string[]).includes(membership.role));
}
