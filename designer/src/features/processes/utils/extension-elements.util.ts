import type {
  CommandStack,
  DiagramElement,
  ModdleElement,
  Modeling,
  Moddle,
  MultiCommandContext,
} from './bpmn-model.types.js';
import { MULTI_COMMAND } from './bpmn-model.constants.js';
import { extensionValuesOf } from './process-panel.util.js';

/**
 * Rewrites an element's extension values as one undoable `updateProperties`: the values `keep` selects stay,
 * `created` are appended; no values left → no `bpmn:extensionElements` at all.
 */
export function replaceExtensionValues(
  element: DiagramElement,
  services: { moddle: Moddle; modeling: Modeling },
  keep: (values: readonly ModdleElement[]) => ModdleElement[],
  created: readonly ModdleElement[],
): void {
  const values = [...keep(extensionValuesOf(element.businessObject)), ...created];
  const extensionElements =
    values.length === 0 ? undefined : services.moddle.create('bpmn:ExtensionElements', { values });
  for (const value of created) {
    (value as { $parent?: ModdleElement }).$parent = extensionElements;
  }
  services.modeling.updateProperties(element, { extensionElements });
}

/**
 * Adds a root element (a `bpmn:Message`, a `bpmn:Error`) to the definitions and refers to it from an event
 * definition (`messageRef`, `errorRef`), as one undo step (the `careloom.multi-command` handler).
 */
export function addRootAndRefer(
  element: DiagramElement,
  commandStack: CommandStack,
  definitions: ModdleElement,
  root: ModdleElement,
  eventDefinition: ModdleElement,
  property: 'messageRef' | 'errorRef',
): void {
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  const context: MultiCommandContext = {
    commands: [
      {
        cmd: 'element.updateModdleProperties',
        context: { element, moddleElement: definitions, properties: { rootElements: [...roots, root] } },
      },
      {
        cmd: 'element.updateModdleProperties',
        context: { element, moddleElement: eventDefinition, properties: { [property]: root } },
      },
    ],
  };
  (root as { $parent?: ModdleElement }).$parent = definitions;
  commandStack.execute(MULTI_COMMAND, context);
}
