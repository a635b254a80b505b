/**
 * The "number + unit" reading of timer and due-date values, so nobody has to type ISO 8601: `PT30M` ⇄ 30 minutes,
 * `P3WD` ⇄ 3 working days (the engine's business duration), `R4/P7D` ⇄ every 7 days, 4 times. Anything else
 * (several parts such as `P1DT2H`, a start instant, a date, `${…}` / `=…` expressions) is not a pick: it stays
 * in the advanced ISO input.
 */

/** A unit of the picker; `workdays` is business time (`P3WD`), which the engine accepts for durations only. */
export type PickerUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'workdays';

/** A duration the picker can show: a whole number of one unit. */
export interface PickedDuration {
  amount: number;
  unit: PickerUnit;
}

/** A cycle the picker can show: every `every`, `times` times (null = without end, `R/…`). */
export interface PickedCycle {
  every: PickedDuration;
  times: number | null;
}

/** The units in the order the picker offers them; `workdays` only where business time is allowed. */
export function pickerUnits(businessTime: boolean): PickerUnit[] {
  const calendar: PickerUnit[] = ['minutes', 'hours', 'days', 'weeks'];
  return businessTime ? [...calendar, 'workdays'] : calendar;
}

const PATTERNS: readonly { unit: PickerUnit; pattern: RegExp; write: (n: number) => string }[] = [
  { unit: 'minutes', pattern: /^PT(\d+)M$/, write: (n) => `PT${n}M` },
  { unit: 'hours', pattern: /^PT(\d+)H$/, write: (n) => `PT${n}H` },
  { unit: 'days', pattern: /^P(\d+)D$/, write: (n) => `P${n}D` },
  { unit: 'weeks', pattern: /^P(\d+)W$/, write: (n) => `P${n}W` },
  { unit: 'workdays', pattern: /^P(\d+)WD$/, write: (n) => `P${n}WD` },
];

/** `PT30M` → 30 minutes, `P3WD` → 3 working days; null when the text is not one whole amount of one unit. */
export function readPickedDuration(text: string): PickedDuration | null {
  const trimmed = text.trim();
  for (const { unit, pattern } of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match?.[1] !== undefined) {
      const amount = Number(match[1]);
      return amount > 0 ? { amount, unit } : null;
    }
  }
  return null;
}

/** 30 minutes → `PT30M`, 3 working days → `P3WD` (the amount is rounded down to a whole number, at least 1). */
export function writePickedDuration({ amount, unit }: PickedDuration): string {
  const whole = Math.max(1, Math.floor(amount));
  const found = PATTERNS.find((entry) => entry.unit === unit);
  return found ? found.write(whole) : `P${whole}D`;
}

/** `R4/P7D` → every 7 days, 4 times; `R/PT1H` → every hour without end; null for a start instant or business time. */
export function readPickedCycle(text: string): PickedCycle | null {
  const match = /^R(\d*)\/([^/]+)$/.exec(text.trim());
  if (!match) {
    return null;
  }
  const every = readPickedDuration(match[2] ?? '');
  if (!every || every.unit === 'workdays') {
    return null;
  }
  const times = match[1] === '' || match[1] === undefined ? null : Number(match[1]);
  return times === 0 ? null : { every, times };
}

/** Every 7 days, 4 times → `R4/P7D`; without a count → `R/P7D` (repeats for ever). Working days are not cycles. */
export function writePickedCycle({ every, times }: PickedCycle): string {
  const interval = writePickedDuration(every.unit === 'workdays' ? { ...every, unit: 'days' } : every);
  return `R${times === null ? '' : Math.max(1, Math.floor(times))}/${interval}`;
}
