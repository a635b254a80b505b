import type { Actor } from './actor.types.js';

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Record-level access as one SQL predicate: admins see the tenant (null: no restriction); staff see
 * what belongs to their org units and below; family members see what belongs to residents they are
 * linked to. `orgUnitPath` and `residentId` are trusted SQL expressions of the calling query.
 */
export function accessScope(
  actor: Actor,
  columns: { orgUnitPath: string; residentId: string },
): { sql: string; params: { scopePaths: string[]; scopeUserId: string } } | null {
  if (actor.roles.some((role) => role.role === 'admin')) {
    return null;
  }
  const scopePaths = actor.roles
    .filter((role) => role.role !== 'family')
    .map((role) => `${escapeLike(role.orgUnitPath)}%`);
  return {
    sql:
      `(${columns.orgUnitPath} LIKE ANY(:scopePaths) OR EXISTS (SELECT 1 FROM family_link fl ` +
      `WHERE fl.resident_id = ${columns.residentId} AND fl.user_id = :scopeUserId))`,
    params: { scopePaths, scopeUserId: actor.userId },
  };
}
