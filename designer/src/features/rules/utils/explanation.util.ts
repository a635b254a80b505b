/** A server problem: a JSON pointer into the definition and a message a person can act on. */
export type FieldProblem = { path: string; message: string };

/** An explanation node of @careloom/logic's evaluateExplained, as the dry run returns it. */
interface ExplanationLike {
  text?: unknown;
  children?: unknown;
}

const MAX_LINES = 50;

/** The explanation as indented lines, outermost first (the same lines the server stores as a firing's `why`). */
export function whyLines(explanation: unknown): string[] {
  const lines: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (typeof node !== 'object' || node === null || lines.length >= MAX_LINES) {
      return;
    }
    const { text, children } = node as ExplanationLike;
    if (typeof text === 'string') {
      lines.push(`${'  '.repeat(depth)}${text}`);
    }
    if (Array.isArray(children)) {
      for (const child of children) {
        walk(child, depth + 1);
      }
    }
  };
  walk(explanation, 0);
  return lines;
}

/** Server problems under a JSON pointer of the definition (`/actions/0` → its own and its fields'). */
export function problemsUnder(problems: readonly FieldProblem[], pointer: string): FieldProblem[] {
  return problems.filter((problem) => problem.path === pointer || problem.path.startsWith(`${pointer}/`));
}

/** The message for exactly this pointer (and, with `deep`, anything below it), joined. */
export function problemAt(
  problems: readonly FieldProblem[],
  pointer: string,
  deep = false,
): string | undefined {
  const found = deep ? problemsUnder(problems, pointer) : problems.filter((p) => p.path === pointer);
  return found.length > 0 ? found.map((p) => p.message).join('; ') : undefined;
}
