import type { BuilderLocale } from '../../../shared/logic-builder/index.js';

/** Asia/Shanghai (the engine's default time zone) has no daylight saving: a fixed +08:00. */
export const SIMULATION_UTC_OFFSET = '+08:00';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One thing that happens in a simulated run, on a virtual day counted from the start date (day 0). */
export type SimulationRow =
  | { type: 'task'; at: string; day: number; time: string; elementId: string; name: string }
  | { type: 'service'; at: string; day: number; time: string; elementId: string; name: string }
  | { type: 'incident'; at: string; day: number; time: string; elementId: string; name: string }
  | { type: 'ended'; at: string; day: number; time: string; elementId: null; name: string };

/** The virtual start instant of a simulation started on `date` (YYYY-MM-DD) at `time` (HH:MM), Shanghai time. */
export function simulationStart(date: string, time = '09:00'): string {
  return `${date}T${time}:00${SIMULATION_UTC_OFFSET}`;
}

/** Calendar day (in Shanghai) of `at` counted from the calendar day of `start`, and its wall-clock time. */
export function virtualDay(start: string, at: string): { day: number; time: string } {
  const local = (iso: string): number => Date.parse(iso) + OFFSET_MS;
  const startDay = Math.floor(local(start) / DAY_MS);
  const atLocal = local(at);
  const day = Math.floor(atLocal / DAY_MS) - startDay;
  const minutes = Math.floor((atLocal - Math.floor(atLocal / DAY_MS) * DAY_MS) / 60000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { day, time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The rows a person reads from an engine trace (`effects: [{at, effect}]`): tasks appearing, services run,
 * incidents and the end. The trace is read defensively because it arrives as JSON.
 */
export function simulationRows(start: string, effects: readonly unknown[]): SimulationRow[] {
  const rows: SimulationRow[] = [];
  for (const item of effects) {
    const entry = record(item);
    const effect = record(entry?.effect);
    const at = text(entry?.at);
    if (!effect || at === '') {
      continue;
    }
    const when = { at, ...virtualDay(start, at) };
    const elementId = text(effect.elementId);
    if (effect.type === 'create-task') {
      rows.push({ type: 'task', ...when, elementId, name: text(effect.name) || elementId });
    } else if (effect.type === 'run-service') {
      rows.push({ type: 'service', ...when, elementId, name: text(effect.serviceType) });
    } else if (effect.type === 'incident') {
      rows.push({ type: 'incident', ...when, elementId, name: text(effect.message) });
    } else if (effect.type === 'ended') {
      rows.push({ type: 'ended', ...when, elementId: null, name: text(effect.status) });
    }
  }
  return rows;
}

/** Ids of the elements the run entered or flows it took (from `history` effects), for highlighting. */
export function visitedElements(effects: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const item of effects) {
    const effect = record(record(item)?.effect);
    if (effect?.type === 'history' && (effect.event === 'entered' || effect.event === 'taken')) {
      const id = text(effect.elementId);
      if (id !== '') {
        ids.add(id);
      }
    }
  }
  return [...ids];
}

/** `第 3 天 09:00` / `Day 3 09:00`. */
export function describeVirtualTime(row: { day: number; time: string }, locale: BuilderLocale): string {
  return locale === 'zh-CN' ? `第 ${row.day} 天 ${row.time}` : `Day ${row.day} ${row.time}`;
}

/** Turns typed text into a variable value: numbers, true/false and JSON stay typed, the rest is a string. */
export function parseVariableValue(raw: string): unknown {
  const value = raw.trim();
  if (value === '') {
    return '';
  }
  if (/^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false' || /^[[{"]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}
