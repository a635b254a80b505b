// The dashboard grid: 12 columns on a desk (the spec's x/y/w/h), one column on a phone (reading order).
import type { DashboardSpec } from '@careloom/contracts';

export type GridItem = DashboardSpec['items'][number];

export const GRID_COLUMNS = 12;
/** Height of one grid row unit in CSS pixels on a desk. */
export const GRID_ROW_PX = 80;

/** Items in reading order: top to bottom, then left to right (the order on a phone and for a screen reader). */
export function readingOrder<T extends GridItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** CSS grid placement of an item, clamped into the 12 columns. */
export function gridPlacement(item: GridItem): { column: string; row: string } {
  const x = Math.min(Math.max(Math.trunc(item.x), 0), GRID_COLUMNS - 1);
  const w = Math.min(Math.max(Math.trunc(item.w), 1), GRID_COLUMNS - x);
  const y = Math.max(Math.trunc(item.y), 0);
  const h = Math.max(Math.trunc(item.h), 1);
  return { column: `${x + 1} / span ${w}`, row: `${y + 1} / span ${h}` };
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where each item goes on a picture of the dashboard `width` pixels wide (the PNG export): the desk grid,
 * scaled, with `gap` between cells and `top` pixels left free for the title line.
 */
export function pictureLayout(
  items: readonly GridItem[],
  options: { width: number; rowHeight: number; gap: number; top: number },
): { rects: Rect[]; height: number } {
  const { width, rowHeight, gap, top } = options;
  const column = (width - gap) / GRID_COLUMNS;
  let bottom = top;
  const rects = items.map((item) => {
    const x = Math.min(Math.max(Math.trunc(item.x), 0), GRID_COLUMNS - 1);
    const w = Math.min(Math.max(Math.trunc(item.w), 1), GRID_COLUMNS - x);
    const y = Math.max(Math.trunc(item.y), 0);
    const h = Math.max(Math.trunc(item.h), 1);
    const rect = {
      left: Math.round(gap + x * column),
      top: Math.round(top + y * rowHeight + gap),
      width: Math.round(w * column - gap),
      height: Math.round(h * rowHeight - gap),
    };
    bottom = Math.max(bottom, rect.top + rect.height);
    return rect;
  });
  return { rects, height: bottom + gap };
}
