import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldRef, FormDocument } from '../utils/form-schema.types.js';
import {
  createHistory,
  pushHistory,
  redoHistory,
  resetHistory,
  undoHistory,
  type History,
} from '../utils/history.util.js';

export interface FormEditor {
  doc: FormDocument;
  selected: FieldRef | null;
  select: (ref: FieldRef | null) => void;
  /** Records an edit; edits with the same `key` in a row are one undo step (typing in one input). */
  apply: (next: FormDocument, key?: string) => void;
  /** Replaces the state without undo (after loading). */
  reset: (doc: FormDocument) => void;
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

/** The designer's editing state: the document with undo/redo (buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y). */
export function useFormEditor(initial: FormDocument): FormEditor {
  const [history, setHistory] = useState<History<FormDocument>>(() => createHistory(initial));
  const [selected, setSelected] = useState<FieldRef | null>(null);

  const apply = useCallback(
    (next: FormDocument, key?: string) => setHistory((h) => pushHistory(h, next, key)),
    [],
  );
  const reset = useCallback((doc: FormDocument) => setHistory(resetHistory(doc)), []);
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

  return useMemo(
    () => ({
      doc: history.present,
      selected,
      select: setSelected,
      apply,
      reset,
      undo,
      redo,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
    }),
    [history, selected, apply, reset, undo, redo],
  );
}
