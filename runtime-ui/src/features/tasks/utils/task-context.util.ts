/**
 * Variables that name the record a process instance was started from, in order of preference: `recordId` (a
 * rule's start-process action on a record event sets it) and `intakeRecordId` (a work order's intake record).
 */
export const SOURCE_RECORD_VARIABLES = ['recordId', 'intakeRecordId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the record that started the instance, or null when its variables name none (or not a record id). */
export function sourceRecordIdOf(variables: Record<string, unknown> | null | undefined): string | null {
  for (const name of SOURCE_RECORD_VARIABLES) {
    const value = variables?.[name];
    if (typeof value === 'string' && UUID.test(value)) {
      return value;
    }
  }
  return null;
}

/** Room and bed as the resident list shows them ("112 / 1"), or null when neither is set. */
export function roomBedOf(resident: { room: string | null; bed: string | null }): string | null {
  const text = [resident.room, resident.bed]
    .filter((part) => part !== null && part.trim() !== '')
    .join(' / ');
  return text === '' ? null : text;
}
