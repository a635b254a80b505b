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
import { pathProblemZh, schemaErrorZh } from './bundle-problems.zh.js';
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

/** A problem's wording by another validator: English, and Chinese when it has one. */
type Worded = { message: string; zh?: string };

/** Something a problem names (a task, the trigger…), in both languages. */
type Named = { en: string; zh: string };

/** Collects problems; every check adds to it and the caller decides at the end. */
class Problems {
  readonly list: BundleProblem[] = [];

  /** `message` in English; `zh` in Chinese for zh-CN callers (another validator's problem may lack it). */
  add(file: string, location: string, message: string, zh: string | undefined): void {
    this.list.push({ file, location, message, ...(zh === undefined ? {} : { zh }) });
  }

  /** Another validator's problem, with its Chinese wording when it has one. */
  addWorded(file: string, location: string, problem: Worded): void {
    this.add(file, location, problem.message, problem.zh);
  }

  /** ajv errors of one validation, each at its JSON pointer (under `prefix`). */
  addSchemaErrors(
    file: string,
    errors:
      | readonly {
          instancePath: string;
          keyword: string;
          message?: string;
          params: Record<string, unknown>;
        }[]
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
      this.add(
        file,
        `${prefix}${error.instancePath}`,
        `${error.message ?? 'is invalid'}${extra}`,
        schemaErrorZh(error),
      );
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
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(
      file,
      '',
      `not valid JSON: ${reason}`,
      `不是有效的 JSON（${reason}）：请检查括号、引号和逗号。`,
    );
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
      `模板包有 ${files.size} 个文件，最多允许 ${BUNDLE_LIMITS.maxEntries} 个：请删去用不到的文件。`,
    );
    return false;
  }
  let total = 0;
  for (const content of files.values()) {
    total += byteLength(content);
  }
  if (total > BUNDLE_LIMITS.maxTotalBytes) {
    problems.add(
      '',
      '',
      `the bundle has ${total} bytes; at most ${BUNDLE_LIMITS.maxTotalBytes} are allowed`,
      `模板包共 ${total} 字节，最多允许 ${BUNDLE_LIMITS.maxTotalBytes} 字节：请删去或缩小文件。`,
    );
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
      problems.add(path, '', `refused: ${pathProblem}`, `已拒绝：${pathProblemZh(pathProblem)}。`);
      continue;
    }
    const size = byteLength(content);
    if (size > BUNDLE_LIMITS.maxFileBytes) {
      problems.add(
        path,
        '',
        `the file has ${size} bytes; at most ${BUNDLE_LIMITS.maxFileBytes} are allowed`,
        `文件有 ${size} 字节，最多允许 ${BUNDLE_LIMITS.maxFileBytes} 字节：请拆分或缩小它。`,
      );
      continue;
    }
    const folder = folderOf(path);
    if (folder === null) {
      problems.add(
        path,
        '',
        `unexpected file: a bundle holds manifest.json, README.md and ${FOLDERS.map((f) => `${f}/*`).join(', ')} (one level, matching extension)`,
        `多余的文件：模板包只能包含 manifest.json、README.md 和 ${FOLDERS.map((f) => `${f}/*`).join('、')}（文件直接放在这些文件夹里，扩展名与文件夹对应）；请移走它或改正位置。`,
      );
      continue;
    }
    const text = decode(content);
    if (text === null) {
      problems.add(path, '', 'the file is not UTF-8 text', '文件不是 UTF-8 文本：请用 UTF-8 编码重新保存。');
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
    problems.add(
      MANIFEST_FILE,
      '',
      'the bundle has no manifest.json at its root',
      '模板包根目录下没有 manifest.json：请添加它。',
    );
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
          `清单中列出了“${path}”，但模板包里没有这个文件：请补上文件，或从清单中删去。`,
        );
      }
    });
    for (const path of sorted.get(kind)?.keys() ?? []) {
      if (!listed.includes(path)) {
        problems.add(
          path,
          '',
          `the file is not listed in manifest.json contents.${kind}`,
          `这个文件没有列在 manifest.json 的 contents.${kind} 中：请把它加进去，或删除该文件。`,
        );
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
      problems.add(
        file,
        '/key',
        `the key "${form.key}" must match the file name (forms/${form.key}.json)`,
        `key“${form.key}”须与文件名一致（forms/${form.key}.json）：请改 key 或文件名。`,
      );
    }
    if (context.forms.has(form.key)) {
      problems.add(
        file,
        '/key',
        `another file already defines the form "${form.key}"`,
        `另一个文件已定义了表单“${form.key}”：每个表单只能定义一次。`,
      );
    }
    const errors = lintFormSchema(form.schema, { locale: 'en' }).filter(
      (issue) => issue.severity === 'error',
    );
    for (const issue of errors) {
      problems.add(
        file,
        `/schema${issue.path}`,
        `${issue.code}: ${issue.messages.en} / ${issue.messages['zh-CN']}`,
        `${issue.code}：${issue.messages['zh-CN']}`,
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
  what: Named,
): Set<string> | null | undefined {
  if (!context.forms.has(formKey)) {
    context.problems.add(
      file,
      location,
      `${what.en} names the form "${formKey}", which is neither in this bundle nor in a bundle it requires`,
      `${what.zh}引用了表单“${formKey}”，但本模板包和它所依赖的模板包中都没有这个表单：请加入该表单，或在 manifest.json 的 requires 中声明提供它的模板包。`,
    );
    return undefined;
  }
  return context.forms.get(formKey);
}

function checkRoles(file: string, location: string, roles: string[], context: Context, what: Named): void {
  const declared: readonly string[] = context.manifest?.roles ?? [];
  for (const role of roles) {
    if (!declared.includes(role)) {
      context.problems.add(
        file,
        location,
        `${what.en} names the role "${role}", which manifest.json roles does not list`,
        `${what.zh}指定了角色“${role}”，但 manifest.json 的 roles 中没有列出它：请把它加入 roles。`,
      );
    }
  }
}

function checkProcessReferences(file: string, definition: ProcessDefinition, context: Context): void {
  for (const element of Object.values(definition.elements)) {
    if (element.type === 'userTask') {
      const task = { en: `user task "${element.id}"`, zh: `用户任务“${element.id}”` };
      if (element.formKey !== null) {
        checkFormReference(file, element.id, formKeyOf(element.formKey), context, task);
      }
      checkRoles(file, element.id, literalList(element.candidateGroups), context, task);
    }
    if (element.type === 'serviceTask' && element.serviceType === 'notify') {
      const role = element.parameters['role'];
      if (typeof role === 'string') {
        checkRoles(file, element.id, [role], context, {
          en: `service task "${element.id}"`,
          zh: `服务任务“${element.id}”`,
        });
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
        problems.add(file, error.elementId ?? '', error.messages.en, error.messages['zh-CN'] || undefined);
      }
      continue;
    }
    const executable = result.processes.filter((p) => p.isExecutable);
    if (!executable.some((p) => p.id === baseName(file))) {
      problems.add(
        file,
        '',
        `the file must hold an executable process with the id "${baseName(file)}"`,
        `文件中须有一个 id 为“${baseName(file)}”的可执行流程（isExecutable="true"）：流程 id 须与文件名一致。`,
      );
    }
    for (const definition of result.processes) {
      const other = seen.get(definition.id);
      if (other !== undefined) {
        problems.add(
          file,
          definition.id,
          `the process id "${definition.id}" is also defined in ${other}`,
          `流程 id“${definition.id}”在 ${other} 中也有定义：流程 id 不能重复。`,
        );
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
    triggerFields = checkFormReference(file, '/definition/trigger/formKey', trigger['formKey'], context, {
      en: 'the trigger',
      zh: '触发条件',
    });
  }
  const windows = Array.isArray(definition['context']) ? (definition['context'] as unknown[]) : [];
  windows.forEach((window, index) => {
    if (isObject(window) && typeof window['formKey'] === 'string') {
      checkFormReference(file, `/definition/context/${index}/formKey`, window['formKey'], context, {
        en: 'a context window',
        zh: `上下文数据（context 第 ${index + 1} 项）`,
      });
    }
  });
  const actions = Array.isArray(definition['actions']) ? (definition['actions'] as unknown[]) : [];
  actions.forEach((action, index) => {
    if (!isObject(action)) {
      return;
    }
    const at = `/definition/actions/${index}`;
    if (action['type'] === 'notify' && isObject(action['to']) && typeof action['to']['role'] === 'string') {
      checkRoles(file, `${at}/to/role`, [action['to']['role']], context, {
        en: 'a notify action',
        zh: `通知动作（actions 第 ${index + 1} 项）`,
      });
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
        `${action['type']} 指定的流程“${action['processKey']}”既不在本模板包中，也没有在本院部署：请把该流程加入模板包，或先部署它。`,
      );
    }
    if (action['type'] === 'update-field' && typeof action['field'] === 'string' && triggerFields) {
      if (!triggerFields.has(action['field'])) {
        context.problems.add(
          file,
          `${at}/field`,
          `update-field names "${action['field']}", which is not a top-level field of the trigger's form`,
          `update-field 指定的“${action['field']}”不是触发表单的顶层字段：请改成该表单中已有的字段。`,
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
      problems.add(
        file,
        '/key',
        `the key "${rule.key}" must match the file name (rules/${rule.key}.json)`,
        `key“${rule.key}”须与文件名一致（rules/${rule.key}.json）：请改 key 或文件名。`,
      );
    }
    if (keys.has(rule.key)) {
      problems.add(
        file,
        '/key',
        `another file already defines the rule "${rule.key}"`,
        `另一个文件已定义了规则“${rule.key}”：每条规则只能定义一次。`,
      );
    }
    keys.add(rule.key);
    for (const error of checkRuleDefinition(rule.definition)) {
      problems.addWorded(file, `/definition${error.path}`, error);
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
      problems.add(file, '', 'the file must hold a JSON object', '文件内容须为一个 JSON 对象（{…}）。');
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
      problems.addWorded(file, error.path, error);
    }
    const spec = content as Record<string, unknown>;
    if (typeof spec.key === 'string') {
      if (spec.key !== baseName(file)) {
        problems.add(
          file,
          '/key',
          `the key "${spec.key}" must match the file name (${kind}/${spec.key}.json)`,
          `key“${spec.key}”须与文件名一致（${kind}/${spec.key}.json）：请改 key 或文件名。`,
        );
      }
      if (keys.has(spec.key)) {
        problems.add(
          file,
          '/key',
          `another file already defines the ${kind.slice(0, -1)} "${spec.key}"`,
          `另一个文件已定义了${kind === 'reports' ? '报表' : '看板'}“${spec.key}”：每个只能定义一次。`,
        );
      }
      keys.add(spec.key);
    }
    if (errors.length > 0) {
      continue;
    }
    if (kind === 'reports') {
      const source = (spec.dataset as { source: { type: string; formKey?: string } }).source;
      if (source.type === 'records' && source.formKey !== undefined) {
        checkFormReference(file, '/dataset/source/formKey', source.formKey, context, {
          en: 'the report',
          zh: '报表',
        });
      }
    } else {
      (spec.items as { report: string }[]).forEach((item, i) => {
        if (!reportKeys.has(item.report)) {
          problems.add(
            file,
            `/items/${i}/report`,
            `the dashboard shows the report "${item.report}", which is not in this bundle's reports/`,
            `看板引用了报表“${item.report}”，但本模板包的 reports/ 中没有它：请加入该报表，或删去这一项。`,
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
        `依赖模板包“${requirement.key}”（${requirement.version}），但它既没有安装，也不在本次导入中：请先导入它。`,
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
