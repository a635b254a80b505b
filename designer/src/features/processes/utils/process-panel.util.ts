import type { ModdleElement } from './bpmn-model.types.js';
import { valueProblem, VARIABLE_NAME, type PanelProblem } from './io-parameters.util.js';

/** A countersign mode as `careloom:countersign` writes it (`all`, `any`, `sequential`, `percent:N`). */
export type CountersignChoice =
  { mode: 'all' } | { mode: 'any' } | { mode: 'sequential' } | { mode: 'percent'; percent: number };

export type CountersignModeName = CountersignChoice['mode'];

const COUNTERSIGN = /^(all|any|sequential|percent:(\d{1,3}))$/;

/** The mode of a `careloom:countersign` text, as the engine reads it; null when absent or not one of them. */
export function readCountersign(text: string): CountersignChoice | null {
  const match = COUNTERSIGN.exec(text.trim());
  if (!match) {
    return null;
  }
  const [, mode, percent] = match;
  if (percent !== undefined) {
    const value = Number(percent);
    return value >= 1 && value <= 100 ? { mode: 'percent', percent: value } : null;
  }
  return mode === 'all' || mode === 'any' || mode === 'sequential' ? { mode } : null;
}

/** The attribute text of a mode; a percentage is rounded and kept within 1–100. */
export function writeCountersign(choice: CountersignChoice): string {
  if (choice.mode !== 'percent') {
    return choice.mode;
  }
  const percent = Math.min(100, Math.max(1, Math.round(choice.percent)));
  return `percent:${percent}`;
}

/** Who signs: a process variable holding the list (`${signers}`), a fixed list of user names, or other text. */
export type Signers =
  | { kind: 'variable'; name: string }
  | { kind: 'users'; users: string[] }
  | { kind: 'expression'; text: string };

const VARIABLE = /^\$\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}$/;

/** Reads `camunda:collection`: `${var}`, `=["a","b"]` (a JSON Logic array of names) or anything else. */
export function readSigners(collection: string): Signers {
  const text = collection.trim();
  const variable = VARIABLE.exec(text);
  if (variable) {
    return { kind: 'variable', name: variable[1] ?? '' };
  }
  if (text.startsWith('=')) {
    try {
      const parsed: unknown = JSON.parse(text.slice(1));
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) {
        return { kind: 'users', users: parsed };
      }
    } catch {
      // not JSON: an expression the panel shows as text
    }
  }
  return text === '' ? { kind: 'variable', name: '' } : { kind: 'expression', text };
}

/** The `camunda:collection` text of signers ('' when there is nothing to write). */
export function writeSigners(signers: Signers): string {
  switch (signers.kind) {
    case 'variable':
      return signers.name.trim() === '' ? '' : `\${${signers.name.trim()}}`;
    case 'users': {
      const users = [...new Set(signers.users.map((user) => user.trim()).filter((user) => user !== ''))];
      return users.length === 0 ? '' : `=${JSON.stringify(users)}`;
    }
    case 'expression':
      return signers.text.trim();
  }
}

/** A message key and its parameters for the sentence under the countersign settings. */
export interface CountersignSentence {
  key: string;
  params: Record<string, string | number>;
}

/**
 * The reading of a countersign ("3 人中 60% 同意即通过"): `total` is the number of signers when known (a fixed
 * list), otherwise null. For a percentage with a known total, `needed` is how many approvals pass.
 */
export function countersignSentence(choice: CountersignChoice, total: number | null): CountersignSentence {
  const known = total !== null && total > 0;
  const suffix = known ? 'Known' : 'Unknown';
  const params: Record<string, string | number> = known ? { total } : {};
  if (choice.mode === 'percent') {
    params.percent = choice.percent;
    if (known) {
      params.needed = Math.ceil((total * choice.percent) / 100);
    }
  }
  return { key: `pe.sign.sentence.${choice.mode}${suffix}`, params };
}

/** Where the instances of a multi-instance task come from: a list (variable, users, expression) or a count. */
export type LoopSourceKind = Signers['kind'] | 'count';

/** The source the model holds: `camunda:collection` first (as the engine reads it), else `loopCardinality`. */
export function loopSourceKind(collection: string, cardinality: string): LoopSourceKind | null {
  if (collection.trim() !== '') {
    return readSigners(collection).kind;
  }
  return cardinality.trim() === '' ? null : 'count';
}

/** The most instances the engine starts for one task. */
export const MAX_INSTANCES = 1000;

