import { useCallback, useEffect, useRef, useState } from 'react';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import type {
  Canvas,
  CommandStack,
  DiagramElement,
  EventBus,
  ModdleElement,
  MultiCommandContext,
} from '../utils/bpmn-model.types.js';
import { CAMUNDA_NS, CARELOOM_NS, MULTI_COMMAND } from '../utils/bpmn-model.constants.js';
import { translateBpmn } from '../utils/bpmn-translate.util.js';

export interface BpmnModelerState {
  /** Ref for the canvas container element. */
  containerRef: (element: HTMLDivElement | null) => (() => void) | undefined;
  /** The bpmn-js instance once mounted (a Modeler, or a NavigatedViewer when read-only). */
  viewer: BaseViewer | null;
  /** The selected element, or the root (process) when nothing is selected. */
  selected: DiagramElement | null;
  /** Bumped on every change of the diagram, so panels re-read the business objects. */
  revision: number;
  /** Changes since the last import. */
  dirty: boolean;
  importXml: (xml: string) => Promise<void>;
  /** After a deploy: the diagram on the canvas is the deployed one. */
  markClean: () => void;
  exportXml: () => Promise<string>;
  service: <T>(name: string) => T;
}

type SelectionEvent = { newSelection?: DiagramElement[] };

/**
 * Mounts bpmn-js into the element given `containerRef` and follows its selection and command stack. The palette,
 * context pad and replace menu speak `locale` through a `translate` service (bpmn-js' documented way to localise);
 * a change of locale re-renders the palette (`i18n.changed`) without re-creating the modeler.
 */
export function useBpmnModeler(readOnly: boolean, locale: 'zh-CN' | 'en'): BpmnModelerState {
  const [viewer, setViewer] = useState<BaseViewer | null>(null);
  const [selected, setSelected] = useState<DiagramElement | null>(null);
  const [revision, setRevision] = useState(0);
  const [dirty, setDirty] = useState(false);
  const viewerRef = useRef<BaseViewer | null>(null);
  const localeRef = useRef(locale);

  useEffect(() => {
    if (localeRef.current === locale) {
      return;
    }
    localeRef.current = locale;
    viewerRef.current?.get<EventBus>('eventBus').fire('i18n.changed');
  }, [locale]);

  // a callback ref (with React 19's cleanup) mounts bpmn-js when the container appears, and again when readOnly flips
  const containerRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) {
        return undefined;
      }
      const translateModule = {
        translate: [
          'value',
          (template: string, replacements?: Record<string, string>) =>
            translateBpmn(localeRef.current, template, replacements),
        ],
      };
      const instance: BaseViewer = readOnly
        ? new NavigatedViewer({ container: element, additionalModules: [translateModule] })
        : new Modeler({ container: element, additionalModules: [translateModule] });
      const eventBus = instance.get<EventBus>('eventBus');
      const rootOrNull = (): DiagramElement | null => {
        try {
          return instance.get<Canvas>('canvas').getRootElement();
        } catch {
          return null;
        }
      };
      const onSelection = (event: SelectionEvent) => {
        setSelected(event.newSelection?.[0] ?? rootOrNull());
      };
      const onChanged = () => {
        setRevision((n) => n + 1);
        setDirty(true);
      };
      if (!readOnly) {
        // several modeling commands as one undo step (e.g. create a bpmn:Message and refer to it)
        const commandStack = instance.get<CommandStack>('commandStack');
        commandStack.register(MULTI_COMMAND, {
          preExecute: (context: MultiCommandContext) => {
            for (const { cmd, context: inner } of context.commands) {
              commandStack.execute(cmd, inner);
            }
          },
        });
      }
      eventBus.on('selection.changed', onSelection);
      eventBus.on('commandStack.changed', onChanged);
      viewerRef.current = instance;
      setViewer(instance);
      return () => {
        eventBus.off('selection.changed', onSelection);
        eventBus.off('commandStack.changed', onChanged);
        instance.destroy();
        viewerRef.current = null;
        setViewer(null);
        setSelected(null);
      };
    },
    [readOnly],
  );

  const importXml = useCallback(async (xml: string) => {
    const instance = viewerRef.current;
    if (!instance) {
      return;
    }
    await instance.importXML(xml);
    // camunda:* and careloom:* are written as plain namespaced attributes: declare their prefixes
    const definitions = instance.getDefinitions() as ModdleElement;
    definitions.$attrs['xmlns:camunda'] ??= CAMUNDA_NS;
    definitions.$attrs['xmlns:careloom'] ??= CARELOOM_NS;
    const canvas = instance.get<Canvas>('canvas');
    canvas.zoom('fit-viewport', 'auto');
    setSelected(canvas.getRootElement());
    setRevision((n) => n + 1);
    setDirty(false);
  }, []);

  const markClean = useCallback(() => setDirty(false), []);

  const exportXml = useCallback(async (): Promise<string> => {
    const instance = viewerRef.current;
    if (!instance) {
      throw new Error('The modeler is not ready');
    }
    const { xml } = await instance.saveXML({ format: true });
    return xml ?? '';
  }, []);

  const service = useCallback(<T>(name: string): T => {
    const instance = viewerRef.current;
    if (!instance) {
      throw new Error('The modeler is not ready');
    }
    return instance.get<T>(name);
  }, []);

  return { containerRef, viewer, selected, revision, dirty, importXml, markClean, exportXml, service };
}
