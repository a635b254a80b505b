import type { CalendarYear } from '../../process-runtime/business-time.util.js';
import type { WordedFieldError } from '../../common/errors/domain.errors.js';

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** One year of untrusted JSON: `{ holidays: string[], workdays: string[], source: string, provisional?: boolean }`. */
export function readCalendarYear(
  value: unknown,
  path: string,
): { year: CalendarYear | null; errors: WordedFieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      year: null,
      errors: [
        {
          path,
          message: 'a year must be an object {holidays, workdays, source}',
          zh: '每一年须为对象 {holidays, workdays, source}',
        },
      ],
    };
  }
  const { holidays, workdays, source, provisional, ...rest } = value as Record<string, unknown>;
  const errors: WordedFieldError[] = Object.keys(rest).map((name) => ({
    path: `${path}/${name}`,
    message: `unknown property ${name}: a year has holidays, workdays, source and provisional`,
    zh: `不认识的属性 ${name}，请去掉它：每一年只有 holidays、workdays、source 和 provisional`,
  }));
  if (!isStringList(holidays)) {
    errors.push({
      path: `${path}/holidays`,
      message: 'holidays must be a list of dates (YYYY-MM-DD)',
      zh: 'holidays 须为日期列表（YYYY-MM-DD）',
    });
  }
  if (!isStringList(workdays)) {
    errors.push({
      path: `${path}/workdays`,
      message: 'workdays must be a list of dates (YYYY-MM-DD)',
      zh: 'workdays 须为日期列表（YYYY-MM-DD）',
    });
  }
  if (typeof source !== 'string' || source.trim() === '' || source.length > 4000) {
    errors.push({
      path: `${path}/source`,
      message:
        'source must say where the dates come from (e.g. the State Council notice and its date), up to 4000 characters',
      zh: 'source 须说明这些日期的来源（例如国务院办公厅的通知及其发布日期），最多 4000 个字符',
    });
  }
  if (provisional !== undefined && typeof provisional !== 'boolean') {
    errors.push({
      path: `${path}/provisional`,
      message: 'provisional must be true or false',
      zh: 'provisional 须为 true 或 false',
    });
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
): { years: Record<string, CalendarYear>; errors: WordedFieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      years: {},
      errors: [
        {
          path,
          message: 'years must be an object keyed by year ("2027")',
          zh: 'years 须为以年份（如 "2027"）为键的对象',
        },
      ],
    };
  }
  const years: Record<string, CalendarYear> = {};
  const errors: WordedFieldError[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (!/^\d{4}$/.test(key)) {
      errors.push({
        path: `${path}/${key}`,
        message: `"${key}" is not a four-digit year`,
        zh: `“${key}”不是四位数的年份；请用年份作键，例如 "2027"`,
      });
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
