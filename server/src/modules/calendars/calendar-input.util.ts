import type { CalendarYear } from '../../process-runtime/business-time.util.js';
import type { FieldError } from '../../common/errors/domain.errors.js';

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** One year of untrusted JSON: `{ holidays: string[], workdays: string[], source: string, provisional?: boolean }`. */
export function readCalendarYear(
  value: unknown,
  path: string,
): { year: CalendarYear | null; errors: FieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      year: null,
      errors: [{ path, message: 'a year must be an object {holidays, workdays, source}' }],
    };
  }
  const { holidays, workdays, source, provisional, ...rest } = value as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(rest).map((name) => ({
    path: `${path}/${name}`,
    message: `unknown property ${name}: a year has holidays, workdays, source and provisional`,
  }));
  if (!isStringList(holidays)) {
    errors.push({ path: `${path}/holidays`, message: 'holidays must be a list of dates (YYYY-MM-DD)' });
  }
  if (!isStringList(workdays)) {
    errors.push({ path: `${path}/workdays`, message: 'workdays must be a list of dates (YYYY-MM-DD)' });
  }
  if (typeof source !== 'string' || source.trim() === '' || source.length > 4000) {
    errors.push({
      path: `${path}/source`,
      message:
        'source must say where the dates come from (e.g. the State Council notice and its date), up to 4000 characters',
    });
  }
  if (provisional !== undefined && typeof provisional !== 'boolean') {
    errors.push({ path: `${path}/provisional`, message: 'provisional must be true or false' });
  }
  if (errors.length > 0) {
    return { year: null, errors };
  }
  return {
    year: {
      holidays: [...(holidays as string[])].sort(),
      workdays: [...(workdays as string[])].sort(),
      provisional: provisional === true,
      source: (source as string).trim(),
    },
    errors: [],
  };
}

/** The `years` map of untrusted JSON, keyed by four-digit year. */
export function readCalendarYears(
  value: unknown,
  path: string,
): { years: Record<string, CalendarYear>; errors: FieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { years: {}, errors: [{ path, message: 'years must be an object keyed by year ("2027")' }] };
  }
  const years: Record<string, CalendarYear> = {};
  const errors: FieldError[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (!/^\d{4}$/.test(key)) {
      errors.push({ path: `${path}/${key}`, message: `"${key}" is not a four-digit year` });
      continue;
    }
    const read = readCalendarYear(item, `${path}/${key}`);
    errors.push(...read.errors);
    if (read.year) {
      years[key] = read.year;
    }
  }
  return { years, errors };
}
