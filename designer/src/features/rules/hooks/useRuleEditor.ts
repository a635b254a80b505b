import { useUndoable } from '../../../shared/undo/useUndoable.js';
import type { RuleEditorState } from '../utils/rule.types.js';

/** The rule being edited with undo/redo (typing in one input is one step); Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
export const useRuleEditor = (initial: RuleEditorState) => useUndoable(initial);
