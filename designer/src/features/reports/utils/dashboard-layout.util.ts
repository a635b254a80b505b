// The dashboard editor's grid: items are kept in reading order and packed left to right into the
// 12 columns, a new row starting where one does not fit, so "move up/down" and "width" are all a person sets.
import type { DashboardItem, DashboardSpec, LocalizedText } from './report.types.js';

export const GRID_COLUMNS = 12;
export const WIDTHS = [3, 4, 6, 12] as const;
export const DEFAULT_HEIGHT = 4;
export const MAX_HEIGHT = 24;

/** Items in reading order: top to bottom, then left to right (the order on a phone). */
export function readingOrder(items: readonly DashboardItem[]): DashboardItem[] {
  return [...items].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Places the items, in this order, row by row: each row is as tall as its tallest item. */
export function flow(items: readonly DashboardItem[]): DashboardItem[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return items.map((item) => {
    const w = Math.min(Math.max(Math.trunc(item.w) || GRID_COLUMNS, 1), GRID_COLUMNS);
    const h = Math.min(Math.max(Math.trunc(item.h) || DEFAULT_HEIGHT, 1), MAX_HEIGHT);
    if (x + w > GRID_COLUMNS) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    const placed = { ...item, x, y, w, h };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    return placed;
  });
}

export function emptyDashboard(key: string, title: LocalizedText): DashboardSpec {
  return { schemaVersion: 1, key, title, filters: ['period', 'org-unit'], items: [] };
}

/** Adds a report at the end (half width; a number card a quarter). */
export function addItem(items: readonly DashboardItem[], report: string, w = 6): DashboardItem[] {
  return flow([...readingOrder(items), { report, x: 0, y: 0, w, h: DEFAULT_HEIGHT }]);
}

export function removeItem(items: readonly DashboardItem[], index: number): DashboardItem[] {
  return flow(readingOrder(items).filter((_, i) => i !== index));
}

/** Swaps an item with its neighbour in reading order, then packs the grid again. */
export function moveItem(items: readonly DashboardItem[], index: number, delta: -1 | 1): DashboardItem[] {
  const ordered = readingOrder(items);
  const target = index + delta;
  if (target < 0 || target >= ordered.length) {
    return ordered;
  }
  const [item] = ordered.splice(index, 1);
  ordered.splice(target, 0, item as DashboardItem);
  return flow(ordered);
}

/** Changes an item's width or height (clamped), then packs the grid again. */
export function resizeItem(
  items: readonly DashboardItem[],
  index: number,
  size: { w?: number; h?: number },
): DashboardItem[] {
  return flow(readingOrder(items).map((item, i) => (i === index ? { ...item, ...size } : item)));
}

/** CSS grid placement of an item (desktop). */
export function gridPlacement(item: DashboardItem): { column: string; row: string } {
  const x = Math.min(Math.max(Math.trunc(item.x), 0), GRID_COLUMNS - 1);
  const w = Math.min(Math.max(Math.trunc(item.w), 1), GRID_COLUMNS - x);
  const y = Math.max(Math.trunc(item.y), 0);
  const h = Math.max(Math.trunc(item.h), 1);
  return { column: `${x + 1} / span ${w}`, row: `${y + 1} / span ${h}` };
}
