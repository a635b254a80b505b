/** The roles every tenant starts with; they are rows in `role`, so a tenant can add its own. */
export const BUILT_IN_ROLES = [
  { key: 'admin', nameZh: '系统管理员', nameEn: 'Administrator' },
  { key: 'nurse', nameZh: '护士', nameEn: 'Nurse' },
  { key: 'head-nurse', nameZh: '护士长', nameEn: 'Head nurse' },
  { key: 'doctor', nameZh: '医生', nameEn: 'Doctor' },
  { key: 'steward', nameZh: '管家', nameEn: 'Steward' },
  { key: 'logistics', nameZh: '后勤', nameEn: 'Logistics' },
  { key: 'front-desk', nameZh: '前台', nameEn: 'Front desk' },
  { key: 'family', nameZh: '家属', nameEn: 'Family member' },
  { key: 'integrator', nameZh: '集成方', nameEn: 'Integrator' },
] as const;

/** Role keys as the Chinese UI names the built-in roles, joined for a sentence (a tenant's own roles keep their key). */
export const roleNamesZh = (roles: readonly string[]): string =>
  roles.map((role) => BUILT_IN_ROLES.find((builtIn) => builtIn.key === role)?.nameZh ?? role).join('、');
