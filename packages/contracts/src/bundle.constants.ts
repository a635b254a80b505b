/** The manifest format this package describes; stored manifests carry it as `schemaVersion`. */
export const BUNDLE_SCHEMA_VERSION = 1;

/** Role keys a bundle may expect (the tenant's built-in roles). */
export const ROLE_KEYS = [
  'admin',
  'head-nurse',
  'nurse',
  'doctor',
  'steward',
  'logistics',
  'front-desk',
  'family',
  'integrator',
] as const;

/** The kinds of content a bundle lists, each in its own folder of the same name. */
export const BUNDLE_CONTENT_KINDS = ['forms', 'processes', 'rules', 'reports', 'dashboards'] as const;

/** File name extension of each content kind. */
export const BUNDLE_CONTENT_EXTENSIONS = {
  forms: '.json',
  processes: '.bpmn',
  rules: '.json',
  reports: '.json',
  dashboards: '.json',
} as const;

/** Bundle keys, form keys and rule keys: 2–64 lower-case letters, digits or dashes, starting with a letter. */
export const KEY_PATTERN = '^[a-z][a-z0-9-]{1,63}$';

/** Semantic version without build metadata, e.g. `1.2.0` or `2.0.0-rc.1`. */
export const SEMVER_PATTERN = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]{1,40})?$';

/** A version range: `*`, `1.2.3`, `^1.2.3`, `~1.2.3` or `>=1.2.3`. */
export const VERSION_RANGE_PATTERN =
  '^(\\*|(\\^|~|>=)?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]{1,40})?)$';

/**
 * A relative path inside a bundle: forward slashes, segments of letters, digits, `.`, `_`, `-` that do not
 * start with a dot (so no `..`, no hidden files), no leading slash, no drive letter.
 */
export const BUNDLE_PATH_PATTERN =
  '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}){0,4}$';

/** Hard limits an importer enforces before parsing anything. */
export const BUNDLE_LIMITS = {
  /** Files (zip entries) in one bundle. */
  maxEntries: 200,
  /** One file. */
  maxFileBytes: 2 * 1024 * 1024,
  /** All files together. */
  maxTotalBytes: 20 * 1024 * 1024,
  /** Characters of a path. */
  maxPathLength: 200,
  /** Items in one content list of the manifest. */
  maxContentItems: 100,
} as const;
