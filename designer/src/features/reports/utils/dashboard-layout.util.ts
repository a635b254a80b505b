// The dashboard editor's grid: 12 columns, rows of one unit each. A person places an item (drag, arrow keys,
// move up/down) or sizes it (drag the corner, width/height controls); the item goes exactly there and the others
// make room without overlapping it (the one it was dropped on takes its old place when that fits, else moves
// right or down), then everything rises as far as it can (vertical compaction, as react-grid-layout does), so a
// column a person leaves empty on the left stays empty but no gaps open between rows.
import type { DashboardItem, DashboardSpec, LocalizedText } from './report.types.js';

export const GRID_COLUMNS = 12;
export const WIDTHS = [3, 4, 6, 12] as const;
export const DEFAULT_HEIGHT = 4;
export const MAX_HEIGHT = 24;

export type Cell = { x: number; y: number };

/** Items in reading order: top to bottom, then left to right (the order on a phone). */
export function readingOrder<T extends DashboardItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.y - b.y || a.x - b.x);
}

const whole = (value: number, fallback: number) => (Number.isFinite(value) ? Math.trunc(value) : fallback);

/** The item with whole, in-grid numbers: 1–12 columns wide, 1–24 rows high, inside the columns, y ≥ 0. */
export function clampItem<T extends DashboardItem>(item: T): T {
  const w = Math.min(Math.max(whole(item.w, GRID_COLUMNS) || GRID_COLUMNS, 1), GRID_COLUMNS);
  const h = Math.min(Math.max(whole(item.h, DEFAULT_HEIGHT) || DEFAULT_HEIGHT, 1), MAX_HEIGHT);
  const x = Math.min(Math.max(whole(item.x, 0), 0), GRID_COLUMNS - w);
  const y = Math.max(whole(item.y, 0), 0);
  return { ...item, x, y, w, h };
}

/** Whether two items share at least one cell. */
export function overlaps(a: DashboardItem, b: DashboardItem): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function firstCollision<T extends DashboardItem>(item: DashboardItem, placed: readonly T[]): T | undefined {
  return placed.find((other) => overlaps(item, other));
}

/**
 * Moves every item up as far as it can go without passing through another (reading order first). A layout
 * without overlaps keeps none.
 */
export function compact<T extends DashboardItem>(items: readonly T[]): T[] {
  const placed: T[] = [];
  for (const item of readingOrder(items)) {
    let risen = item;
    while (risen.y > 0 && !firstCollision({ ...risen, y: risen.y - 1 }, placed)) {
      risen = { ...risen, y: risen.y - 1 };
    }
    placed.push(risen);
  }
  return readingOrder(placed);
}

/**
 * Puts `pinned` where it is and the others, in reading order, where they are unless that overlaps something
 * already placed: then one the pinned item landed on takes `vacated` (the pinned item's old place) when that is
 * free, else it slides right past what it hits while it fits in the row, else it goes down below it. Then
 * everything rises (`compact`). Without `pinned` this only clears overlaps of a stored layout.
 */
export function settle<T extends DashboardItem>(pinned: T | null, others: readonly T[], vacated?: Cell): T[] {
  const placed: T[] = pinned ? [pinned] : [];
  for (const original of readingOrder(others.map(clampItem))) {
    let item = original;
    let hit = firstCollision(item, placed);
    if (hit && hit === pinned && vacated) {
      const swapped = clampItem({ ...item, x: vacated.x, y: vacated.y });
      if (!firstCollision(swapped, placed)) {
        item = swapped;
        hit = undefined;
      }
    }
    if (hit) {
      let slid = item;
      let blocker: T | undefined = hit;
      while (blocker && blocker.x + blocker.w + slid.w <= GRID_COLUMNS) {
        slid = { ...slid, x: blocker.x + blocker.w };
        blocker = firstCollision(slid, placed);
      }
      if (!blocker) {
        item = slid;
        hit = undefined;
      }
    }
    while (hit) {
      item = { ...item, y: hit.y + hit.h };
      hit = firstCollision(item, placed);
    }
    placed.push(item);
  }
  return compact(placed);
}

/** The item at `index` (reading order) put with its top-left corner on `to`; the others make room. */
export function moveItemTo<T extends DashboardItem>(items: readonly T[], index: number, to: Cell): T[] {
  const ordered = readingOrder(items).map(clampItem);
  const item = ordered[index];
  if (!item) {
    return ordered;
  }
  const moved = clampItem({ ...item, x: to.x, y: to.y });
  return settle(
    moved,
    ordered.filter((_, i) => i !== index),
    { x: item.x, y: item.y },
  );
}

