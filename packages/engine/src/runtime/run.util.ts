import { evaluate, LogicError, truthy, type JsonLogic } from '@careloom/logic';
import type { ElementDefinition, ValueExpression } from '../definition/definition.types.js';
import type { HistoryEvent } from '../effects.js';
import { EngineError } from '../errors.js';
import type { Incident, Token } from '../state/state.types.js';
import type { Run } from './run.types.js';

/** Deterministic id: `<instanceId>-<kind><counter>`. */
export const nextId = (run: Run, kind: string): string => {
  run.state.counter += 1;
  return `${run.instanceId}-${kind}${run.state.counter}`;
};

export const elementOf = (run: Run, elementId: string): ElementDefinition => {
  const element = run.definition.elements[elementId];
  if (!element) {
    throw new EngineError('bad-definition', `element ${elementId} is not in the definition`, elementId);
  }
  return element;
};

export const findToken = (run: Run, tokenId: string): Token | undefined =>
  run.state.tokens.find((token) => token.id === tokenId);

export const childTokens = (run: Run, parentId: string | null): Token[] =>
  run.state.tokens.filter((token) => token.parentId === parentId);

export const createToken = (
  run: Run,
  elementId: string,
  parentId: string | null,
  extra: Partial<Token> = {},
): Token => {
  const token: Token = { id: nextId(run, 't'), elementId, parentId, ...extra };
  run.state.tokens.push(token);
  return token;
};

export const removeToken = (run: Run, tokenId: string): void => {
  run.state.tokens = run.state.tokens.filter((token) => token.id !== tokenId);
};

export const history = (
  run: Run,
  elementId: string,
  elementType: string,
  event: HistoryEvent,
  tokenId?: string,
): void => {
  run.effects.push({
    type: 'history',
    at: run.now,
    elementId,
    elementType,
    event,
    ...(tokenId === undefined ? {} : { tokenId }),
  });
};

/** Variables visible to a token: process variables overlaid by the locals of its scope chain. */
export const visibleVariables = (run: Run, token: Token | null): Record<string, unknown> => {
  const chain: Token[] = [];
  let current: Token | undefined = token ?? undefined;
  while (current) {
    chain.unshift(current);
    current = current.parentId === null ? undefined : findToken(run, current.parentId);
  }
  const result: Record<string, unknown> = { ...run.state.variables };
  for (const item of chain) {
    Object.assign(result, item.variables ?? {});
  }
  return result;
};

/** Writes variables into the nearest enclosing scope (starting at `token`) that declares them, else the process. */
export const setVariables = (run: Run, token: Token | null, values: Record<string, unknown>): void => {
  for (const [name, value] of Object.entries(values)) {
    let current: Token | undefined = token ?? undefined;
    let written = false;
    while (current) {
      if (current.variables && Object.hasOwn(current.variables, name)) {
        current.variables[name] = value;
        written = true;
        break;
      }
      current = current.parentId === null ? undefined : findToken(run, current.parentId);
    }
    if (!written) {
      run.state.variables[name] = value;
    }
  }
};

/** Thrown inside a step when a model expression cannot be evaluated; turned into an incident. */
export class EvaluationFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationFailure';
  }
}

const readPath = (data: Record<string, unknown>, path: string): unknown => {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
};

export const evaluateLogic = (run: Run, logic: JsonLogic, data: Record<string, unknown>): unknown => {
  try {
    return evaluate(logic, data, { now: run.now, timeZone: run.timeZone });
  } catch (error) {
    if (error instanceof LogicError) {
      throw new EvaluationFailure(`${error.code}: ${error.message}`);
    }
    throw new EvaluationFailure(error instanceof Error ? error.message : String(error));
  }
};

export const evaluateCondition = (run: Run, logic: JsonLogic, data: Record<string, unknown>): boolean =>
  truthy(evaluateLogic(run, logic, data));

export const evaluateExpression = (
  run: Run,
  expression: ValueExpression,
  data: Record<string, unknown>,
): unknown => {
  switch (expression.type) {
    case 'literal':
      return expression.value;
    case 'logic':
      return evaluateLogic(run, expression.logic, data);
    case 'variable': {
      const value = readPath(data, expression.name);
      return expression.negate === true ? !truthy(value) : value;
    }
  }
};

export const evaluateString = (
  run: Run,
  expression: ValueExpression | null,
  data: Record<string, unknown>,
): string | undefined => {
  if (!expression) {
    return undefined;
  }
  const value = evaluateExpression(run, expression, data);
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  throw new EvaluationFailure(`expected a text value, got ${JSON.stringify(value)}`);
};

export const evaluateList = (
  run: Run,
  expression: ValueExpression | null,
  data: Record<string, unknown>,
): string[] => {
  if (!expression) {
    return [];
  }
  const value = evaluateExpression(run, expression, data);
  if (Array.isArray(value)) {
    return value.map((item) => String(item));
  }
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  return value === undefined || value === null ? [] : [JSON.stringify(value)];
};

/** Blocks a token with an incident; `retry` repeats `operation`. */
export const raiseIncident = (
  run: Run,
  token: Token,
  message: string,
  operation: Incident['operation'],
): void => {
  const incident: Incident = {
    id: nextId(run, 'i'),
    tokenId: token.id,
    elementId: token.elementId,
    message,
    operation,
  };
  token.incidentId = incident.id;
  run.state.incidents.push(incident);
  run.state.status = 'incident';
  run.effects.push({ type: 'incident', incidentId: incident.id, elementId: token.elementId, message });
};

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
