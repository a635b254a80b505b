import { checkLogic } from '@careloom/logic';
import type { ModdleElement } from './bpmn-model.types.js';

/** A message key of the panel and its parameters (translated by the component). */
export interface PanelProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** A generic (descriptor-less) element as moddle reads `camunda:*` extension elements. */
export interface GenericElement extends ModdleElement {
  $body?: string;
  $children?: ModdleElement[];
}

/** One `camunda:inputParameter` / `camunda:outputParameter`: a name and its value text. */
export interface IoRow {
  name: string;
  value: string;
  /** A `camunda:list` / `camunda:map` / `camunda:script` child (the engine refuses it), kept as it was. */
  definition?: ModdleElement;
}

export interface IoParameters {
  inputs: IoRow[];
  outputs: IoRow[];
}

const VARIABLE = /^\$\{\s*(!?)\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}$/;

export const isInputOutput = (value: ModdleElement): boolean =>
  value.$type.toLowerCase() === 'camunda:inputoutput';

const childrenOf = (value: ModdleElement): ModdleElement[] => {
  const children = (value as GenericElement).$children;
  return Array.isArray(children) ? children : [];
};

const rowOf = (parameter: ModdleElement): IoRow => {
  const name = parameter.get('name');
  const body = (parameter as GenericElement).$body;
  const [definition] = childrenOf(parameter);
  return {
    name: typeof name === 'string' ? name : '',
    value: typeof body === 'string' ? body : '',
    ...(definition ? { definition } : {}),
  };
};

/** Reads every `camunda:inputOutput` of an element's extension values (the engine reads them all). */
export function readIoParameters(values: readonly ModdleElement[]): IoParameters {
  const result: IoParameters = { inputs: [], outputs: [] };
  for (const io of values.filter(isInputOutput)) {
    for (const parameter of childrenOf(io)) {
      const type = parameter.$type.toLowerCase();
      if (type === 'camunda:inputparameter') {
        result.inputs.push(rowOf(parameter));
      } else if (type === 'camunda:outputparameter') {
        result.outputs.push(rowOf(parameter));
      }
    }
  }
  return result;
}

/** One parameter to write, in order: inputs first; rows without a name are left out. */
export interface IoParameterToWrite {
  direction: 'input' | 'output';
  name: string;
  value: string;
  definition?: ModdleElement;
}

export function ioToWrite(io: IoParameters): IoParameterToWrite[] {
  const result: IoParameterToWrite[] = [];
  for (const direction of ['input', 'output'] as const) {
    for (const row of direction === 'input' ? io.inputs : io.outputs) {
      const name = row.name.trim();
      if (name === '') {
        continue;
      }
      result.push({
        direction,
        name,
        value: row.value,
        ...(row.definition ? { definition: row.definition } : {}),
      });
    }
  }
  return result;
}

/** What is written, as text: equal texts mean the model already holds these rows (see `useModelDraft`). */
export function ioKey(io: IoParameters): string {
  return JSON.stringify(
    ioToWrite(io).map((row) => [row.direction, row.name, row.value, row.definition?.$type ?? null]),
  );
}

/** Extension values other than `camunda:inputOutput` (kept when the parameters are rewritten). */
export function otherThanInputOutput(values: readonly ModdleElement[]): ModdleElement[] {
  return values.filter((value) => !isInputOutput(value));
}

/**
 * Why the engine would refuse a value (`parseValueExpression`): `=` needs valid JSON Logic, `${…}` must name
 * one variable (no negation outside conditions), other `${…}` / `#{…}` expressions (JUEL) are not run.
 */
export function valueProblem(raw: string, locale: 'zh-CN' | 'en'): PanelProblem | null {
  const text = raw.trim();
  if (text.startsWith('=')) {
    let logic: unknown;
    try {
      logic = JSON.parse(text.slice(1)) as unknown;
    } catch {
      return { key: 'pe.value.notJson' };
    }
    const issue = checkLogic(logic).find((item) => item.severity === 'error');
    return issue ? { key: 'pe.value.logic', params: { reason: issue.messages[locale] } } : null;
  }
  const variable = VARIABLE.exec(text);
  if (variable) {
    return variable[1] === '!' ? { key: 'pe.value.negation' } : null;
  }
  return text.includes('${') || text.includes('#{') ? { key: 'pe.value.unsupported' } : null;
}

/** A variable name as a parameter or list variable: no spaces, braces, dots or `$`. */
export const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

/** The problem of each row (null when fine): missing or repeated names, refused definitions and values. */
export function ioRowProblems(rows: readonly IoRow[], locale: 'zh-CN' | 'en'): (PanelProblem | null)[] {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const name = row.name.trim();
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return rows.map((row) => {
    const name = row.name.trim();
    if (name === '') {
      return row.value.trim() === '' && !row.definition ? null : { key: 'pe.io.nameRequired' };
    }
    if (!VARIABLE_NAME.test(name)) {
      return { key: 'pe.io.nameInvalid', params: { name } };
    }
    if ((seen.get(name) ?? 0) > 1) {
      return { key: 'pe.io.nameDuplicate', params: { name } };
    }
    if (row.definition) {
      return { key: 'pe.io.definition' };
    }
    return valueProblem(row.value, locale);
  });
}
