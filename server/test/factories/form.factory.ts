import fs from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'packages', 'forms', 'src', 'fixtures');

/** A JSON Schema fixture of the forms package (barthel-adl, elder-archive). */
export function formFixture(name: 'barthel-adl' | 'elder-archive'): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.schema.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** A filled Barthel assessment: 10 items, 65 points when nothing is overridden. */
export function barthelAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    feeding: 10,
    bathing: 0,
    grooming: 5,
    dressing: 5,
    bowels: 10,
    bladder: 5,
    toiletUse: 5,
    transfers: 10,
    mobility: 10,
    stairs: 5,
    ...overrides,
  };
}

/** A valid elder archive (ID number with a correct check digit). */
export function archiveData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '周桂芳',
    gender: 'female',
    birthDate: '1949-12-31',
    idNumber: '11010519491231002X',
    admissionDate: '2026-11-01',
    careLevel: 'level-2',
    ...overrides,
  };
}
