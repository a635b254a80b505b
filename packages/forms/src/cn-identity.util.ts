/** Why a string is not a valid resident ID number, or 'valid'. */
export type ChineseIdNumberCheck = 'valid' | 'format' | 'region' | 'birth-date' | 'checksum';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
const ID_SHAPE = /^\d{17}[\dXx]$/;
const MOBILE_SHAPE = /^1[3-9]\d{9}$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `yyyymmdd` is a real calendar date between 1800-01-01 and 2099-12-31. */
function isValidBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || year > 2099 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

/** The GB 11643 check character for the first 17 digits. */
export function chineseIdCheckChar(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += Number(first17.charAt(index)) * (ID_WEIGHTS[index] ?? 0);
  }
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** Explains what is wrong with a resident ID number (GB 11643-1999, 18 characters). */
export function checkChineseIdNumber(value: string): ChineseIdNumberCheck {
  if (!ID_SHAPE.test(value)) {
    return 'format';
  }
  if (!/^[1-9]/.test(value)) {
    return 'region';
  }
  if (!isValidBirthDate(value.slice(6, 14))) {
    return 'birth-date';
  }
  return chineseIdCheckChar(value.slice(0, 17)) === value.charAt(17).toUpperCase() ? 'valid' : 'checksum';
}

/** 18 characters, region code not starting with 0, a real birth date, GB 11643 check character ('x' accepted). */
export function isChineseIdNumber(value: string): boolean {
  return checkChineseIdNumber(value) === 'valid';
}

/** A mainland mobile number: 11 digits starting 13–19. */
export function isChineseMobile(value: string): boolean {
  return MOBILE_SHAPE.test(value);
}
