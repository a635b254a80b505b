// Minimal typings for bpmn-moddle 10 (ESM, ships no typings for the class). Only what the engine uses.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    readonly $type: string;
    readonly $attrs: Record<string, string>;
    readonly $parent?: ModdleElement;
    readonly [key: string]: unknown;
  }

  export interface ModdleWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface FromXmlResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
}
