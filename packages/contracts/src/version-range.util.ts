import { SEMVER_PATTERN, VERSION_RANGE_PATTERN } from './bundle.constants.js';

const SEMVER = new RegExp(SEMVER_PATTERN);
const RANGE = new RegExp(VERSION_RANGE_PATTERN);

export type SemVer = { major: number; minor: number; patch: number; prerelease: string | null };

/** Parses `1.2.3` / `1.2.3-rc.1`; null when it is not a version. */
export function parseVersion(text: string): SemVer | null {
  const match = SEMVER.exec(text);
  if (!match) {
    return null;
  }
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] === undefined ? null : match[4].slice(1),
  };
}

function comparePrerelease(a: string | null, b: string | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) {
      return -1;
    }
    if (y === undefined) {
      return 1;
    }
    const nx = /^\d+$/.test(x) ? Number(x) : null;
    const ny = /^\d+$/.test(y) ? Number(y) : null;
    if (nx !== null && ny !== null && nx !== ny) {
      return nx < ny ? -1 : 1;
    }
    if (nx === null || ny === null) {
      if (nx !== null) {
        return -1;
      }
      if (ny !== null) {
        return 1;
      }
      if (x !== y) {
        return x < y ? -1 : 1;
      }
    }
  }
  return 0;
}

/** Semantic-version order: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: SemVer, b: SemVer): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/**
 * Does `version` satisfy `range`? Ranges: `*`, exact `1.2.3`, `^1.2.3` (same major; same minor below 1.0.0),
 * `~1.2.3` (same major and minor), `>=1.2.3`. False for anything unparseable.
 */
export function satisfiesVersionRange(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v || !RANGE.test(range)) {
    return false;
  }
  if (range === '*') {
    return true;
  }
  const operator = range.startsWith('^')
    ? '^'
    : range.startsWith('~')
      ? '~'
      : range.startsWith('>=')
        ? '>='
        : '=';
  const base = parseVersion(range.slice(operator === '=' ? 0 : operator.length));
  if (!base) {
    return false;
  }
  const order = compareVersions(v, base);
  switch (operator) {
    case '=':
      return order === 0;
    case '>=':
      return order >= 0;
    case '~':
      return order >= 0 && v.major === base.major && v.minor === base.minor;
    case '^':
      return (
        order >= 0 &&
        v.major === base.major &&
        (base.major > 0 || v.minor === base.minor) &&
        (base.major > 0 || base.minor > 0 || v.patch === base.patch)
      );
  }
}
