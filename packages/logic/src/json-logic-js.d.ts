// Minimal typings for json-logic-js 2.x (CommonJS, ships no types). Only what this package uses.
declare module 'json-logic-js' {
  type JsonLogicOperation = (this: unknown, ...args: unknown[]) => unknown;

  interface JsonLogicStatic {
    apply(logic: unknown, data?: unknown): unknown;
    truthy(value: unknown): boolean;
    is_logic(logic: unknown): boolean;
    add_operation(name: string, code: JsonLogicOperation): void;
    rm_operation(name: string): void;
  }

  const jsonLogic: JsonLogicStatic;
  export default jsonLogic;
}
