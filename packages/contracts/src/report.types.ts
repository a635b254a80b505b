// Reports and dashboards: the declarative specs stored by the server and shipped in bundles, and the
// shapes the server answers with. The runtime UI renders `ReportResult.option` with ECharts as is.
import type { LocalizedText } from './bundle.types.js';

/** A JSON Logic expression (the filter subset when used as a dataset filter). */
export type LogicExpression = boolean | number | string | null | Record<string, unknown> | unknown[];

/** Where a dataset's rows come from. */
export type DatasetSource =
  /** Records of one form (not deleted); fields are the form's data paths, e.g. `complaintType`. */
  | { type: 'records'; formKey: string }
  /** User tasks, optionally of one process; fields: elementId, status, assignee, createdAt, dueAt, completedAt. */
  | { type: 'tasks'; processKey?: string }
  /** Process instances, optionally of one process; fields: status, startedAt, endedAt, and variables by path. */
  | { type: 'process-instances'; processKey?: string }
  /** Residents; fields: status, careLevel, gender, admittedAt, dischargedAt, dischargeReason. */
  | { type: 'residents' }
  /**
   * Who used CareLoom on which day: one row per user and day (in the home's time zone) with at least one
   * authenticated request; fields: userId, role, day. A row belongs to the user's home unit (staff: their
   * deepest membership's unit; family members: the unit of a resident they are linked to). `role` keeps
   * only users holding that role (e.g. `family` for the family portal's monthly active users).
   */
  | { type: 'activity'; role?: string };

export type TimeBucket = 'day' | 'week' | 'month' | 'quarter';

/** A grouping dimension; its `key` names the column in the result rows. */
export type DatasetGroupBy = (
  | { key: string; by: 'field'; field: string }
  | { key: string; by: 'org-unit' }
  | { key: string; by: 'care-level' }
  /** A timestamp or date field bucketed in the tenant's time zone; bucket labels are ISO dates of the bucket start. */
  | { key: string; by: 'time'; field: string; bucket: TimeBucket }
) & {
  /** The column's label; without it the server derives one from the field's form label. */
  label?: LocalizedText;
};

export type DurationUnit = 'minutes' | 'hours' | 'days';

/** What is computed per group; its `key` names the column in the result rows. */
export type DatasetMeasure = (
  | { key: string; op: 'count' }
  | { key: string; op: 'count-distinct' | 'sum' | 'avg' | 'min' | 'max' | 'median'; field: string }
  /** Continuous percentile (PostgreSQL percentile_cont), p in (0, 1). */
  | { key: string; op: 'percentile'; field: string; p: number }
  /** count(numerator filter) / count(denominator filter, or all rows) × scale (default 100). Null when the denominator is 0. */
  | { key: string; op: 'ratio'; numerator: LogicExpression; denominator?: LogicExpression; scale?: number }
  /** Time between two timestamp fields, aggregated. */
  | {
      key: string;
      op: 'duration';
      from: string;
      to: string;
      unit: DurationUnit;
      aggregate: 'avg' | 'median' | 'min' | 'max' | 'percentile';
      p?: number;
    }
  /** Net promoter score from a 0–10 field: % of 9–10 minus % of 0–6, nulls ignored. */
  | { key: string; op: 'nps'; field: string }
  /**
   * Rows of the group (those matching `numerator`, when given) per resident in care: count ÷ average number
   * of residents in care during the group's time bucket (or the period) × scale (default 100: "complaints
   * per 100 residents"). Residents are those the caller may see, in the org-unit filter and the group's unit
   * or care level. Null when nobody was in care.
   */
  | { key: string; op: 'per-residents'; numerator?: LogicExpression; scale?: number }
  /** Rows of the group per resident-day in care during the bucket × scale (default 1000: "falls per 1,000 resident-days"). */
  | { key: string; op: 'per-resident-days'; numerator?: LogicExpression; scale?: number }
  /**
   * Average residents in care during the bucket ÷ bed capacity × scale (default 100: a percentage). The rows
   * themselves are not counted. Capacity of a unit is its own bed count or else the sum of its descendants';
   * null when no unit in scope has a bed count (the result then carries a note).
   */
  | { key: string; op: 'occupancy'; scale?: number }
) & {
  /** The column's label; without it the server derives one from the operation and the field. */
  label?: LocalizedText;
};

/** A dataset: compiled by the server into one parameterised SQL query. */
export type DatasetSpec = {
  source: DatasetSource;
  filter?: LogicExpression;
  groupBy: DatasetGroupBy[];
  measures: DatasetMeasure[];
  /** Order of the rows: a group or measure key, optionally prefixed with `-` for descending. */
  orderBy?: string[];
  limit?: number;
};

export type ChartType = 'bar' | 'line' | 'pie' | 'table' | 'number' | 'heatmap';

export type ChartSpec = {
  type: ChartType;
  /** Group key on the category axis (bar, line, heatmap x; pie slices). */
  x?: string;
  /** Second group key: one series per value (bar/line), or the heatmap's y axis. */
  series?: string;
  /** Measure keys shown. */
  y: string[];
  /** For `number`: the goal, and whether higher is better (default true). */
  target?: number;
  higherIsBetter?: boolean;
  /** Unit shown after values, e.g. `%`, `h`. */
  unit?: string;
};

/** A stored report (one version). Key pattern as bundle keys. */
export type ReportSpec = {
  schemaVersion: 1;
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  dataset: DatasetSpec;
  chart: ChartSpec;
};

/** A dashboard: a grid of reports (12 columns) with shared filters. */
export type DashboardSpec = {
  schemaVersion: 1;
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Which shared filters the dashboard offers. */
  filters: Array<'period' | 'org-unit'>;
  items: Array<{ report: string; x: number; y: number; w: number; h: number }>;
};

/** Shared filters applied to every report of a dashboard (query string of the data routes). */
export type ReportFilters = {
  /** Inclusive start date (YYYY-MM-DD, tenant time zone). */
  from?: string;
  /** Exclusive end date (YYYY-MM-DD, tenant time zone). */
  to?: string;
  orgUnitId?: string;
};

export type ReportColumn = { key: string; label: LocalizedText; kind: 'group' | 'measure' };

/**
 * `GET /api/reports/{key}/data?from&to&orgUnitId` answers this. `option` is a complete ECharts option
 * (labels in the request's language); `number` charts also carry `summary`.
 */
export type ReportResult = {
  key: string;
  version: number;
  title: LocalizedText;
  chart: ChartSpec;
  columns: ReportColumn[];
  rows: Array<Record<string, string | number | null>>;
  option: Record<string, unknown>;
  summary?: { value: number | null; previous: number | null; target: number | null };
  /** Why a figure is missing (e.g. no bed counts for an occupancy), in the request's language. */
  notes?: string[];
};

/** `GET /api/dashboards/{key}/data?from&to&orgUnitId` answers this. */
export type DashboardResult = {
  key: string;
  version: number;
  title: LocalizedText;
  filters: DashboardSpec['filters'];
  items: Array<DashboardSpec['items'][number] & { result: ReportResult | null; error?: string }>;
};

/**
 * `GET /api/reports/{key}/drill?from&to&orgUnitId&group=<JSON of group key → value>&limit&offset`:
 * the rows behind one chart segment.
 */
export type DrillResult = {
  source: DatasetSource['type'];
  total: number;
  items: Array<{
    id: string;
    /** Where the runtime UI opens it, e.g. `/records/{id}` or `/residents/{id}`. */
    href: string;
    residentId: string | null;
    residentName: string | null;
    at: string;
    summary: string;
  }>;
};
