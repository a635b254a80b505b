/** Who is calling: resolved once per request by the auth guard and passed to services explicitly. */
export type ActorRole = { role: string; orgUnitId: string; orgUnitPath: string };

export type Actor = {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  roles: ActorRole[];
  sessionId: string;
  ip: string | null;
  requestId: string | null;
};

export const isAdmin = (actor: Actor): boolean => actor.roles.some((r) => r.role === 'admin');
export const hasRole = (actor: Actor, roles: readonly string[]): boolean =>
  actor.roles.some((r) => roles.includes(r.role));
/** Whether any of these role memberships is a staff role (anything but `family`). */
export const holdsStaffRole = (memberships: readonly { role: string }[]): boolean =>
  memberships.some((m) => m.role !== 'family');
export const isFamilyOnly = (actor: Actor): boolean => actor.roles.length > 0 && !holdsStaffRole(actor.roles);
