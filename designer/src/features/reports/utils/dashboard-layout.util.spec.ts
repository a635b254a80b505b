import { describe, expect, it } from '@jest/globals';
import {
  addItem,
  cellAt,
  clampItem,
  compact,
  moveItem,
  moveItemTo,
  overlaps,
  removeItem,
  resizeItem,
  sameLayout,
  settle,
  sizeAt,
} from './dashboard-layout.util.js';
import type { DashboardItem } from './report.types.js';

const item = (report: string, x: number, y: number, w: number, h: number): DashboardItem => ({
  report,
  x,
  y,
  w,
  h,
});
const places = (items: DashboardItem[]) =>
  items.map(({ report, x, y, w, h }) => `${report}@${x},${y} ${w}x${h}`);
const noOverlap = (items: DashboardItem[]) =>
  items.every((a, i) => items.every((b, j) => i === j || !overlaps(a, b)));

describe('dashboard-layout.util', () => {
  describe('adding, removing and the move up/down and size controls', () => {
    it('should add side by side, then below when a row is full', () => {
      // given a quarter-width number card
      let items = addItem([], 'total', 3);

      // when a half-width chart and another half-width chart are added
      items = addItem(items, 'by-type');
      items = addItem(items, 'trend');

      // then the first fits beside the card and the second starts the next row
      expect(places(items)).toEqual(['total@0,0 3x4', 'by-type@3,0 6x4', 'trend@0,4 6x4']);
    });

    it('should fill the free place after the last item, not a hole above it', () => {
      // given a tall item on the left and a short one on the right
      const items = [item('tall', 0, 0, 6, 8), item('short', 6, 0, 6, 4)];

      // when a half-width item is added
      const added = addItem(items, 'new');

      // then it goes under the short one, beside the tall one
      expect(places(added)).toContain('new@6,4 6x4');
    });

    it('should swap an item with its reading-order neighbour and keep the order on a phone', () => {
      // given a full-width item above two halves
      const items = [item('a', 0, 0, 12, 4), item('b', 0, 4, 6, 4), item('c', 6, 4, 6, 4)];

      // when c moves up twice
      const once = moveItem(items, 2, -1);
      const twice = moveItem(once, 1, -1);

      // then c takes b's place, then a's, and the others follow in their order
      expect(places(once)).toEqual(['a@0,0 12x4', 'c@0,4 6x4', 'b@6,4 6x4']);
      expect(places(twice)).toEqual(['c@0,0 6x4', 'a@0,4 12x4', 'b@6,8 6x4']);
      expect(moveItem(twice, 0, -1)).toEqual(twice);
      expect(moveItem(twice, 2, 1)).toEqual(twice);
    });

    it('should make room below a widened or taller item and close the gap when one is removed', () => {
      // given two halves side by side and one below
      const items = [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 4, 6, 4)];

      // when a becomes full width
      const wide = resizeItem(items, 0, { w: 12 });

      // then b goes down where it was in its column and c stays below a
      expect(places(wide)).toEqual(['a@0,0 12x4', 'c@0,4 6x4', 'b@6,4 6x4']);

      // when a is made 6 rows high, then removed
      const tall = resizeItem(wide, 0, { h: 6 });
      expect(places(tall)).toEqual(['a@0,0 12x6', 'c@0,6 6x4', 'b@6,6 6x4']);
      expect(places(removeItem(tall, 0))).toEqual(['c@0,0 6x4', 'b@6,0 6x4']);
    });

    it('should move an item left when a wider width no longer fits where it starts', () => {
      // given a quarter at the right edge
      const items = [item('a', 9, 0, 3, 4)];

      // when it becomes a half
      const resized = resizeItem(items, 0, { w: 6 });

      // then it ends at the right edge
      expect(places(resized)).toEqual(['a@6,0 6x4']);
    });
  });

  describe('dragging', () => {
    it('should swap two halves when one is dropped on the other', () => {
      // given two halves side by side
      const items = [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4)];

      // when a is dropped on b's place
      const moved = moveItemTo(items, 0, { x: 6, y: 0 });

      // then b takes a's old place
      expect(places(moved)).toEqual(['b@0,0 6x4', 'a@6,0 6x4']);
    });

    it('should keep a dropped item where it is put, with an empty column beside it', () => {
      // given two full-width items
      const items = [item('a', 0, 0, 12, 4), item('b', 0, 4, 12, 4)];

      // when b is narrowed and dropped at the right of the first row
      const narrow = resizeItem(items, 1, { w: 4 });
      const moved = moveItemTo(narrow, 1, { x: 8, y: 0 });

      // then it sits at the right of the first row and a goes below it, the left part of the row left empty
      expect(places(moved)).toEqual(['b@8,0 4x4', 'a@0,4 12x4']);
    });

    it('should let a dropped item slide the one it lands on to the right when that fits', () => {
      // given a quarter below two quarters
      const items = [item('a', 0, 0, 3, 4), item('b', 3, 0, 3, 4), item('c', 0, 4, 3, 4)];

      // when c is dropped on a
      const moved = moveItemTo(items, 2, { x: 0, y: 0 });

      // then a takes c's place (free once c left)
      expect(places(moved)).toEqual(['c@0,0 3x4', 'b@3,0 3x4', 'a@0,4 3x4']);

      // when a half is dropped at the start of a row of two quarters
      const row = [item('q1', 0, 0, 3, 2), item('q2', 3, 0, 3, 2), item('half', 6, 0, 6, 2)];
      const slid = moveItemTo(row, 2, { x: 0, y: 0 });

      // then the first quarter takes the half's old place and the second slides right past it
      expect(places(slid)).toEqual(['half@0,0 6x2', 'q1@6,0 3x2', 'q2@9,0 3x2']);
    });

    it('should push the ones below down and never overlap, whatever the drop', () => {
      // given a mixed layout
      const items = [
        item('a', 0, 0, 4, 3),
        item('b', 4, 0, 8, 5),
        item('c', 0, 3, 4, 4),
        item('d', 0, 7, 12, 2),
        item('e', 6, 9, 6, 6),
      ];

      // when each item is dropped on every cell of the first ten rows
      for (let index = 0; index < items.length; index += 1) {
        for (let y = 0; y < 10; y += 1) {
          for (let x = 0; x < 12; x += 1) {
            const moved = moveItemTo(items, index, { x, y });

            // then nothing overlaps, nothing is lost and the dropped item keeps its size and column
            expect(noOverlap(moved)).toBe(true);
            expect(moved.map((i) => i.report).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
            const dropped = moved.find((i) => i.report === items[index]!.report)!;
            expect([dropped.w, dropped.h]).toEqual([items[index]!.w, items[index]!.h]);
            expect(dropped.x).toBe(Math.min(x, 12 - dropped.w));
          }
        }
      }
    });

    it('should end where it began when dropped on its own place', () => {
      // given a compact layout
      const items = [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 4, 12, 4)];

      // when b is dropped where it is
      const moved = moveItemTo(items, 1, { x: 6, y: 0 });

      // then nothing changed
      expect(sameLayout(moved, items)).toBe(true);
      expect(sameLayout(moved, resizeItem(items, 1, { w: 5 }))).toBe(false);
    });

    it('should snap pixel positions and sizes to whole cells inside the grid', () => {
      // given columns 100 px apart, rows 92 px apart and a 12 px gap
      const metrics = { column: 100, row: 92, gap: 12 };
      const half = item('a', 2, 1, 6, 4);

      // then a corner at 240 px, 130 px is cell 2, 1, and one far right stays in the grid
      expect(cellAt(metrics, 240, 130, half)).toEqual({ x: 2, y: 1 });
      expect(cellAt(metrics, 1150, -50, half)).toEqual({ x: 6, y: 0 });

      // and a tile dragged to 288 × 356 px is 3 columns by 4 rows, never wider than from its column to the edge
      expect(sizeAt(metrics, 288, 356, half)).toEqual({ w: 3, h: 4 });
      expect(sizeAt(metrics, 5000, 5000, half)).toEqual({ w: 10, h: 24 });
      expect(sizeAt(metrics, 5, 5, half)).toEqual({ w: 1, h: 1 });
    });
  });

  describe('stored layouts', () => {
    it('should clamp numbers out of the grid and clear overlaps of a stored layout', () => {
      // given a stored layout with an item beyond the columns and two overlapping items
      expect(clampItem(item('a', 10, -2, 6, 30))).toEqual(item('a', 6, 0, 6, 24));
      const stored = [item('a', 0, 0, 6, 4), item('b', 3, 2, 6, 4), item('c', 0, 10, 12, 2)];

      // when it is settled
      const settled = settle(null, stored);

      // then b slides beside a (where it fits) and c rises to close the gap
      expect(places(settled)).toEqual(['a@0,0 6x4', 'b@6,0 6x4', 'c@0,4 12x2']);
      expect(places(compact([item('x', 0, 5, 6, 2)]))).toEqual(['x@0,0 6x2']);
    });
  });
});