/**
 * The item at `index` (reading order) with a new width and/or height (clamped; a width that no longer fits
 * where it starts moves it left); the others make room below or beside it.
 */
export function resizeItem<T extends DashboardItem>(
  items: readonly T[],
  index: number,
  size: { w?: number; h?: number },
): T[] {
  const ordered = readingOrder(items).map(clampItem);
  const item = ordered[index];
  if (!item) {
    return ordered;
  }
  const w = Math.min(Math.max(whole(size.w ?? item.w, item.w), 1), GRID_COLUMNS);
  const resized = clampItem({ ...item, w, h: size.h ?? item.h, x: Math.min(item.x, GRID_COLUMNS - w) });
  return settle(
    resized,
    ordered.filter((_, i) => i !== index),
  );
}

/**
 * Swaps an item with its neighbour in reading order (the move up/down buttons, the order on a phone): it takes
 * the neighbour's place and the neighbour takes its place when that fits.
 */
export function moveItem<T extends DashboardItem>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const ordered = readingOrder(items).map(clampItem);
  const neighbour = ordered[index + delta];
  if (!ordered[index] || !neighbour) {
    return ordered;
  }
  return moveItemTo(ordered, index, { x: neighbour.x, y: neighbour.y });
}

export function emptyDashboard(key: string, title: LocalizedText): DashboardSpec {
  return { schemaVersion: 1, key, title, filters: ['period', 'org-unit'], items: [] };
}

/**
 * Adds a report after the last one (half width; a number card a quarter): the first free place, left to
 * right, from the last item's row down.
 */
export function addItem(items: readonly DashboardItem[], report: string, w = 6): DashboardItem[] {
  const ordered = readingOrder(items).map(clampItem);
  const added = clampItem({ report, x: 0, y: 0, w, h: DEFAULT_HEIGHT });
  const last = ordered[ordered.length - 1];
  for (let y = last?.y ?? 0; ; y += 1) {
    for (let x = 0; x + added.w <= GRID_COLUMNS; x += 1) {
      const candidate = { ...added, x, y };
      if (!firstCollision(candidate, ordered)) {
        return settle(null, [...ordered, candidate]);
      }
    }
  }
}

export function removeItem<T extends DashboardItem>(items: readonly T[], index: number): T[] {
  return settle(
    null,
    readingOrder(items).filter((_, i) => i !== index),
  );
}

/** Whether two layouts put the same items in the same places (a drag that ends where it began changes nothing). */
export function sameLayout(a: readonly DashboardItem[], b: readonly DashboardItem[]): boolean {
  const left = readingOrder(a);
  const right = readingOrder(b);
  return (
    left.length === right.length &&
    left.every((item, i) => {
      const other = right[i]!;
      return (
        item.report === other.report &&
        item.x === other.x &&
        item.y === other.y &&
        item.w === other.w &&
        item.h === other.h
      );
    })
  );
}

/** The grid's pitch in pixels: one column (its width plus the gap) and one row (its height plus the gap). */
export interface GridMetrics {
  column: number;
  row: number;
  gap: number;
}

/** Where a tile dragged by its header lands: its top-left corner (in pixels from the grid's) to the nearest cell. */
export function cellAt(metrics: GridMetrics, left: number, top: number, item: DashboardItem): Cell {
  const x = Math.round(left / metrics.column);
  const y = Math.round(top / metrics.row);
  return {
    x: Math.min(Math.max(x, 0), GRID_COLUMNS - item.w),
    y: Math.min(Math.max(y, 0), 1000 - item.h),
  };
}

/** The size a tile's corner handle sets: its new pixel size to whole columns and rows, kept in the grid. */
export function sizeAt(
  metrics: GridMetrics,
  width: number,
  height: number,
  item: DashboardItem,
): { w: number; h: number } {
  const w = Math.round((width + metrics.gap) / metrics.column);
  const h = Math.round((height + metrics.gap) / metrics.row);
  return {
    w: Math.min(Math.max(w, 1), GRID_COLUMNS - item.x),
    h: Math.min(Math.max(h, 1), MAX_HEIGHT),
  };
}

/** CSS grid placement of an item (desktop). */
export function gridPlacement(item: DashboardItem): { column: string; row: string } {
  const x = Math.min(Math.max(Math.trunc(item.x), 0), GRID_COLUMNS - 1);
  const w = Math.min(Math.max(Math.trunc(item.w), 1), GRID_COLUMNS - x);
  const y = Math.max(Math.trunc(item.y), 0);
  const h = Math.max(Math.trunc(item.h), 1);
  return { column: `${x + 1} / span ${w}`, row: `${y + 1} / span ${h}` };
}
