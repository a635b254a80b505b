import { escapeLike } from '../../common/auth/access-scope.util.js';
import type { Actor } from '../../common/auth/actor.types.js';

export type NotificationAudience = {
  sql: string;
  params: {
    audienceUserId: string;
    audienceRoles: string[];
    audienceMemberRoles: string[];
    audienceMemberPaths: string[];
  };
};

/**
 * The notifications an actor sees, as one SQL predicate over the alias `n`: those addressed to them, and those
 * addressed to a role they hold — every one without an org unit path (not about a resident), and one with a path
 * only when a membership in that same role is at that unit or above (a prefix of the materialised path). An admin
 * membership covers the tenant, as it does for record access (accessScope).
 */
export function notificationAudience(actor: Actor): NotificationAudience {
  return {
    sql:
      '(n.user_id = :audienceUserId OR (n.role = ANY(:audienceRoles::text[]) AND (n.org_unit_path IS NULL OR ' +
      'EXISTS (SELECT 1 FROM unnest(:audienceMemberRoles::text[], :audienceMemberPaths::text[]) AS m(role, path) ' +
      'WHERE m.role = n.role AND n.org_unit_path LIKE m.path))))',
    params: {
      audienceUserId: actor.userId,
      audienceRoles: [...new Set(actor.roles.map((r) => r.role))],
      audienceMemberRoles: actor.roles.map((r) => r.role),
      audienceMemberPaths: actor.roles.map((r) =>
        r.role === 'admin' ? '%' : `${escapeLike(r.orgUnitPath)}%`,
      ),
    },
  };
}
