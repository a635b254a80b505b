import { ValidationFailedError } from '../../common/errors/domain.errors.js';

export class UnknownCalendarError extends ValidationFailedError {
  constructor(key: string) {
    super(
      [
        {
          path: '/calendarKey',
          message: `There is no calendar "${key}": see GET /api/calendars, or send null for the tenant default.`,
        },
      ],
      'The org unit names an unknown calendar.',
    );
    this.inChinese(
      '组织单元指定的日历不存在。',
      `没有日历“${key}”：请查看 GET /api/calendars，或传 null 使用本机构默认日历。`,
    );
  }
}

/** Org unit kinds as the Chinese UI names them. */
const UNIT_KINDS_ZH: Readonly<Record<string, string>> = {
  institution: '集团',
  branch: '院区',
  building: '楼栋',
  wing: '区域',
};

export class OrgUnitHierarchyError extends ValidationFailedError {
  constructor(kind: string, parentKind: string | null) {
    super(
      [
        {
          path: '/parentId',
          message: parentKind
            ? `A ${kind} cannot be placed under a ${parentKind}: institution → branch → building → wing.`
            : `A ${kind} needs a parent unit: institution → branch → building → wing.`,
        },
      ],
      'The org unit does not fit the hierarchy.',
    );
    const zh = (unit: string) => UNIT_KINDS_ZH[unit] ?? unit;
    this.inChinese(
      '组织单元不符合层级结构。',
      parentKind
        ? `${zh(kind)}不能放在${zh(parentKind)}之下：集团 → 院区 → 楼栋 → 区域。`
        : `${zh(kind)}需要上级单元：集团 → 院区 → 楼栋 → 区域。`,
    );
  }
}
