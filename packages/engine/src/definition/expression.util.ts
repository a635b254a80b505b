import { checkLogic, type JsonLogic } from '@careloom/logic';
import type { ValueExpression } from './definition.types.js';

export type ParsedExpression = { ok: true; value: ValueExpression } | { ok: false; en: string; zh: string };

const VARIABLE = /^\$\{\s*(!?)\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}$/;

/** Checks JSON Logic statically; returns the first error message or null. */
export const logicError = (logic: JsonLogic): { en: string; zh: string } | null => {
  const first = checkLogic(logic).find((item) => item.severity === 'error');
  return first ? { en: first.messages.en, zh: first.messages['zh-CN'] } : null;
};

const parseLogicText = (text: string): ParsedExpression => {
  let logic: JsonLogic;
  try {
    logic = JSON.parse(text) as JsonLogic;
  } catch {
    return { ok: false, en: `not valid JSON Logic: ${text}`, zh: `不是有效的 JSON Logic：${text}` };
  }
  const problem = logicError(logic);
  if (problem) {
    return { ok: false, en: `invalid JSON Logic: ${problem.en}`, zh: `JSON Logic 无效：${problem.zh}` };
  }
  return { ok: true, value: { type: 'logic', logic } };
};

/**
 * A model value: `=<JSON Logic>`, `${name}` (one variable), or a literal. Other `${…}`/`#{…}` expressions
 * (JUEL) are refused.
 */
export const parseValueExpression = (raw: string, allowNegation = false): ParsedExpression => {
  const text = raw.trim();
  if (text.startsWith('=')) {
    return parseLogicText(text.slice(1));
  }
  const variable = VARIABLE.exec(text);
  if (variable) {
    const negate = variable[1] === '!';
    if (negate && !allowNegation) {
      return {
        ok: false,
        en: `negation is only allowed in conditions: ${text}`,
        zh: `只有条件中允许取反：${text}`,
      };
    }
    return { ok: true, value: { type: 'variable', name: variable[2] ?? '', ...(negate ? { negate } : {}) } };
  }
  if (text.includes('${') || text.includes('#{')) {
    return {
      ok: false,
      en: `unsupported expression ${text}: use \${variable} or =<JSON Logic>`,
      zh: `不支持的表达式 ${text}：请使用 \${变量} 或 =<JSON Logic>`,
    };
  }
  return { ok: true, value: { type: 'literal', value: raw } };
};

export type ParsedCondition = { ok: true; logic: JsonLogic } | { ok: false; en: string; zh: string };

/** A sequence-flow condition: JSON Logic JSON (optionally after `=`), or `${var}` / `${!var}`. */
export const parseCondition = (raw: string): ParsedCondition => {
  const text = raw.trim();
  const variable = VARIABLE.exec(text);
  if (variable) {
    const read = { var: variable[2] ?? '' };
    return { ok: true, logic: variable[1] === '!' ? { '!': read } : read };
  }
  const parsed = parseLogicText(text.startsWith('=') ? text.slice(1) : text);
  if (!parsed.ok) {
    return {
      ok: false,
      en: `condition must be JSON Logic or \${var} / \${!var}: ${parsed.en}`,
      zh: `条件必须是 JSON Logic 或 \${变量} / \${!变量}：${parsed.zh}`,
    };
  }
  return parsed.value.type === 'logic'
    ? { ok: true, logic: parsed.value.logic }
    : { ok: false, en: 'bad condition', zh: '条件无效' };
};
