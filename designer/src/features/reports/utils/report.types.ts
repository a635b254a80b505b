// The report designer edits the stored specs of @careloom/contracts directly (the editor state IS the spec),
// so properties and measure operations this editor does not know survive a round trip through it.
import type {
  ChartSpec,
  ChartType,
  DashboardSpec,
  DatasetGroupBy,
  DatasetMeasure,
  DatasetSource,
  LocalizedText,
  ReportResult,
  ReportSpec,
  TimeBucket,
} from '@careloom/contracts';

export type {
  ChartSpec,
  ChartType,
  DashboardSpec,
  DatasetGroupBy,
  DatasetMeasure,
  DatasetSource,
  LocalizedText,
  ReportResult,
  ReportSpec,
  TimeBucket,
};

export type SourceType = DatasetSource['type'];
export type DashboardItem = DashboardSpec['items'][number];

/** A measure as stored: one this editor knows, or any other `{key, op, …}` (edited in the JSON tab). */
export type MeasureRow =
  DatasetMeasure | { key: string; op: string; label?: LocalizedText; [name: string]: unknown };

/** A server problem: a JSON pointer into the spec (`/dataset/measures/0/p`) and a message to act on. */
export interface SpecProblem {
  path: string;
  message: string;
}
