import type { FieldRight, FieldRightsDefinition } from './definition.types.js';

/** The rights a field can have at a step, in the order a designer offers them. */
export const FIELD_RIGHTS: readonly FieldRight[] = ['hidden', 'readonly', 'editable', 'required'];

/** More entries than any real form has fields: a guard against pasted junk. */
const MAX_ENTRIES = 500;

export type FieldRightsParse =
  { ok: true; value: FieldRightsDefinition | null } | { ok: false; en: string; zh: string };

const isRight = (value: unknown): value is FieldRight =>
  typeof value === 'string' && (FIELD_RIGHTS as readonly string[]).includes(value);

/**
 * A field key as written (`amount`, or a JSON pointer `/review/comment`) → its JSON pointer; null when it is
 * neither (a bare name with a slash, a pointer with an empty segment or a `~` that is not `~0`/`~1`).
 */
export const fieldRightsPointer = (key: string): string | null => {
  if (key === '' || key === '*') {
    return null;
  }
  if (!key.startsWith('/')) {
    return key.includes('/') ? null : `/${key.replace(/~/g, '~0')}`;
  }
  const segments = key.slice(1).split('/');
  return segments.some((segment) => segment === '' || /~(?![01])/.test(segment)) ? null : key;
};

/**
 * `careloom:fieldRights`: a JSON object from field (name or JSON pointer) or `"*"` to `hidden`, `readonly`,
 * `editable` or `required`. Empty text is "no rights" (null). Problems come back in English and Chinese.
 */
export const parseFieldRights = (text: string): FieldRightsParse => {
  if (text.trim() === '') {
    return { ok: true, value: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      en: 'careloom:fieldRights is not valid JSON',
      zh: 'careloom:fieldRights 不是有效的 JSON',
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      en: 'careloom:fieldRights must be a JSON object from field to hidden, readonly, editable or required',
      zh: 'careloom:fieldRights 必须是 JSON 对象：字段 → hidden、readonly、editable 或 required',
    };
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length > MAX_ENTRIES) {
    return {
      ok: false,
      en: `careloom:fieldRights lists more than ${MAX_ENTRIES} fields`,
      zh: `careloom:fieldRights 列出的字段超过 ${MAX_ENTRIES} 个`,
    };
  }
  const result: FieldRightsDefinition = { default: 'editable', fields: {} };
  for (const [key, right] of entries) {
    if (!isRight(right)) {
      const shown = JSON.stringify(right) ?? String(right);
      return {
        ok: false,
        en: `careloom:fieldRights: "${key}" has the unknown right ${shown} (use hidden, readonly, editable or required)`,
        zh: `careloom:fieldRights：“${key}”的权限 ${shown} 无效（可用 hidden、readonly、editable、required）`,
      };
    }
    if (key === '*') {
      result.default = right;
      continue;
    }
    const pointer = fieldRightsPointer(key);
    if (pointer === null) {
      return {
        ok: false,
        en: `careloom:fieldRights: "${key}" is not a field name or a JSON pointer such as /section/field`,
        zh: `careloom:fieldRights：“${key}”不是字段名，也不是 /section/field 这样的 JSON 指针`,
      };
    }
    if (result.fields[pointer] !== undefined) {
      return {
        ok: false,
        en: `careloom:fieldRights names the field ${pointer} twice`,
        zh: `careloom:fieldRights 重复设置了字段 ${pointer}`,
      };
    }
    result.fields[pointer] = right;
  }
  return { ok: true, value: result };
};
