import { LIMITS } from './dialect.constants.js';

/**
 * A small heuristic against catastrophic backtracking (ReDoS). It parses the pattern and refuses:
 * - star height ≥ 2: a repeated group (unbounded or more than 10 times) holding an unbounded quantifier
 *   (`(a+)+`, `(.*)*`, `(\w+\s?)*`);
 * - a repeated group holding an alternation whose branches can start with the same character (`(a|a)*`, `(a|ab)+`).
 * It is conservative: some safe patterns (`([a-z]+\.)*`) are refused too and must be rewritten.
 */
export type RegexVerdict =
  | { type: 'safe' }
  | { type: 'invalid'; reason: string }
  | { type: 'unsafe'; reason: 'nested-quantifier' | 'overlapping-alternation' | 'too-complex' };

type CharSet = { kind: 'any' } | { kind: 'ranges'; ranges: ReadonlyArray<readonly [number, number]> };

type RegexNode =
  | { type: 'char'; set: CharSet }
  | { type: 'empty' }
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; options: RegexNode[] }
  | { type: 'repeat'; body: RegexNode; min: number; max: number };

const ANY: CharSet = { kind: 'any' };
const DIGIT: CharSet = { kind: 'ranges', ranges: [[48, 57]] };
const WORD: CharSet = {
  kind: 'ranges',
  ranges: [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122],
  ],
};
const SPACE: CharSet = {
  kind: 'ranges',
  ranges: [
    [9, 13],
    [32, 32],
    [160, 160],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
};
const MAX_NESTING = 64;

class TooComplexError extends Error {}

function single(code: number): CharSet {
  return { kind: 'ranges', ranges: [[code, code]] };
}

function union(a: CharSet, b: CharSet): CharSet {
  if (a.kind === 'any' || b.kind === 'any') {
    return ANY;
  }
  return { kind: 'ranges', ranges: [...a.ranges, ...b.ranges] };
}

function intersects(a: CharSet, b: CharSet): boolean {
  if (a.kind === 'any') {
    return b.kind === 'any' || b.ranges.length > 0;
  }
  if (b.kind === 'any') {
    return a.ranges.length > 0;
  }
  return a.ranges.some(([aLow, aHigh]) => b.ranges.some(([bLow, bHigh]) => aLow <= bHigh && bLow <= aHigh));
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.index < this.source.length) {
      throw new SyntaxError(`unexpected ')' at ${this.index}`);
    }
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.index];
  }

  private alternation(): RegexNode {
    const options: RegexNode[] = [this.sequence()];
    while (this.peek() === '|') {
      this.index += 1;
      options.push(this.sequence());
    }
    return options.length === 1 && options[0] !== undefined ? options[0] : { type: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    for (let char = this.peek(); char !== undefined && char !== '|' && char !== ')'; char = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return { type: 'seq', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    const char = this.peek();
    let bounds: [number, number] | undefined;
    if (char === '*') {
      bounds = [0, Infinity];
      this.index += 1;
    } else if (char === '+') {
      bounds = [1, Infinity];
      this.index += 1;
    } else if (char === '?') {
      bounds = [0, 1];
      this.index += 1;
    } else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (match !== null) {
        const min = Number(match[1]);
        const max =
          match[2] === undefined
            ? min
            : match[3] === '' || match[3] === undefined
              ? Infinity
              : Number(match[3]);
        bounds = [min, max];
        this.index += match[0].length;
      }
    }
    if (bounds === undefined) {
      return atom;
    }
    if (this.peek() === '?') {
      this.index += 1;
    }
    return this.quantified({ type: 'repeat', body: atom, min: bounds[0], max: bounds[1] });
  }

  private atom(): RegexNode {
    const char = this.peek() ?? '';
    this.index += 1;
    switch (char) {
      case '(':
        return this.group();
      case '[':
        return { type: 'char', set: this.charClass() };
      case '.':
        return { type: 'char', set: ANY };
      case '^':
      case '$':
        return { type: 'empty' };
      case '\\':
        return this.escape(false);
      default:
        return { type: 'char', set: single(char.codePointAt(0) ?? 0) };
    }
  }

  private group(): RegexNode {
    this.depth += 1;
    if (this.depth > MAX_NESTING) {
      throw new TooComplexError('nesting');
    }
    let lookaround = false;
    const rest = this.source.slice(this.index);
    if (rest.startsWith('?:')) {
      this.index += 2;
    } else if (rest.startsWith('?=') || rest.startsWith('?!')) {
      this.index += 2;
      lookaround = true;
    } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
      this.index += 3;
      lookaround = true;
    } else if (rest.startsWith('?<')) {
      const end = this.source.indexOf('>', this.index);
      this.index = end < 0 ? this.source.length : end + 1;
    }
    const body = this.alternation();
    if (this.peek() !== ')') {
      throw new SyntaxError('unterminated group');
    }
    this.index += 1;
    this.depth -= 1;
    return lookaround ? { type: 'empty' } : body;
  }

  private escape(inClass: boolean): RegexNode {
    const char = this.peek() ?? '';
    this.index += 1;
    const rest = this.source.slice(this.index);
    switch (char) {
      case 'd':
        return { type: 'char', set: DIGIT };
      case 'w':
        return { type: 'char', set: WORD };
      case 's':
        return { type: 'char', set: SPACE };
      case 'D':
      case 'W':
      case 'S':
        return { type: 'char', set: ANY };
      case 'b':
        return inClass ? { type: 'char', set: single(8) } : { type: 'empty' };
      case 'B':
        return { type: 'empty' };
      case 'n':
        return { type: 'char', set: single(10) };
      case 'r':
        return { type: 'char', set: single(13) };
      case 't':
        return { type: 'char', set: single(9) };
      case 'f':
        return { type: 'char', set: single(12) };
      case 'v':
        return { type: 'char', set: single(11) };
      case 'p':
      case 'P': {
        const end = this.source.indexOf('}', this.index);
        this.index = end < 0 ? this.source.length : end + 1;
        return { type: 'char', set: ANY };
      }
      case 'u': {
        const match = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(rest);
        if (match === null) {
          return { type: 'char', set: single(117) };
        }
        this.index += match[0].length;
        return { type: 'char', set: single(parseInt(match[1] ?? match[2] ?? '0', 16)) };
      }
      case 'x': {
        const match = /^[0-9a-fA-F]{2}/.exec(rest);
        if (match === null) {
          return { type: 'char', set: single(120) };
        }
        this.index += 2;
        return { type: 'char', set: single(parseInt(match[0], 16)) };
      }
      case 'k': {
        const end = this.source.indexOf('>', this.index);
        this.index = end < 0 ? this.source.length : end + 1;
        return { type: 'repeat', body: { type: 'char', set: ANY }, min: 0, max: Infinity };
      }
      default:
        if (/[1-9]/.test(char) && !inClass) {
          // a back-reference matches any earlier text
          while (/\d/.test(this.peek() ?? '')) {
            this.index += 1;
          }
          return { type: 'repeat', body: { type: 'char', set: ANY }, min: 0, max: Infinity };
        }
        return { type: 'char', set: single(char === '0' ? 0 : (char.codePointAt(0) ?? 0)) };
    }
  }

  private classAtom(): CharSet {
    const char = this.peek();
    this.index += 1;
    if (char === '\\') {
      const node = this.escape(true);
      return node.type === 'char' ? node.set : ANY;
    }
    return single((char ?? '').codePointAt(0) ?? 0);
  }

  private charClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.index += 1;
    }
    let set: CharSet = { kind: 'ranges', ranges: [] };
    while (this.peek() !== ']') {
      if (this.peek() === undefined) {
        throw new SyntaxError('unterminated character class');
      }
      const low = this.classAtom();
      if (
        this.peek() === '-' &&
        this.source[this.index + 1] !== ']' &&
        this.source[this.index + 1] !== undefined
      ) {
        this.index += 1;
        const high = this.classAtom();
        const lowRange = low.kind === 'ranges' ? low.ranges[0] : undefined;
        const highRange = high.kind === 'ranges' ? high.ranges[0] : undefined;
        set =
          lowRange !== undefined && highRange !== undefined
            ? union(set, { kind: 'ranges', ranges: [[lowRange[0], highRange[1]]] })
            : ANY;
      } else {
        set = union(set, low);
      }
    }
    this.index += 1;
    return negated ? ANY : set;
  }
}

