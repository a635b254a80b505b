import { BUNDLE_LIMITS, compareVersions, parseVersion } from '@careloom/contracts';

/** Why a picked file cannot be a bundle archive, checked in the browser before anything is uploaded. */
export type UploadRefusal =
  | { reason: 'not-zip'; name: string }
  | { reason: 'too-large'; name: string; sizeMb: string; limitMb: string }
  | { reason: 'empty'; name: string };

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

/**
 * A .zip name and the ZIP signature in the first bytes (`PK\x03\x04`, or `PK\x05\x06` for an empty archive);
 * the server's limit for an upload is the bundle's total size (`BUNDLE_LIMITS.maxTotalBytes`).
 */
export function uploadRefusal(name: string, size: number, head: Uint8Array): UploadRefusal | null {
  if (size === 0) {
    return { reason: 'empty', name };
  }
  if (size > BUNDLE_LIMITS.maxTotalBytes) {
    return {
      reason: 'too-large',
      name,
      sizeMb: megabytes(size),
      limitMb: megabytes(BUNDLE_LIMITS.maxTotalBytes),
    };
  }
  const signature =
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
  if (!name.toLowerCase().endsWith('.zip') || !signature) {
    return { reason: 'not-zip', name };
  }
  return null;
}

/** One file's problems, as the server's 400 lists them (`errors[].path` = `/<file>#<location>`). */
export interface FileProblems {
  /** '' for problems about the archive as a whole. */
  file: string;
  problems: { location: string; message: string }[];
}

/** Groups the server's problems by file, files in the order they first appear, `manifest.json` first. */
export function problemsByFile(errors: readonly { path: string; message: string }[]): FileProblems[] {
  const groups = new Map<string, FileProblems>();
  for (const error of errors) {
    const path = error.path.startsWith('/') ? error.path.slice(1) : error.path;
    const hash = path.indexOf('#');
    const file = hash < 0 ? path : path.slice(0, hash);
    const location = hash < 0 ? '' : path.slice(hash + 1);
    const group = groups.get(file) ?? { file, problems: [] };
    group.problems.push({ location, message: error.message });
    groups.set(file, group);
  }
  return [...groups.values()].sort(
    (a, b) => Number(b.file === 'manifest.json') - Number(a.file === 'manifest.json'),
  );
}

/** What importing a checked bundle does to this home's installed version of it. */
export type VersionChange =
  | { kind: 'new'; version: string }
  | { kind: 'upgrade'; from: string; version: string }
  | { kind: 'same'; version: string }
  | { kind: 'downgrade'; from: string; version: string };

/** Semantic-version order; text order for anything that is not a version. */
function compare(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  return left && right ? compareVersions(left, right) : a.localeCompare(b);
}

export function versionChange(version: string, installed: string | null | undefined): VersionChange {
  if (installed === null || installed === undefined) {
    return { kind: 'new', version };
  }
  const order = compare(version, installed);
  if (order === 0) {
    return { kind: 'same', version };
  }
  return order > 0
    ? { kind: 'upgrade', from: installed, version }
    : { kind: 'downgrade', from: installed, version };
}

export type ImportedItem = { key: string; action: string; version: number | string };
export type ImportReportLike = Record<
  'forms' | 'processes' | 'rules' | 'reports' | 'dashboards',
  ImportedItem[]
>;

/** Created / updated / unchanged counts over every kind of an import report. */
export function importCounts(report: ImportReportLike): {
  created: number;
  updated: number;
  unchanged: number;
} {
  const items = [
    ...report.forms,
    ...report.processes,
    ...report.rules,
    ...report.reports,
    ...report.dashboards,
  ];
  return {
    created: items.filter((i) => i.action === 'created').length,
    updated: items.filter((i) => i.action === 'updated').length,
    unchanged: items.filter((i) => i.action === 'unchanged').length,
  };
}