/** How many instances a fixed source makes (named users, a whole-number count); null when known at run time. */
export function knownTotal(collection: string, cardinality: string): number | null {
  const kind = loopSourceKind(collection, cardinality);
  if (kind === 'users') {
    const signers = readSigners(collection);
    return signers.kind === 'users' ? signers.users.length : null;
  }
  if (kind === 'count' && /^\d+$/.test(cardinality.trim())) {
    return Number(cardinality.trim());
  }
  return null;
}

export interface LoopSettings {
  collection: string;
  cardinality: string;
  elementVariable: string;
  outputCollection: string;
  assignee: string;
}

/** What the engine would refuse (or run wrongly) in a multi-instance task's settings. */
export function loopProblems(settings: LoopSettings, locale: 'zh-CN' | 'en'): PanelProblem[] {
  const problems: PanelProblem[] = [];
  const collection = settings.collection.trim();
  const cardinality = settings.cardinality.trim();
  if (collection === '' && cardinality === '') {
    problems.push({ key: 'pe.mi.needSource' });
  }
  if (collection !== '') {
    const problem = valueProblem(collection, locale);
    if (problem) {
      problems.push(problem);
    }
  } else if (cardinality !== '') {
    if (/^\d+$/.test(cardinality)) {
      if (Number(cardinality) > MAX_INSTANCES) {
        problems.push({ key: 'pe.mi.tooMany', params: { max: MAX_INSTANCES } });
      }
    } else if (cardinality.startsWith('=') || cardinality.startsWith('${')) {
      const problem = valueProblem(cardinality, locale);
      if (problem) {
        problems.push(problem);
      }
    } else {
      problems.push({ key: 'pe.mi.countInvalid' });
    }
    const element = settings.elementVariable.trim();
    if (element !== '' && settings.assignee.replace(/\s/g, '') === `\${${element}}`) {
      problems.push({ key: 'pe.mi.assigneeNeedsList', params: { variable: element } });
    }
  }
  const output = settings.outputCollection.trim();
  if (output !== '' && !VARIABLE_NAME.test(output)) {
    problems.push({ key: 'pe.mi.outputInvalid', params: { name: output } });
  }
  return problems;
}

/**
 * The reading of a multi-instance task's end: the countersign sentence for a mode, "everyone completes" without
 * a mode or completion condition, nothing for a hand-written completion condition.
 */
export function loopSentence(
  choice: CountersignChoice | null,
  hasCompletionCondition: boolean,
  total: number | null,
): CountersignSentence | null {
  if (choice) {
    return countersignSentence(choice, total);
  }
  if (hasCompletionCondition) {
    return null;
  }
  return total !== null && total > 0
    ? { key: 'pe.mi.sentence.allDoneKnown', params: { total } }
    : { key: 'pe.mi.sentence.allDoneUnknown', params: {} };
}

/** The message event definition of an event, if it has one. */
export function messageDefinition(bo: ModdleElement): ModdleElement | undefined {
  return bo.eventDefinitions?.find((definition) => definition.$type === 'bpmn:MessageEventDefinition');
}

/** The bpmn:Message root elements of the definitions. */
export function messagesOf(definitions: ModdleElement): ModdleElement[] {
  const roots = definitions.get('rootElements');
  return Array.isArray(roots)
    ? (roots as ModdleElement[]).filter((root) => root.$type === 'bpmn:Message')
    : [];
}

/**
 * What naming a referenced root element (a message by name, an error by code) does: refer to one that
 * already has it, change the event's own one when no other event refers to it, or create a new one.
 */
export type ReferencePlan =
  | { action: 'none' }
  | { action: 'clear' }
  | { action: 'use'; target: ModdleElement }
  | { action: 'rename'; target: ModdleElement }
  | { action: 'create'; id: string };

export function planReference(
  wanted: string,
  current: ModdleElement | undefined,
  candidates: readonly ModdleElement[],
  /** How many event definitions refer to `current` (this one included). */
  currentUses: number,
  keyOf: (candidate: ModdleElement) => string,
  idPrefix: string,
): ReferencePlan {
  const key = wanted.trim();
  if (key === '') {
    return current ? { action: 'clear' } : { action: 'none' };
  }
  if (current && keyOf(current) === key) {
    return { action: 'none' };
  }
  const existing = candidates.find((candidate) => keyOf(candidate) === key);
  if (existing) {
    return { action: 'use', target: existing };
  }
  if (current && currentUses <= 1) {
    return { action: 'rename', target: current };
  }
  return { action: 'create', id: freeId(idPrefix, key, candidates) };
}

