import { describe, expect, it } from '@jest/globals';
import { roleMatches, roleOptions } from './candidate-roles.util.js';

const ROLES = [
  { key: 'head-nurse', nameZh: '护士长', nameEn: 'Head nurse' },
  { key: 'nurse', nameZh: '护士', nameEn: 'Nurse' },
];

describe(roleOptions.name, () => {
  it('should label each role by its name in the locale and keep the key as the value', () => {
    // given the roles of the tenant / when / then
    expect(roleOptions(ROLES, 'zh-CN', [])).toEqual([
      { value: 'head-nurse', label: '护士长' },
      { value: 'nurse', label: '护士' },
    ]);
    expect(roleOptions(ROLES, 'en', [])[0]).toEqual({ value: 'head-nurse', label: 'Head nurse' });
  });

  it('should keep a chosen key no role has when it was typed by hand or came with a file', () => {
    // given a task offered to a group that is not a role
    const options = roleOptions(ROLES, 'zh-CN', ['nurse', 'night-shift']);

    // then it is offered as itself, after the roles
    expect(options.at(-1)).toEqual({ value: 'night-shift', label: 'night-shift' });
    expect(options.filter((option) => option.value === 'nurse')).toHaveLength(1);
  });

  it('should not offer roles without a staff inbox unless the model already names them', () => {
    // given the tenant's roles include family members and integrators
    const roles = [
      ...ROLES,
      { key: 'family', nameZh: '家属', nameEn: 'Family member' },
      { key: 'integrator', nameZh: '系统集成', nameEn: 'Integrator' },
    ];

    // when / then: a new task is not offered to them
    expect(roleOptions(roles, 'zh-CN', []).map((option) => option.value)).toEqual(['head-nurse', 'nurse']);
    // and a model that already names one keeps it
    expect(roleOptions(roles, 'zh-CN', ['family']).at(-1)).toEqual({ value: 'family', label: '家属' });
  });

  it('should offer the built-in keys when the roles are not known yet', () => {
    expect(roleOptions(undefined, 'zh-CN', []).map((option) => option.label)).toContain('head-nurse');
  });
});

describe(roleMatches.name, () => {
  it('should find a role by its name or its key when something is typed', () => {
    const option = { value: 'head-nurse', label: '护士长' };
    expect(roleMatches('护士', option)).toBe(true);
    expect(roleMatches('HEAD', option)).toBe(true);
    expect(roleMatches('医生', option)).toBe(false);
    expect(roleMatches('x', undefined)).toBe(false);
  });
});
