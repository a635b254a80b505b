// Family members with a login: one or two per resident, linked to them, who now and then open the
// family portal. How often each one looks is drawn once (some never do, a few every week), so the
// portal has monthly active users that rise and fall with the residents in the home.

/** The relationship a family link records (care-data's family relationships, in the words staff use). */
export const LINK_RELATIONSHIP = {
  son: '儿子',
  daughter: '女儿',
  spouse: '配偶',
  'daughter-in-law': '儿媳',
  grandchild: '孙辈',
  relative: '亲属',
};

/**
 * Days a month a family member opens the portal: [days, weight]; about half of them look in a given month.
 * (Each visit is a request: more frequent visitors would make the demo noticeably slower.)
 */
const PORTAL_DAYS_PER_MONTH = [
  [0, 30],
  [1, 40],
  [2, 20],
  [4, 10],
];

/** `family.0042.1`: the resident's number in the simulation and the member's place in their family. */
export function familyUsername(residentNumber, index) {
  return `family.${String(residentNumber).padStart(4, '0')}.${index + 1}`;
}

/** The family members who get a login: the first one always, the second one about half the time. */
export function portalMembers(random, resident, residentNumber) {
  const count = resident.family.length > 1 && random.chance(0.55) ? 2 : 1;
  return resident.family.slice(0, count).map((member, index) => ({
    username: familyUsername(residentNumber, index),
    displayName: `${member.name}（家属）`,
    relationship: LINK_RELATIONSHIP[member.relationship] ?? '亲属',
    daysPerMonth: random.weighted(PORTAL_DAYS_PER_MONTH),
    userId: null,
    session: null,
  }));
}

/** The chance that a family member looking `daysPerMonth` days a month opens the portal on a given day. */
export function portalChance(daysPerMonth) {
  return daysPerMonth / 30;
}