/** A free `<prefix>_<key>` id (letters, digits, `_`, `-`, `.` kept). */
export function freeId(prefix: string, key: string, taken: readonly ModdleElement[]): string {
  const base = `${prefix}_${key.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || prefix.toLowerCase()}`;
  const ids = new Set(taken.map((element) => element.id));
  let id = base;
  for (let n = 2; ids.has(id); n += 1) {
    id = `${base}_${n}`;
  }
  return id;
}

/**
 * What naming an event's message does: use the message that already has the name, rename the event's own
 * message when no other event refers to it, or create a new message.
 */
export type MessagePlan =
  | { action: 'none' }
  | { action: 'clear' }
  | { action: 'use'; message: ModdleElement }
  | { action: 'rename'; message: ModdleElement }
  | { action: 'create'; id: string };

export function planMessage(
  name: string,
  current: ModdleElement | undefined,
  messages: readonly ModdleElement[],
  /** How many message event definitions refer to `current` (this one included). */
  currentUses: number,
): MessagePlan {
  const plan = planReference(
    name,
    current,
    messages,
    currentUses,
    (message) => message.name ?? '',
    'Message',
  );
  switch (plan.action) {
    case 'use':
    case 'rename':
      return { action: plan.action, message: plan.target };
    case 'none':
    case 'clear':
    case 'create':
      return plan;
  }
}

/** A free `Message_<name>` id (letters, digits, `_`, `-`, `.` kept). */
export function messageId(name: string, messages: readonly ModdleElement[]): string {
  return freeId('Message', name, messages);
}

/** One `camunda:in` / `camunda:out` of a call activity. */
export interface CallMapping {
  source: string;
  target: string;
}

/** The variables a call activity passes to the called process (`in`) and takes back (`out`). */
export interface CallMappings {
  inAll: boolean;
  outAll: boolean;
  in: CallMapping[];
  out: CallMapping[];
}

const isMapping = (value: ModdleElement, direction: 'in' | 'out'): boolean =>
  value.$type.toLowerCase() === `camunda:${direction}`;

const text = (value: ModdleElement, name: string): string => {
  const read = value.get(name);
  return typeof read === 'string' ? read : '';
};

/** Extension values of an element (`bpmn:extensionElements/values`). */
export function extensionValuesOf(bo: ModdleElement): ModdleElement[] {
  const extensions = bo.get('extensionElements') as ModdleElement | undefined;
  const values = extensions?.get('values');
  return Array.isArray(values) ? (values as ModdleElement[]) : [];
}

/** Reads `camunda:in` / `camunda:out`: `variables="all"`, or `source` (or `sourceExpression`) → `target`. */
export function readCallMappings(values: readonly ModdleElement[]): CallMappings {
  const result: CallMappings = { inAll: false, outAll: false, in: [], out: [] };
  for (const direction of ['in', 'out'] as const) {
    for (const value of values.filter((item) => isMapping(item, direction))) {
      if (text(value, 'variables') === 'all') {
        result[direction === 'in' ? 'inAll' : 'outAll'] = true;
        continue;
      }
      result[direction].push({
        source: text(value, 'source') || text(value, 'sourceExpression'),
        target: text(value, 'target'),
      });
    }
  }
  return result;
}

/** The attributes of one `camunda:in`/`camunda:out`: `${…}` and `=…` sources become `sourceExpression`. */
export function mappingAttributes(mapping: CallMapping): Record<string, string> {
  const source = mapping.source.trim();
  const target = mapping.target.trim() || source;
  const expression = source.startsWith('=') || source.startsWith('${');
  return expression ? { sourceExpression: source, target } : { source, target };
}

/** The mappings to write, in order: `all` first, then the rows with a source. */
export function mappingsToWrite(
  mappings: CallMappings,
): { direction: 'in' | 'out'; attributes: Record<string, string> }[] {
  const result: { direction: 'in' | 'out'; attributes: Record<string, string> }[] = [];
  for (const direction of ['in', 'out'] as const) {
    if (direction === 'in' ? mappings.inAll : mappings.outAll) {
      result.push({ direction, attributes: { variables: 'all' } });
    }
    for (const mapping of mappings[direction]) {
      if (mapping.source.trim() !== '') {
        result.push({ direction, attributes: mappingAttributes(mapping) });
      }
    }
  }
  return result;
}

/** What mappings write, as text: equal texts mean the model already holds them (see `useModelDraft`). */
export function callMappingsKey(mappings: CallMappings): string {
  return JSON.stringify(mappingsToWrite(mappings));
}

/** Extension values other than call mappings (kept when the mappings are rewritten). */
export function otherExtensionValues(values: readonly ModdleElement[]): ModdleElement[] {
  return values.filter((value) => !isMapping(value, 'in') && !isMapping(value, 'out'));
}
