import { BpmnModdle, type FromXmlResult, type ModdleElement } from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import careloomDescriptor from './careloom.descriptor.json' with { type: 'json' };

export type { ModdleElement, ModdleWarning } from 'bpmn-moddle';

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Parses BPMN XML with the Camunda 7 and careloom extensions registered. */
export const parseBpmnXml = async (xml: string): Promise<FromXmlResult> => {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor, careloom: careloomDescriptor });
  return moddle.fromXML(xml);
};

/** Reads a property of a moddle element (own or extension attribute, e.g. 'camunda:assignee'). */
export const prop = (element: ModdleElement, name: string): unknown => {
  const getter = (element as { get?: (key: string) => unknown }).get;
  if (typeof getter === 'function') {
    return getter.call(element, name);
  }
  return element[name];
};

export const stringProp = (element: ModdleElement, name: string): string | null => {
  const value = prop(element, name);
  return typeof value === 'string' ? value : null;
};

export const listProp = (element: ModdleElement, name: string): ModdleElement[] => {
  const value = prop(element, name);
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
};

export const elementProp = (element: ModdleElement, name: string): ModdleElement | null => {
  const value = prop(element, name);
  return typeof value === 'object' && value !== null && '$type' in value ? (value as ModdleElement) : null;
};

export const extensionValues = (element: ModdleElement, type: string): ModdleElement[] => {
  const extensions = elementProp(element, 'extensionElements');
  if (!extensions) {
    return [];
  }
  return listProp(extensions, 'values').filter((value) => value.$type === type);
};
