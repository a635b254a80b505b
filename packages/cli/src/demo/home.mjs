// The home: template bundles, wings with rooms and beds, and the staff who work there.
import fs from 'node:fs';
import path from 'node:path';
import { readFolder } from '../bundle-files.mjs';

const TEMPLATES_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'templates');
/** What the simulation needs; any other bundle found under templates/ is imported as well when it validates. */
export const REQUIRED_BUNDLES = [
  'elder-archive',
  'onboarding-30day',
  'complaint-workorder',
  'care-quality',
  'daily-care',
];

const WING_NAMES = ['A区（一层）', 'B区（二层）', 'C区（三层）', 'D区（四层）'];
const WING_LETTERS = ['a', 'b', 'c', 'd'];

/** Imports the shipped template bundles (re-importing an installed version changes nothing). */
export async function importBundles(admin, log) {
  const folders = fs.existsSync(TEMPLATES_DIR)
    ? fs
        .readdirSync(TEMPLATES_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(TEMPLATES_DIR, e.name, 'manifest.json')))
        .map((e) => e.name)
    : [];
  const missing = REQUIRED_BUNDLES.filter((key) => !folders.includes(key));
  if (missing.length > 0) {
    throw new Error(`templates not found: ${missing.join(', ')} (looked in ${TEMPLATES_DIR})`);
  }
  const ordered = [...REQUIRED_BUNDLES, ...folders.filter((f) => !REQUIRED_BUNDLES.includes(f)).sort()];
  for (const folder of ordered) {
    const files = readFolder(path.join(TEMPLATES_DIR, folder));
    try {
      const result = await admin.post('/api/bundles/import', { files });
      log(
        `  bundle ${result.key} ${result.version}${result.previousVersion ? ` (was ${result.previousVersion})` : ''}`,
      );
    } catch (error) {
      if (REQUIRED_BUNDLES.includes(folder)) {
        throw error;
      }
      log(`  bundle ${folder} skipped: ${error.message}`);
    }
  }
}

/**
 * The wings: the first-start home has a building with wings A and B; more are added up to `wingCount`.
 * Each wing has rooms of two beds on its floor (101, 102 … on the first floor).
 */
export async function ensureWings(admin, wingCount, bedsPerWing) {
  const units = await admin.get('/api/org-units');
  const building = units.find((u) => u.kind === 'building');
  if (!building) {
    throw new Error(
      'no building in the organisation (GET /api/org-units): is this a CareLoom first-start home?',
    );
  }
  const branch = units.find((u) => u.id === building.parentId) ?? building;
  const wings = [];
  for (let index = 0; index < wingCount; index += 1) {
    const name = WING_NAMES[index];
    let unit = units.find((u) => u.kind === 'wing' && u.name === name);
    if (!unit) {
      unit = await admin.post('/api/org-units', { parentId: building.id, name, kind: 'wing' });
    }
    // the wing's capacity, so occupancy on the director's dashboard has a denominator
    await admin.patch(`/api/org-units/${unit.id}/capacity`, { bedCount: bedsPerWing });
    const floor = index + 1;
    const beds = [];
    for (let n = 0; n < bedsPerWing; n += 1) {
      const room = `${floor}${String(Math.floor(n / 2) + 1).padStart(2, '0')}`;
      beds.push({ room, bed: String((n % 2) + 1), residentId: null });
    }
    wings.push({ index, letter: WING_LETTERS[index], name, floor, id: unit.id, beds, staff: {} });
  }
  return { branch, building, wings };
}

/** The staff per wing and for the whole branch, scaled to the number of beds. */
export function staffPlan(people, home, beds) {
  const plan = [];
  const add = (username, role, unitId, title, wing) => {
    const gender =
      role === 'logistics' || role === 'doctor'
        ? people.random.weighted([
            ['male', 6],
            ['female', 4],
          ])
        : people.random.weighted([
            ['female', 9],
            ['male', 1],
          ]);
    plan.push({
      username,
      role,
      orgUnitId: unitId,
      displayName: `${people.youngerName(gender)}（${title}）`,
      wing,
    });
  };
  for (const wing of home.wings) {
    const label = wing.name.slice(0, 2);
    add(`hn.${wing.letter}`, 'head-nurse', wing.id, `${label}护士长`, wing);
    const nurses = Math.max(1, Math.ceil(wing.beds.length / 15));
    for (let i = 1; i <= nurses; i += 1) {
      add(`nurse.${wing.letter}${i}`, 'nurse', wing.id, `${label}护士`, wing);
    }
    const stewards = Math.max(1, Math.ceil(wing.beds.length / 40));
    for (let i = 1; i <= stewards; i += 1) {
      add(`steward.${wing.letter}${i}`, 'steward', wing.id, `${label}管家`, wing);
    }
  }
  const branchId = home.branch.id;
  add('director', 'admin', branchId, '院长', null);
  for (let i = 1; i <= Math.max(1, Math.ceil(beds / 150)); i += 1) {
    add(`doctor.${i}`, 'doctor', branchId, '医生', null);
  }
  for (let i = 1; i <= Math.max(1, Math.ceil(beds / 100)); i += 1) {
    add(`logistics.${i}`, 'logistics', branchId, '后勤', null);
  }
  for (let i = 1; i <= Math.max(1, Math.ceil(beds / 150)); i += 1) {
    add(`frontdesk.${i}`, 'front-desk', branchId, '前台', null);
  }
  return plan;
}

/** Creates the planned staff (an existing username is reused as it is) and returns them. */
export async function ensureStaff(admin, plan, password) {
  const existing = new Set(((await admin.get('/api/users')).items ?? []).map((u) => u.username));
  const created = [];
  for (const member of plan) {
    if (!existing.has(member.username)) {
      await admin.post('/api/users', {
        username: member.username,
        displayName: member.displayName,
        password,
        memberships: [{ role: member.role, orgUnitId: member.orgUnitId }],
      });
      created.push(member.username);
    }
  }
  return created;
}
