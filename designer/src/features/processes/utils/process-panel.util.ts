import type { ModdleElement } from './bpmn-model.types.js';

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
  const wanted = name.trim();
  if (wanted === '') {
    return current ? { action: 'clear' } : { action: 'none' };
  }
  if (current?.name === wanted) {
    return { action: 'none' };
  }
  const existing = messages.find((message) => message.name === wanted);
  if (existing) {
    return { action: 'use', message: existing };
  }
  if (current && currentUses <= 1) {
    return { action: 'rename', message: current };
  }
  return { action: 'create', id: messageId(wanted, messages) };
}

/** A free `Message_<name>` id (letters, digits, `_`, `-`, `.` kept). */
export function messageId(name: string, messages: readonly ModdleElement[]): string {
  const base = `Message_${name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'message'}`;
  const taken = new Set(messages.map((message) => message.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) {
    id = `${base}_${n}`;
  }
  return id;
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

/** Extension values other than call mappings (kept when the mappings are rewritten). */
export function otherExtensionValues(values: readonly ModdleElement[]): ModdleElement[] {
  return values.filter((value) => !isMapping(value, 'in') && !isMapping(value, 'out'));
}
