// Reads a fixture file next to this module. Plain JS (typed by read-fixture.d.ts) so that the package
// tsconfig keeps "types": [] while specs can still load the .bpmn templates.
import { readFileSync } from 'node:fs';

export const readFixture = (name) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
