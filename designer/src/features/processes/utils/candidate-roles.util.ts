import { ROLE_KEYS } from './bpmn-model.constants.js';

/** A role as `GET /api/roles` lists it. */
export interface RoleName {
  key: string;
  nameZh: string;
  nameEn: string;
}

/** An option of the candidate-roles select: the role's name in the locale, the key as the value written. */
export interface RoleOption {
  value: string;
  label: string;
}

/**
 * The options of the candidate-roles select: every role by its name in `locale` (the key is what
 * `camunda:candidateGroups` stores), then keys already chosen that no role has (typed by hand, from a file) as
 * themselves. Before the roles are known (or when they cannot be read) the built-in keys are offered as they are.
 */
export function roleOptions(
  roles: readonly RoleName[] | undefined,
  locale: 'zh-CN' | 'en',
  chosen: readonly string[],
): RoleOption[] {
  const known: RoleOption[] =
    roles === undefined || roles.length === 0
      ? ROLE_KEYS.map((key) => ({ value: key, label: key }))
      : roles.map((role) => ({
          value: role.key,
          label: (locale === 'zh-CN' ? role.nameZh : role.nameEn) || role.key,
        }));
  const unknown = chosen
    .filter((key) => !known.some((option) => option.value === key))
    .map((key) => ({ value: key, label: key }));
  return [...known, ...unknown];
}

/** Whether what was typed into the select finds an option: by its name or by its key, ignoring case. */
export function roleMatches(typed: string, option: RoleOption | undefined): boolean {
  const needle = typed.trim().toLowerCase();
  return (
    option !== undefined &&
    (option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle))
  );
}
