import type { DeployOptions, DeployResult, ProcessDefinition } from './definition.types.js';
import { compileProcess } from './compile.util.js';
import { IssueCollector } from './issues.util.js';
import { BPMN_MODEL_NS, listProp, parseBpmnXml, stringProp, type ModdleWarning } from './moddle.util.js';
import { validateProcess } from './validate.util.js';
import { approximateDurationMs, parseDuration } from '../time/duration.util.js';

export const DEPLOY_DEFAULTS = {
  maxBytes: 2 * 1024 * 1024,
  maxElements: 2000,
  maxDepth: 8,
  maxTimerRepetitions: 1000,
  minTimerCycle: 'PT1M',
} as const;

const bpmnPrefixes = (xml: string): Set<string> => {
  const prefixes = new Set<string>();
  const pattern = /xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g;
  for (const match of xml.matchAll(pattern)) {
    if (match[2] === BPMN_MODEL_NS) {
      prefixes.add(match[1] ?? '');
    }
  }
  return prefixes;
};

/** True when a bpmn-moddle warning concerns another namespace (other tools' extensions): ignored. */
const isForeign = (warning: ModdleWarning, bpmn: Set<string>): boolean => {
  const prefixOf = (name: string): string => (name.includes(':') ? (name.split(':')[0] ?? '') : '');
  const attribute = /^unknown attribute <([^>]+)>/.exec(warning.message);
  if (attribute) {
    const name = attribute[1] ?? '';
    return name.includes(':') && !bpmn.has(prefixOf(name)) && !name.startsWith('xmlns');
  }
  if (/nested error: unrecognized element </.test(warning.message)) {
    return true;
  }
  const unknownType = /nested error: unknown type <([^>]+)>/.exec(warning.message);
  if (unknownType) {
    const prefix = prefixOf(unknownType[1] ?? '');
    return prefix !== 'bpmn' && !bpmn.has(prefix);
  }
  return false;
};

const warningElementId = (warning: ModdleWarning): string | null => {
  const fromElement = warning.element ? stringProp(warning.element, 'id') : null;
  if (fromElement) {
    return fromElement;
  }
  const duplicate = /duplicate ID <([^>]+)>/.exec(warning.message);
  return duplicate ? (duplicate[1] ?? null) : null;
};

/** Parse + validate + compile. Every BPMN-namespace warning of bpmn-moddle refuses the model. */
export const deployBpmn = async (xml: string, options: DeployOptions = {}): Promise<DeployResult> => {
  const limits = { ...DEPLOY_DEFAULTS, ...options };
  const issues = new IssueCollector();
  if (xml.length > limits.maxBytes) {
    issues.error(
      null,
      null,
      `the XML is larger than ${limits.maxBytes} bytes`,
      `XML 超过 ${limits.maxBytes} 字节`,
    );
    return { ok: false, errors: issues.errors };
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    issues.error(
      null,
      null,
      'DOCTYPE and ENTITY declarations are not allowed',
      '不允许 DOCTYPE 和 ENTITY 声明',
    );
    return { ok: false, errors: issues.errors };
  }
  const minCycle = parseDuration(limits.minTimerCycle);
  const timerLimits = {
    maxRepetitions: limits.maxTimerRepetitions,
    minCycleMs: minCycle ? approximateDurationMs(minCycle) : 60_000,
  };
  let parsed: Awaited<ReturnType<typeof parseBpmnXml>>;
  try {
    parsed = await parseBpmnXml(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.error(null, null, `the XML cannot be parsed: ${message}`, `XML 无法解析：${message}`);
    return { ok: false, errors: issues.errors };
  }
  const prefixes = bpmnPrefixes(xml);
  for (const warning of parsed.warnings) {
    if (isForeign(warning, prefixes)) {
      continue;
    }
    const firstLine = warning.message.split('\n')[0] ?? warning.message;
    const nested = /nested error: (.*)$/m.exec(warning.message)?.[1];
    const text = nested ? `${firstLine} (${nested})` : firstLine;
    issues.error(
      warningElementId(warning),
      warning.element ? warning.element.$type.replace(/^bpmn:/, '') : null,
      text,
      `BPMN 模型有误：${text}`,
    );
  }
  if (parsed.rootElement.$type !== 'bpmn:Definitions') {
    issues.error(null, null, 'the root element is not bpmn:definitions', '根元素不是 bpmn:definitions');
    return { ok: false, errors: issues.errors };
  }
  const processes: ProcessDefinition[] = [];
  for (const root of listProp(parsed.rootElement, 'rootElements')) {
    if (root.$type !== 'bpmn:Process') {
      continue;
    }
    const id = stringProp(root, 'id') ?? '';
    if (root['isExecutable'] !== true) {
      issues.warning(
        id,
        'process',
        'the process is not executable and is skipped',
        '流程未标记为可执行，已跳过',
      );
      continue;
    }
    const definition = compileProcess(root, issues, limits);
    validateProcess(definition, issues, timerLimits);
    processes.push(definition);
  }
  if (processes.length === 0) {
    issues.error(null, null, 'the model contains no executable process', '模型中没有可执行的流程');
  }
  if (issues.errors.length > 0) {
    return { ok: false, errors: issues.errors };
  }
  return { ok: true, processes, warnings: issues.warnings };
};
