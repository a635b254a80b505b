export {
  BUNDLE_CONTENT_EXTENSIONS,
  BUNDLE_CONTENT_KINDS,
  BUNDLE_LIMITS,
  BUNDLE_PATH_PATTERN,
  BUNDLE_SCHEMA_VERSION,
  KEY_PATTERN,
  ROLE_KEYS,
  SEMVER_PATTERN,
  VERSION_RANGE_PATTERN,
} from './bundle.constants.js';
export type {
  BundleContentKind,
  BundleContents,
  BundleFormFile,
  BundleManifest,
  BundleProblem,
  BundleRequirement,
  BundleRuleFile,
  LocalizedText,
  RoleKey,
} from './bundle.types.js';
export {
  bundleFormFileSchema,
  bundleManifestSchema,
  bundlePathSchema,
  bundleRuleFileSchema,
} from './bundle-manifest.schema.js';
export { bundlePathProblem, isSafeBundlePath } from './bundle-path.util.js';
export { compareVersions, parseVersion, satisfiesVersionRange, type SemVer } from './version-range.util.js';
export type {
  ChartSpec,
  ChartType,
  DashboardResult,
  DashboardSpec,
  DatasetGroupBy,
  DatasetMeasure,
  DatasetSource,
  DatasetSpec,
  DrillResult,
  DurationUnit,
  LogicExpression,
  ReportColumn,
  ReportFilters,
  ReportResult,
  ReportSpec,
  TimeBucket,
} from './report.types.js';
