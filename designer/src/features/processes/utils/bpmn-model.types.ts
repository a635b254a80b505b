/** The few parts of bpmn-js / moddle objects the designer touches (bpmn-js types them loosely as `any`). */
export interface ModdleElement {
  readonly $type: string;
  readonly $attrs: Record<string, unknown>;
  readonly $parent?: ModdleElement;
  id?: string;
  name?: string;
  body?: string;
  eventDefinitions?: ModdleElement[];
  conditionExpression?: ModdleElement;
  sourceRef?: ModdleElement;
  default?: ModdleElement;
  timeDuration?: ModdleElement;
  timeDate?: ModdleElement;
  timeCycle?: ModdleElement;
  loopCharacteristics?: ModdleElement;
  messageRef?: ModdleElement;
  calledElement?: string;
  isSequential?: boolean;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

/** A shape or connection on the canvas. */
export interface DiagramElement {
  readonly id: string;
  readonly type: string;
  readonly businessObject: ModdleElement;
}

export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(
    element: DiagramElement,
    moddleElement: ModdleElement,
    properties: Record<string, unknown>,
  ): void;
}

export interface Moddle {
  create(type: string, properties?: Record<string, unknown>): ModdleElement;
  /** An element of a namespace moddle has no descriptor for (e.g. `camunda:in`), written as is. */
  createAny(name: string, nsUri: string, properties?: Record<string, unknown>): ModdleElement;
}

/** One command of a `careloom.multi-command` (see `MULTI_COMMAND`). */
export interface MultiCommandContext {
  commands: { cmd: string; context: Record<string, unknown> }[];
}

export interface CommandStack {
  execute(command: string, context: object): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  register(
    command: string,
    handler: { preExecute?: (context: MultiCommandContext) => void; execute?: () => void },
  ): void;
}

export interface Canvas {
  addMarker(element: string | DiagramElement, marker: string): void;
  removeMarker(element: string | DiagramElement, marker: string): void;
  getRootElement(): DiagramElement;
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  scrollToElement(element: DiagramElement): void;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  getAll(): DiagramElement[];
}

export interface Selection {
  select(element: DiagramElement | DiagramElement[] | null): void;
}

export interface EventBus {
  on(event: string, callback: (event: { newSelection?: DiagramElement[] }) => void): void;
  off(event: string, callback: (event: { newSelection?: DiagramElement[] }) => void): void;
  fire(event: string, data?: object): unknown;
}

/** One problem the server found in a diagram it refused to deploy. */
export interface DeployProblem {
  elementId: string | null;
  elementType: string | null;
  message: string;
}
