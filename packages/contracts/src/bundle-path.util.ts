import { BUNDLE_LIMITS, BUNDLE_PATH_PATTERN } from './bundle.constants.js';

const SAFE_PATH = new RegExp(BUNDLE_PATH_PATTERN);

/**
 * Why a path may not be a file of a bundle, or null when it is fine: absolute paths, drive letters,
 * backslashes, `.`/`..` segments, hidden files, control characters and over-long paths are refused.
 */
export function bundlePathProblem(path: string): string | null {
  if (path.length === 0) {
    return 'the path is empty';
  }
  if (path.length > BUNDLE_LIMITS.maxPathLength) {
    return `the path is longer than ${BUNDLE_LIMITS.maxPathLength} characters`;
  }
  if (path.includes('\\')) {
    return 'the path contains a backslash';
  }
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return 'the path is absolute';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return 'the path contains control characters';
  }
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
    return 'the path leaves its folder (".." or ".")';
  }
  if (!SAFE_PATH.test(path)) {
    return 'the path has characters other than letters, digits, ".", "_", "-" and "/", an empty or hidden segment, or more than 5 levels';
  }
  return null;
}

/** True when `path` may be a file of a bundle. */
export function isSafeBundlePath(path: string): boolean {
  return bundlePathProblem(path) === null;
}
