import { describe, expect, it } from '@jest/globals';
import { addItem, flow, moveItem, removeItem, resizeItem } from './dashboard-layout.util.js';

describe('dashboard-layout.util', () => {
  it('should pack items left to right and wrap when a row is full', () => {
    const items = flow([
      { report: 'a', x: 0, y: 0, w: 6, h: 4 },
      { report: 'b', x: 0, y: 0, w: 4, h: 3 },
      { report: 'c', x: 0, y: 0, w: 6, h: 4 },
    ]);
    expect(items.map(({ x, y }) => [x, y])).toEqual([
      [0, 0],
      [6, 0],
      [0, 4],
    ]);
  });

  it('should add, move, resize and remove items in reading order', () => {
    // given two reports side by side
    let items = addItem(addItem([], 'total', 3), 'by-type');
    expect(items).toEqual([
      { report: 'total', x: 0, y: 0, w: 3, h: 4 },
      { report: 'by-type', x: 3, y: 0, w: 6, h: 4 },
    ]);

    // when the second moves up, becomes full width and taller
    items = moveItem(items, 1, -1);
    items = resizeItem(items, 0, { w: 12, h: 6 });

    // then it fills the first row and the other goes below
    expect(items).toEqual([
      { report: 'by-type', x: 0, y: 0, w: 12, h: 6 },
      { report: 'total', x: 0, y: 6, w: 3, h: 4 },
    ]);
    expect(removeItem(items, 0)).toEqual([{ report: 'total', x: 0, y: 0, w: 3, h: 4 }]);
    expect(moveItem(items, 0, -1)).toEqual(items);
  });
});
