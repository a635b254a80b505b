import {
  BUNDLE_CONTENT_EXTENSIONS,
  BUNDLE_CONTENT_KINDS,
  BUNDLE_LIMITS,
  bundleFormFileSchema,
  bundleManifestSchema,
  bundlePathProblem,
  bundleRuleFileSchema,
  satisfiesVersionRange,
  type BundleContentKind,
  type BundleFormFile,
  type BundleManifest,
  type BundleProblem,
  type BundleRuleFile,
} from '@careloom/contracts';
import {
  checkProcessModel,
  type ProcessDefinition,
  type ValueExpression,
} from '../../process-runtime/process-model.util.js';
import { createFormsAjv, lintFormSchema } from '@careloom/forms';
import { formKeyOf } from '../../process-runtime/instance-view.util.js';
import { checkDashboardSpec, checkReportSpec } from '../reports/report-spec.util.js';
import { checkRuleDefinition } from '../rules/rule-definition.util.js';
import type {
  BundleFiles,
  BundleJsonFile,
  BundleProcessFile,
  BundleValidationResult,
  ValidateBundleOptions,
  ValidatedBundle,
} from './bundle-validation.types.js';

export const MANIFEST_FILE = 'manifest.json';

/** Files allowed at the root besides the manifest. */
const ROOT_FILES = /^(README(\.[a-zA-Z-]+)?\.md|LICENSE(\.md|\.txt)?|CHANGELOG\.md)$/;
const FOLDERS = [...BUNDLE_CONTENT_KINDS, 'i18n'] as const;
type Folder = (typeof FOLDERS)[number];

const ajv = createFormsAjv();
const checkManifestShape = ajv.compile(bundleManifestSchema);
const checkFormFileShape = ajv.compile(bundleFormFileSchema);
const checkRuleFileShape = ajv.compile(bundleRuleFileSchema);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const byteLength = (content: string | Uint8Array): number =>
  typeof content === 'string' ? new TextEncoder().encode(content).length : content.byteLength;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

/** Collects problems; every check adds to it and the caller decides at the end. */
class Problems {
  readonly list: BundleProblem[] = [];

  add(file: string, location: string, message: string): void {
    this.list.push({ file, location, message });
  }

  /** ajv errors of one validation, each at its JSON pointer (under `prefix`). */
  addSchemaErrors(
    file: string,
    errors:
      | readonly { instancePath: string; message?: string; params: Record<string, unknown> }[]
      | null
      | undefined,
    prefix = '',
  ): void {
    for (const error of errors ?? []) {
      const extra =
        typeof error.params['additionalProperty'] === 'string'
          ? `: "${error.params['additionalProperty']}"`
          : Array.isArray(error.params['allowedValues'])
            ? `: ${error.params['allowedValues'].join(', ')}`
            : '';
      this.add(file, `${prefix}${error.instancePath}`, `${error.message ?? 'is invalid'}${extra}`);
    }
  }
}

/** Where a file belongs, or null when a bundle may not contain it. */
function folderOf(path: string): Folder | 'root' | null {
  const parts = path.split('/');
  if (parts.length === 1) {
    return path === MANIFEST_FILE || ROOT_FILES.test(path) ? 'root' : null;
  }
  const [folder, name] = parts;
  if (parts.length !== 2 || name === undefined) {
    return null;
  }
  const known = FOLDERS.find((f) => f === folder);
  if (known === undefined) {
    return null;
  }
  const extension = known === 'i18n' ? '.json' : BUNDLE_CONTENT_EXTENSIONS[known];
  return name.endsWith(extension) ? known : null;
}

