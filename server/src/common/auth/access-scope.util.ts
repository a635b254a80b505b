import type { Actor } from './actor.types.js';

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Record-level access as one SQL predicate: admins see the tenant (null: no restriction); staff see
 * what belongs to their org units and below; family members see what belongs to residents they are
 * linked to — and, when `familyShared` is given, only rows where that condition holds too (records
 * of forms the home shares with families). `orgUnitPath`, `residentId` and `familyShared` are
 * trusted SQL expressions of the calling query.
 */
export function accessScope(
  actor: Actor,
  columns: { orgUnitPath: string; residentId: string; familyShared?: string },
): { sql: string; params: { scopePaths: string[]; scopeUserId: string } } | null {
  if (actor.roles.some((role) => role.role === 'admin')) {
    return null;
  }
  const scopePaths = actor.roles
    .filter((role) => role.role !== 'family')
    .map((role) => `${escapeLike(role.orgUnitPath)}%`);
  const linked =
    `EXISTS (SELECT 1 FROM family_link fl ` +
    `WHERE fl.resident_id = ${columns.residentId} AND fl.user_id = :scopeUserId)`;
  const family = columns.familyShared ? `(${linked} AND ${columns.familyShared})` : linked;
  return {
    sql: `(${columns.orgUnitPath} LIKE ANY(:scopePaths) OR ${family})`,
    params: { scopePaths, scopeUserId: actor.userId },
  };
}
