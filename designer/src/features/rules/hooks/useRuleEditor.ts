import { useCallback, useEffect, useState } from 'react';
import {
  createHistory,
  pushHistory,
  redoHistory,
  resetHistory,
  undoHistory,
  type History,
} from '../../forms/utils/history.util.js';
import type { RuleEditorState } from '../utils/rule.types.js';

/** The rule being edited with undo/redo (typing in one input is one step); Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
export function useRuleEditor(initial: RuleEditorState) {
  const [history, setHistory] = useState<History<RuleEditorState>>(() => createHistory(initial));
  const apply = useCallback(
    (next: RuleEditorState, key?: string) => setHistory((current) => pushHistory(current, next, key)),
    [],
  );
  const undo = useCallback(() => setHistory(undoHistory), []);
  const redo = useCallback(() => setHistory(redoHistory), []);
  const reset = useCallback((next: RuleEditorState) => setHistory(resetHistory(next)), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
      ) {
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) {
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
    undo,
    redo,
    reset,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
  };
}