function decode(content: string | Uint8Array): string | null {
  if (typeof content === 'string') {
    return content;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

function parseJson(file: string, text: string, problems: Problems): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.add(file, '', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Literal role keys named by a candidateGroups value (expressions are resolved at run time). */
function literalList(expression: ValueExpression | null): string[] {
  return expression?.type === 'literal'
    ? expression.value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '')
    : [];
}

type Context = {
  problems: Problems;
  manifest: BundleManifest | null;
  /** Form keys this bundle's tasks and rules may name, with their top-level fields when known. */
  forms: Map<string, Set<string> | null>;
  /** Process keys this bundle's rules may name: the bundle's own processes and the tenant's deployed ones. */
  processKeys: Set<string>;
};

function checkLimits(files: BundleFiles, problems: Problems): boolean {
  if (files.size > BUNDLE_LIMITS.maxEntries) {
    problems.add(
      '',
      '',
      `the bundle has ${files.size} files; at most ${BUNDLE_LIMITS.maxEntries} are allowed`,
    );
    return false;
  }
  let total = 0;
  for (const content of files.values()) {
    total += byteLength(content);
  }
  if (total > BUNDLE_LIMITS.maxTotalBytes) {
    problems.add('', '', `the bundle has ${total} bytes; at most ${BUNDLE_LIMITS.maxTotalBytes} are allowed`);
    return false;
  }
  return true;
}

/** The readable text of every acceptable file, by folder; unsafe, oversized or stray files become problems. */
function sortFiles(files: BundleFiles, problems: Problems): Map<Folder | 'root', Map<string, string>> {
  const sorted = new Map<Folder | 'root', Map<string, string>>();
  for (const [path, content] of files) {
    const pathProblem = bundlePathProblem(path);
    if (pathProblem !== null) {
      problems.add(path, '', `refused: ${pathProblem}`);
      continue;
    }
    const size = byteLength(content);
    if (size > BUNDLE_LIMITS.maxFileBytes) {
      problems.add(path, '', `the file has ${size} bytes; at most ${BUNDLE_LIMITS.maxFileBytes} are allowed`);
      continue;
    }
    const folder = folderOf(path);
    if (folder === null) {
      problems.add(
        path,
        '',
        `unexpected file: a bundle holds manifest.json, README.md and ${FOLDERS.map((f) => `${f}/*`).join(', ')} (one level, matching extension)`,
      );
      continue;
    }
    const text = decode(content);
    if (text === null) {
      problems.add(path, '', 'the file is not UTF-8 text');
      continue;
    }
    const bucket = sorted.get(folder) ?? new Map<string, string>();
    bucket.set(path, text);
    sorted.set(folder, bucket);
  }
  return sorted;
}

function checkManifest(text: string | undefined, problems: Problems): BundleManifest | null {
  if (text === undefined) {
    problems.add(MANIFEST_FILE, '', 'the bundle has no manifest.json at its root');
    return null;
  }
  const value = parseJson(MANIFEST_FILE, text, problems);
  if (value === undefined) {
    return null;
  }
  if (!checkManifestShape(value)) {
    problems.addSchemaErrors(MANIFEST_FILE, checkManifestShape.errors);
    return null;
  }
  return value;
}

/** Every listed file exists and every content file is listed. */
function checkContentLists(
  manifest: BundleManifest,
  sorted: Map<Folder | 'root', Map<string, string>>,
  presentPaths: ReadonlySet<string>,
  problems: Problems,
): void {
  for (const kind of BUNDLE_CONTENT_KINDS) {
    const listed = manifest.contents[kind] ?? [];
    listed.forEach((path, index) => {
      if (!presentPaths.has(path)) {
        problems.add(
          MANIFEST_FILE,
          `/contents/${kind}/${index}`,
          `lists "${path}", which is not in the bundle`,
        );
      }
    });
    for (const path of sorted.get(kind)?.keys() ?? []) {
      if (!listed.includes(path)) {
        problems.add(path, '', `the file is not listed in manifest.json contents.${kind}`);
      }
    }
  }
}

function topLevelFields(schema: Record<string, unknown>): Set<string> {
  return new Set(isObject(schema['properties']) ? Object.keys(schema['properties']) : []);
}

function checkForms(texts: Map<string, string>, context: Context): ValidatedBundle['forms'] {
  const { problems } = context;
  const forms: ValidatedBundle['forms'] = [];
  for (const [file, text] of texts) {
    const value = parseJson(file, text, problems);
    if (value === undefined) {
      continue;
    }
    if (!checkFormFileShape(value)) {
      problems.addSchemaErrors(file, checkFormFileShape.errors);
      continue;
    }
    const form = value as unknown as BundleFormFile;
    if (form.key !== baseName(file)) {
      problems.add(file, '/key', `the key "${form.key}" must match the file name (forms/${form.key}.json)`);
    }
    if (context.forms.has(form.key)) {
      problems.add(file, '/key', `another file already defines the form "${form.key}"`);
    }
    const errors = lintFormSchema(form.schema, { locale: 'en' }).filter(
      (issue) => issue.severity === 'error',
    );
    for (const issue of errors) {
      problems.add(
        file,
        `/schema${issue.path}`,
        `${issue.code}: ${issue.messages.en} / ${issue.messages['zh-CN']}`,
      );
    }
    context.forms.set(form.key, topLevelFields(form.schema));
    forms.push({ ...form, file });
  }
  return forms;
}

function checkFormReference(
  file: string,
  location: string,
  formKey: string,
  context: Context,
  what: string,
): Set<string> | null | undefined {
  if (!context.forms.has(formKey)) {
    context.problems.add(
      file,
      location,
      `${what} names the form "${formKey}", which is neither in this bundle nor in a bundle it requires`,
    );
    return undefined;
  }
  return context.forms.get(formKey);
}

function checkRoles(file: string, location: string, roles: string[], context: Context, what: string): void {
  const declared: readonly string[] = context.manifest?.roles ?? [];
  for (const role of roles) {
    if (!declared.includes(role)) {
      context.problems.add(
        file,
        location,
        `${what} names the role "${role}", which manifest.json roles does not list`,
      );
    }
  }
}

function checkProcessReferences(file: string, definition: ProcessDefinition, context: Context): void {
  for (const element of Object.values(definition.elements)) {
    if (element.type === 'userTask') {
      if (element.formKey !== null) {
        checkFormReference(
          file,
          element.id,
          formKeyOf(element.formKey),
          context,
          `user task "${element.id}"`,
        );
      }
      checkRoles(
        file,
        element.id,
        literalList(element.candidateGroups),
        context,
        `user task "${element.id}"`,
      );
    }
    if (element.type === 'serviceTask' && element.serviceType === 'notify') {
      const role = element.parameters['role'];
      if (typeof role === 'string') {
        checkRoles(file, element.id, [role], context, `service task "${element.id}"`);
      }
    }
  }
}

async function checkProcesses(texts: Map<string, string>, context: Context): Promise<BundleProcessFile[]> {
  const { problems } = context;
  const processes: BundleProcessFile[] = [];
  const seen = new Map<string, string>();
  for (const [file, xml] of texts) {
    // the file's own key counts as present even when its model has problems (those are reported already)
    context.processKeys.add(baseName(file));
    const result = await checkProcessModel(xml);
    if (!result.ok) {
      for (const error of result.errors) {
        problems.add(file, error.elementId ?? '', error.messages.en);
      }
      continue;
    }
    const executable = result.processes.filter((p) => p.isExecutable);
    if (!executable.some((p) => p.id === baseName(file))) {
      problems.add(file, '', `the file must hold an executable process with the id "${baseName(file)}"`);
    }
    for (const definition of result.processes) {
      const other = seen.get(definition.id);
      if (other !== undefined) {
        problems.add(file, definition.id, `the process id "${definition.id}" is also defined in ${other}`);
      }
      seen.set(definition.id, file);
      if (definition.isExecutable) {
        context.processKeys.add(definition.id);
      }
      checkProcessReferences(file, definition, context);
    }
    processes.push({ file, xml, definitions: result.processes });
  }
  return processes;
}

function checkRuleReferences(file: string, rule: BundleRuleFile, context: Context): void {
  const definition = rule.definition;
  const trigger = definition['trigger'];
  let triggerFields: Set<string> | null | undefined;
  if (isObject(trigger) && typeof trigger['formKey'] === 'string') {
    triggerFields = checkFormReference(
      file,
      '/definition/trigger/formKey',
      trigger['formKey'],
      context,
      'the trigger',
    );
  }
  const windows = Array.isArray(definition['context']) ? (definition['context'] as unknown[]) : [];
  windows.forEach((window, index) => {
    if (isObject(window) && typeof window['formKey'] === 'string') {
      checkFormReference(
        file,
        `/definition/context/${index}/formKey`,
        window['formKey'],
        context,
        'a context window',
      );
    }
  });
  const actions = Array.isArray(definition['actions']) ? (definition['actions'] as unknown[]) : [];
  actions.forEach((action, index) => {
    if (!isObject(action)) {
      return;
    }
    const at = `/definition/actions/${index}`;
    if (action['type'] === 'notify' && isObject(action['to']) && typeof action['to']['role'] === 'string') {
      checkRoles(file, `${at}/to/role`, [action['to']['role']], context, 'a notify action');
    }
    if (
      (action['type'] === 'start-process' || action['type'] === 'cancel-process') &&
      typeof action['processKey'] === 'string' &&
      action['processKey'].trim() !== '' &&
      !context.processKeys.has(action['processKey'])
    ) {
      context.problems.add(
        file,
        `${at}/processKey`,
        `${action['type']} names the process "${action['processKey']}", which is neither in this bundle nor deployed in this home`,
      );
    }
    if (action['type'] === 'update-field' && typeof action['field'] === 'string' && triggerFields) {
      if (!triggerFields.has(action['field'])) {
        context.problems.add(
          file,
          `${at}/field`,
          `update-field names "${action['field']}", which is not a top-level field of the trigger's form`,
        );
      }
    }
  });
}

function checkRules(texts: Map<string, string>, context: Context): ValidatedBundle['rules'] {
  const { problems } = context;
  const rules: ValidatedBundle['rules'] = [];
  const keys = new Set<string>();
  for (const [file, text] of texts) {
    const value = parseJson(file, text, problems);
    if (value === undefined) {
      continue;
    }
    if (!checkRuleFileShape(value)) {
      problems.addSchemaErrors(file, checkRuleFileShape.errors);
      continue;
    }
    const rule = value as unknown as BundleRuleFile;
    if (rule.key !== baseName(file)) {
      problems.add(file, '/key', `the key "${rule.key}" must match the file name (rules/${rule.key}.json)`);
    }
    if (keys.has(rule.key)) {
      problems.add(file, '/key', `another file already defines the rule "${rule.key}"`);
    }
    keys.add(rule.key);
    for (const error of checkRuleDefinition(rule.definition)) {
      problems.add(file, `/definition${error.path}`, error.message);
    }
    checkRuleReferences(file, rule, context);
    rules.push({ ...rule, file });
  }
  return rules;
}

function checkJsonFiles(texts: Map<string, string> | undefined, problems: Problems): BundleJsonFile[] {
  const parsed: BundleJsonFile[] = [];
  for (const [file, text] of texts ?? []) {
    const content = parseJson(file, text, problems);
    if (content === undefined) {
      continue;
    }
    if (!isObject(content)) {
      problems.add(file, '', 'the file must hold a JSON object');
      continue;
    }
    parsed.push({ file, content });
  }
  return parsed;
}

/**
 * Report and dashboard files: the spec's structure, the key against the file name, a records source's form
 * against this bundle and the bundles it requires, a dashboard's reports against this bundle's reports
 * (ones already installed are checked at import). Field paths are checked against the published schema at
 * import, inside the import's transaction.
 */
function checkSpecFiles(
  kind: 'reports' | 'dashboards',
  texts: Map<string, string> | undefined,
  context: Context,
  reportKeys: ReadonlySet<string> = new Set(),
): BundleJsonFile[] {
  const { problems } = context;
  const files = checkJsonFiles(texts, problems);
  const keys = new Set<string>();
  const valid: BundleJsonFile[] = [];
  for (const { file, content } of files) {
    const errors = kind === 'reports' ? checkReportSpec(content) : checkDashboardSpec(content);
    for (const error of errors) {
      problems.add(file, error.path, error.message);
    }
    const spec = content as Record<string, unknown>;
    if (typeof spec.key === 'string') {
      if (spec.key !== baseName(file)) {
        problems.add(
          file,
          '/key',
          `the key "${spec.key}" must match the file name (${kind}/${spec.key}.json)`,
        );
      }
      if (keys.has(spec.key)) {
        problems.add(file, '/key', `another file already defines the ${kind.slice(0, -1)} "${spec.key}"`);
      }
      keys.add(spec.key);
    }
    if (errors.length > 0) {
      continue;
    }
    if (kind === 'reports') {
      const source = (spec.dataset as { source: { type: string; formKey?: string } }).source;
      if (source.type === 'records' && source.formKey !== undefined) {
        checkFormReference(file, '/dataset/source/formKey', source.formKey, context, 'the report');
      }
    } else {
      (spec.items as { report: string }[]).forEach((item, i) => {
        if (!reportKeys.has(item.report)) {
          problems.add(
            file,
            `/items/${i}/report`,
            `the dashboard shows the report "${item.report}", which is not in this bundle's reports/`,
          );
        }
      });
    }
    valid.push({ file, content });
  }
  return valid;
}

/** Forms of the required bundles, or problems for requirements nothing available satisfies. */
function resolveRequirements(
  manifest: BundleManifest,
  options: ValidateBundleOptions,
  context: Context,
): void {
  (manifest.requires ?? []).forEach((requirement, index) => {
    const match = (options.available ?? []).find(
      (bundle) =>
        bundle.key === requirement.key && satisfiesVersionRange(bundle.version, requirement.version),
    );
    if (match === undefined) {
      context.problems.add(
        MANIFEST_FILE,
        `/requires/${index}`,
        `requires the bundle "${requirement.key}" ${requirement.version}, which is not installed or part of this import`,
      );
      return;
    }
    for (const formKey of match.formKeys) {
      if (!context.forms.has(formKey)) {
        context.forms.set(formKey, null);
      }
    }
  });
}

/**
 * Validates a whole bundle before anything is imported and reports every problem at once, each with its file
 * and a JSON pointer or BPMN element id: limits and path safety, the manifest against its contract schema,
 * content lists against the files present, every form with the forms linter (errors only), every process with
 * the engine's deploy validation, every rule with the rule checker, and cross-references (task form keys, rule
 * form keys and fields, roles) against this bundle and the bundles it requires, and the processes a rule starts
 * or cancels against this bundle and the tenant's deployed ones (`options.processKeys`).
 */
export async function validateBundle(
  files: BundleFiles,
  options: ValidateBundleOptions = {},
): Promise<BundleValidationResult> {
  const problems = new Problems();
  if (!checkLimits(files, problems)) {
    return { ok: false, problems: problems.list };
  }
  const sorted = sortFiles(files, problems);
  const root = sorted.get('root') ?? new Map<string, string>();
  const manifest = checkManifest(root.get(MANIFEST_FILE), problems);
  const context: Context = {
    problems,
    manifest,
    forms: new Map(),
    processKeys: new Set(options.processKeys ?? []),
  };
  const presentPaths = new Set([...sorted.values()].flatMap((bucket) => [...bucket.keys()]));
  if (manifest) {
    checkContentLists(manifest, sorted, presentPaths, problems);
  }
  const contentOf = (kind: BundleContentKind): Map<string, string> =>
    sorted.get(kind) ?? new Map<string, string>();
  const forms = checkForms(contentOf('forms'), context);
  if (manifest) {
    resolveRequirements(manifest, options, context);
  }
  const processes = await checkProcesses(contentOf('processes'), context);
  const rules = checkRules(contentOf('rules'), context);
  const reports = checkSpecFiles('reports', sorted.get('reports'), context);
  const dashboards = checkSpecFiles(
    'dashboards',
    sorted.get('dashboards'),
    context,
    new Set(reports.map((r) => (r.content as { key: string }).key)),
  );
  const i18n = checkJsonFiles(sorted.get('i18n'), problems);
  if (!manifest || problems.list.length > 0) {
    return { ok: false, problems: problems.list };
  }
  const readme = root.get('README.md') ?? null;
  return { ok: true, bundle: { manifest, forms, processes, rules, reports, dashboards, i18n, readme } };
}
export { readBundleFolder } from './bundle-folder.util.js';
