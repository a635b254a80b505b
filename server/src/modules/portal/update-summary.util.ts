/**
 * A short, human summary of a record for the family portal, built from the form's own field labels
 * in the reader's language: "血压（收缩压）：128；心率：72；精神状态：良好". Sensitive fields, images,
 * signatures and time stamps are left out; choices show their label, yes/no their word, scored scales
 * their total and grade. Pure: the schema and data come in, lines and text go out.
 */
export type SummaryLocale = 'zh-CN' | 'en';
export type SummaryLine = { label: string; value: string };

const MAX_LINES = 8;
const MAX_TEXT = 60;
const MAX_DEPTH = 4;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function localized(node: Record<string, unknown>, locale: SummaryLocale, fallback: string): string {
  const labels = node['x-labels'];
  if (isObject(labels) && typeof labels[locale] === 'string' && labels[locale] !== '') {
    return labels[locale];
  }
  return typeof node.title === 'string' && node.title !== '' ? node.title : fallback;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

/** The label of a choice (`oneOf`/`anyOf` of `const`s), else the value itself. */
function choiceLabel(node: Record<string, unknown>, value: unknown, locale: SummaryLocale): string {
  const options = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : [];
  for (const option of options) {
    if (isObject(option) && option.const === value) {
      return localized(option, locale, String(value));
    }
  }
  return String(value);
}

function scalarText(node: Record<string, unknown>, value: unknown, locale: SummaryLocale): string | null {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  if (typeof value === 'boolean') {
    return locale === 'en' ? (value ? 'Yes' : 'No') : value ? '是' : '否';
  }
  if (typeof value === 'number') {
    return choiceLabel(node, value, locale);
  }
  if (typeof value === 'string') {
    return shorten(choiceLabel(node, value, locale));
  }
  return null;
}

/** A scored scale's result: its total, and its grade when it has one. */
function scaleText(value: unknown, locale: SummaryLocale): string | null {
  if (!isObject(value) || typeof value.total !== 'number') {
    return null;
  }
  const labels = value.labels;
  const grade = isObject(labels) && typeof labels[locale] === 'string' ? labels[locale] : null;
  if (!grade) {
    return String(value.total);
  }
  return locale === 'en' ? `${value.total} (${grade})` : `${value.total}（${grade}）`;
}

function skipped(node: Record<string, unknown>): boolean {
  return (
    node['x-sensitive'] === true ||
    node.format === 'signature' ||
    node.format === 'photo' ||
    node.format === 'date-time'
  );
}

function collect(
  schema: Record<string, unknown>,
  data: unknown,
  locale: SummaryLocale,
  lines: SummaryLine[],
  depth: number,
): void {
  const properties = schema.properties;
  if (!isObject(properties) || !isObject(data) || depth > MAX_DEPTH) {
    return;
  }
  for (const [name, child] of Object.entries(properties)) {
    if (lines.length >= MAX_LINES) {
      return;
    }
    if (!isObject(child) || skipped(child)) {
      continue;
    }
    const value = data[name];
    const label = localized(child, locale, name);
    if (child['x-scale'] !== undefined) {
      const text = scaleText(value, locale);
      if (text) {
        lines.push({ label, value: text });
      }
      continue;
    }
    if (child.type === 'object' || isObject(value)) {
      collect(child, value, locale, lines, depth + 1);
      continue;
    }
    if (Array.isArray(value)) {
      const items = isObject(child.items) ? child.items : {};
      if (skipped(items)) {
        continue;
      }
      const texts = value
        .map((item) => scalarText(items, item, locale))
        .filter((t): t is string => t !== null);
      if (texts.length > 0) {
        lines.push({ label, value: shorten(texts.join(locale === 'en' ? ', ' : '、')) });
      }
      continue;
    }
    const text = scalarText(child, value, locale);
    if (text !== null) {
      lines.push({ label, value: text });
    }
  }
}

export function summarizeRecord(
  schema: object,
  data: Record<string, unknown>,
  locale: SummaryLocale,
): { lines: SummaryLine[]; text: string } {
  const lines: SummaryLine[] = [];
  collect(schema as Record<string, unknown>, data, locale, lines, 0);
  const text =
    locale === 'en'
      ? lines.map((l) => `${l.label}: ${l.value}`).join('; ')
      : lines.map((l) => `${l.label}：${l.value}`).join('；');
  return { lines, text };
}
