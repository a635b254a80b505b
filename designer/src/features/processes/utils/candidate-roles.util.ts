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
 * Roles whose members have no staff inbox: family members use the family portal and integrators are API
 * accounts, so a task offered to them would wait for nobody. They are offered only when a model already names them.
 */
const NO_INBOX_ROLES: readonly string[] = ['family', 'integrator'];

/**
 * The options of the candidate-roles select: every staff role by its name in `locale` (the key is what
 * `camunda:candidateGroups` stores), then keys already chosen that are not among them (typed by hand, from a
 * file) as themselves. Before the roles are known (or when they cannot be read) the built-in keys are offered as
 * they are.
 */
export function roleOptions(
  roles: readonly RoleName[] | undefined,
  locale: 'zh-CN' | 'en',
  chosen: readonly string[],
): RoleOption[] {
  const option = (role: RoleName): RoleOption => ({
    value: role.key,
    label: (locale === 'zh-CN' ? role.nameZh : role.nameEn) || role.key,
  });
  const known: RoleOption[] =
    roles === undefined || roles.length === 0
      ? ROLE_KEYS.map((key) => ({ value: key, label: key }))
      : roles.filter((role) => !NO_INBOX_ROLES.includes(role.key)).map(option);
  const others = chosen
    .filter((key) => !known.some((offered) => offered.value === key))
    .map((key) => {
      const role = roles?.find((candidate) => candidate.key === key);
      return role ? option(role) : { value: key, label: key };
    });
  return [...known, ...others];
}

/** Whether what was typed into the select finds an option: by its name or by its key, ignoring case. */
export function roleMatches(typed: string, option: RoleOption | undefined): boolean {
  const needle = typed.trim().toLowerCase();
  return (
    option !== undefined &&
    (option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle))
  );
}
