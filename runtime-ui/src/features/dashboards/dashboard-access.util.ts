/**
 * Whether the dashboards entry shows: the server lets every staff member read reports and dashboards
 * (each number counts only what that person may see) and keeps family members on their relative's page.
 */
export function mayReadDashboards(memberships: readonly { role: string }[]): boolean {
  return memberships.some((membership) => membership.role !== 'family');
}
