import { describe, expect, it } from '@jest/globals';
import { gridPlacement, pictureLayout, readingOrder } from './grid-layout.util.js';

const item = (report: string, x: number, y: number, w: number, h: number) => ({ report, x, y, w, h });

describe(readingOrder.name, () => {
  it('should order by row, then by column', () => {
    const items = [item('c', 0, 4, 12, 4), item('b', 6, 0, 6, 4), item('a', 0, 0, 6, 4)];
    expect(readingOrder(items).map((i) => i.report)).toEqual(['a', 'b', 'c']);
  });
});

describe(gridPlacement.name, () => {
  it('should place an item on the 12-column grid, one-based', () => {
    expect(gridPlacement(item('a', 6, 2, 6, 4))).toEqual({ column: '7 / span 6', row: '3 / span 4' });
  });

  it('should clamp items that stick out of the grid', () => {
    expect(gridPlacement(item('a', 10, -1, 6, 0))).toEqual({ column: '11 / span 2', row: '1 / span 1' });
  });
});

describe(pictureLayout.name, () => {
  it('should scale the grid onto the picture below its title line', () => {
    // given two half-width cards side by side and a full-width one under them
    const { rects, height } = pictureLayout(
      [item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2), item('c', 0, 2, 12, 1)],
      {
        width: 1210,
        rowHeight: 100,
        gap: 10,
        top: 50,
      },
    );

    // then columns are 100 px, cards keep a 10 px gap and the picture ends below the last card
    expect(rects).toEqual([
      { left: 10, top: 60, width: 590, height: 190 },
      { left: 610, top: 60, width: 590, height: 190 },
      { left: 10, top: 260, width: 1190, height: 90 },
    ]);
    expect(height).toBe(360);
  });
});
