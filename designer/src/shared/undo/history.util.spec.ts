import { describe, expect, it } from '@jest/globals';
import { createHistory, pushHistory, redoHistory, undoHistory } from './history.util.js';

describe('history', () => {
  it('should undo and redo in order when states were pushed', () => {
    // given 1 → 2 → 3
    let history = pushHistory(pushHistory(createHistory(1), 2), 3);

    // when undone twice, then redone once
    history = undoHistory(undoHistory(history));
    expect(history.present).toBe(1);
    history = redoHistory(history);

    // then
    expect(history.present).toBe(2);
    expect(history.future).toEqual([3]);
  });

  it('should merge edits with the same key into one step and drop the redo branch on a new edit', () => {
    let history = pushHistory(createHistory('a'), 'ab', 'label');
    history = pushHistory(history, 'abc', 'label');
    expect(history.past).toEqual(['a']);
    history = undoHistory(history);
    expect(history.present).toBe('a');
    history = pushHistory(history, 'x');
    expect(history.future).toEqual([]);
    expect(undoHistory(createHistory(1)).present).toBe(1);
    expect(redoHistory(createHistory(1)).present).toBe(1);
  });
});