function nullable(node: RegexNode): boolean {
  switch (node.type) {
    case 'char':
      return false;
    case 'empty':
      return true;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.options.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
  }
}

function firstSet(node: RegexNode): CharSet {
  switch (node.type) {
    case 'char':
      return node.set;
    case 'empty':
      return { kind: 'ranges', ranges: [] };
    case 'seq': {
      let set: CharSet = { kind: 'ranges', ranges: [] };
      for (const item of node.items) {
        set = union(set, firstSet(item));
        if (!nullable(item)) {
          break;
        }
      }
      return set;
    }
    case 'alt':
      return node.options.reduce<CharSet>((set, option) => union(set, firstSet(option)), {
        kind: 'ranges',
        ranges: [],
      });
    case 'repeat':
      return firstSet(node.body);
  }
}

function children(node: RegexNode): RegexNode[] {
  switch (node.type) {
    case 'char':
    case 'empty':
      return [];
    case 'seq':
      return node.items;
    case 'alt':
      return node.options;
    case 'repeat':
      return [node.body];
  }
}

function repeatsMany(node: RegexNode): boolean {
  return node.type === 'repeat' && node.max > LIMITS.maxRepeat;
}

function containsUnboundedRepeat(node: RegexNode): boolean {
  return (node.type === 'repeat' && node.max === Infinity) || children(node).some(containsUnboundedRepeat);
}

function containsOverlappingAlternation(node: RegexNode): boolean {
  if (node.type === 'alt') {
    const sets = node.options.map(firstSet);
    for (let i = 0; i < sets.length; i += 1) {
      for (let j = i + 1; j < sets.length; j += 1) {
        const a = sets[i];
        const b = sets[j];
        if (a !== undefined && b !== undefined && intersects(a, b)) {
          return true;
        }
      }
    }
  }
  return children(node).some(containsOverlappingAlternation);
}

function findProblem(node: RegexNode): RegexVerdict | undefined {
  if (node.type === 'repeat' && repeatsMany(node)) {
    if (containsUnboundedRepeat(node.body)) {
      return { type: 'unsafe', reason: 'nested-quantifier' };
    }
    if (containsOverlappingAlternation(node.body)) {
      return { type: 'unsafe', reason: 'overlapping-alternation' };
    }
  }
  for (const child of children(node)) {
    const problem = findProblem(child);
    if (problem !== undefined) {
      return problem;
    }
  }
  return undefined;
}

/** Judges a JSON Schema `pattern` (ECMAScript regex, unicode mode as ajv compiles it). */
export function checkRegexSafety(pattern: string): RegexVerdict {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { type: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    return findProblem(new Parser(pattern).parse()) ?? { type: 'safe' };
  } catch (error) {
    if (error instanceof TooComplexError) {
      return { type: 'unsafe', reason: 'too-complex' };
    }
    return { type: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
}
