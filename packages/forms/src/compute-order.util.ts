/** A computed field and the var paths its logic reads. */
export interface ComputedNode {
  varPath: string;
  reads: readonly string[];
}

export type ComputeOrder = { type: 'ordered'; order: string[] } | { type: 'cycle'; cycles: string[][] };

/** Whether reading `read` touches the field at `varPath` (the field itself, inside it, or a parent of it). */
export function readsField(read: string, varPath: string): boolean {
  return read === varPath || read.startsWith(`${varPath}.`) || varPath.startsWith(`${read}.`);
}

/**
 * Orders computed fields so each comes after the computed fields it reads (stable: document order otherwise).
 * Reports every cycle found as the list of field paths, the first repeated at the end ('a → b → a').
 */
export function orderComputed(nodes: readonly ComputedNode[]): ComputeOrder {
  const dependencies = new Map<string, string[]>();
  for (const node of nodes) {
    dependencies.set(
      node.varPath,
      nodes
        .filter((other) => node.reads.some((read) => readsField(read, other.varPath)))
        .map((other) => other.varPath),
    );
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (varPath: string): void => {
    const current = state.get(varPath);
    if (current === 'done') {
      return;
    }
    if (current === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(varPath)), varPath]);
      return;
    }
    state.set(varPath, 'visiting');
    stack.push(varPath);
    for (const dependency of dependencies.get(varPath) ?? []) {
      visit(dependency);
    }
    stack.pop();
    state.set(varPath, 'done');
    order.push(varPath);
  };
  for (const node of nodes) {
    visit(node.varPath);
  }
  return cycles.length > 0 ? { type: 'cycle', cycles } : { type: 'ordered', order };
}
