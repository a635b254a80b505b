import { useCallback, useEffect, useState } from 'react';
import {
  createHistory,
  pushHistory,
  redoHistory,
  resetHistory,
  undoHistory,
  type History,
} from './history.util.js';

export interface Undoable<T> {
  state: T;
  /** Records an edit; edits with the same `key` in a row are one undo step (typing in one input). */
  apply: (next: T, key?: string) => void;
  /** Replaces the state without undo (after loading). */
  reset: (next: T) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** An editor's state with undo/redo, also on Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y outside text inputs. */
export function useUndoable<T>(initial: T): Undoable<T> {
  const [history, setHistory] = useState<History<T>>(() => createHistory(initial));
  const apply = useCallback((next: T, key?: string) => setHistory((h) => pushHistory(h, next, key)), []);
  const reset = useCallback((next: T) => setHistory(resetHistory(next)), []);
  const undo = useCallback(() => setHistory(undoHistory), []);
  const redo = useCallback(() => setHistory(redoHistory), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // inside a text input the browser's own undo applies
      if (!(event.ctrlKey || event.metaKey) || isEditable(event.target)) {
        return;
      }
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return {
    state: history.present,
    apply,
    reset,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
  };
}
