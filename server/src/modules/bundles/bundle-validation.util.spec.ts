import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deployBpmn, execute, type Effect } from '@careloom/engine';
import { compileForm } from '@careloom/forms';
import { readBundleFolder } from './bundle-folder.util.js';
import { validateBundle } from './bundle-validation.util.js';

const TEMPLATES = fileURLToPath(new URL('../../../../templates/', import.meta.url));
const SHIPPED = ['elder-archive', 'onboarding-30day', 'complaint-workorder', 'care-quality', 'daily-care'];

const read = (key: string) => readBundleFolder(`${TEMPLATES}${key}`);

/** The shipped bundles a shipped bundle requires, as an importer that installed them would offer them. */
const installedRequirements = async (files: Map<string, Buffer | string>) => {
  const manifest = JSON.parse(String(files.get('manifest.json'))) as { requires?: { key: string }[] };
  return Promise.all(
    (manifest.requires ?? []).map(async ({ key }) => {
      const required = await read(key);
      const { version } = JSON.parse(String(required.get('manifest.json'))) as { version: string };
      const formKeys = [...required.keys()]
        .filter((path) => path.startsWith('forms/'))
        .map((path) => path.slice('forms/'.length, -'.json'.length));
      return { key, version, formKeys };
    }),
  );
};
const text = (files: Map<string, Buffer | string>, path: string): string => {
  const content = files.get(path);
  return typeof content === 'string' ? content : content!.toString('utf8');
};

describe(validateBundle.name, () => {
  it.each(SHIPPED)('should accept the shipped template %s with zero problems', async (key) => {
    // given
    const files = await read(key);
    // when
    const result = await validateBundle(files, { available: await installedRequirements(files) });
    // then
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.bundle.manifest.key).toBe(key);
  });

  it('should name the file and the user task when a form key dangles', async () => {
    // given: the first-response task points at a form the bundle does not have
    const files: Map<string, Buffer | string> = await read('complaint-workorder');
    const path = 'processes/complaint-workorder.bpmn';
    files.set(
      path,
      text(files, path).replace('careloom:form:complaint-first-response', 'careloom:form:no-such-form'),
    );
    // when
    const result = await validateBundle(files);
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual({
      file: path,
      location: 'firstResponse',
      message: expect.stringContaining('"no-such-form"') as unknown as string,
      zh: '用户任务“firstResponse”引用了表单“no-such-form”，但本模板包和它所依赖的模板包中都没有这个表单：请加入该表单，或在 manifest.json 的 requires 中声明提供它的模板包。',
    });
  });

  it('should refuse a path that leaves the bundle and still report the other problems', async () => {
    // given
    const files: Map<string, Buffer | string> = await read('onboarding-30day');
    files.set('../outside.json', '{}');
    files.set('forms\\x.json', '{}');
    files.set('/etc/passwd', 'root');
    // when
    const result = await validateBundle(files);
    // then
    expect(!result.ok && result.problems.map((p) => p.file)).toEqual([
      '../outside.json',
      'forms\\x.json',
      '/etc/passwd',
    ]);
    expect(!result.ok && result.problems[0]?.message).toContain('leaves');
    expect(!result.ok && result.problems.map((p) => p.zh)).toEqual([
      '已拒绝：路径跳出了所在文件夹（含有 ".." 或 "."）。',
      '已拒绝：路径中有反斜杠（\\）：请改用 /。',
      '已拒绝：路径是绝对路径：请使用相对于模板包根目录的路径。',
    ]);
  });

  it("should pass the engine's Chinese wording of a BPMN deploy problem through, and word a broken JSON file", async () => {
    // given a process whose flow leads nowhere and a rule file that is not JSON
    const files: Map<string, Buffer | string> = await read('complaint-workorder');
    const path = 'processes/complaint-workorder.bpmn';
    const broken = text(files, path).replace(/targetRef="([^"]+)"/, 'targetRef="nowhere"');
    files.set(path, broken);
    files.set('rules/urgent-complaint.json', '{ "key": ');
    const engine = await deployBpmn(broken);
    // when
    const result = await validateBundle(files);
    // then the BPMN problems carry the engine's own two wordings
    expect(engine.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.filter((p) => p.file === path)).toEqual(
      (engine.ok ? [] : engine.errors).map((error) => ({
        file: path,
        location: error.elementId ?? '',
        message: error.messages.en,
        zh: error.messages['zh-CN'],
      })),
    );
    expect(problems.find((p) => p.file === 'rules/urgent-complaint.json')).toEqual({
      file: 'rules/urgent-complaint.json',
      location: '',
      message: expect.stringMatching(/^not valid JSON: /) as unknown as string,
      zh: expect.stringMatching(/^不是有效的 JSON（.+）：请检查括号、引号和逗号。$/) as unknown as string,
    });
  });

  it('should report the form linter errors of a broken form at their pointer', async () => {
    // given: a required field that does not exist and a pattern without maxLength
    const files: Map<string, Buffer | string> = await read('onboarding-30day');
    const path = 'forms/onboarding-summary.json';
    const form = JSON.parse(text(files, path)) as { schema: { properties: Record<string, unknown> } };
    form.schema.properties['code'] = { type: 'string', pattern: '^[A-Z]+$' };
    form.schema.properties['summaryDate'] = { type: 'strng' };
    files.set(path, JSON.stringify(form));
    // when
    const result = await validateBundle(files);
    // then
    const problems = result.ok ? [] : result.problems.filter((p) => p.file === path);
    for (const pointer of ['/schema/properties/code', '/schema/properties/summaryDate']) {
      expect(problems.some((p) => p.location.startsWith(pointer))).toBe(true);
    }
    // the linter's own Chinese, after its code, for zh-CN callers; the English message keeps both languages
    for (const problem of problems) {
      const code = problem.message.slice(0, problem.message.indexOf(':'));
      expect(problem.zh).toMatch(new RegExp(`^${code}：\\P{ASCII}`, 'u'));
      expect(problem.message).toContain(problem.zh!.slice(code.length + 1));
    }
  });

  it('should report a broken rule: bad logic, an unknown trigger form and a role the manifest lacks', async () => {
    // given
    const files: Map<string, Buffer | string> = await read('onboarding-30day');
    const path = 'rules/onboarding-concern.json';
    files.set(
      path,
      JSON.stringify({
        key: 'onboarding-concern',
        name: { 'zh-CN': '坏规则', en: 'Broken rule' },
        definition: {
          schemaVersion: 1,
          trigger: { type: 'record.created', formKey: 'elder-archive' },
          condition: { no_such_operation: [1] },
          actions: [{ type: 'notify', to: { role: 'doctor' }, message: { 'zh-CN': '通知', en: 'Notice' } }],
        },
      }),
    );
    // when
    const result = await validateBundle(files);
    // then
    const problems = result.ok ? [] : result.problems.filter((p) => p.file === path);
    expect(problems.map((p) => p.location)).toEqual(
      expect.arrayContaining([
        '/definition/condition',
        '/definition/trigger/formKey',
        '/definition/actions/0/to/role',
      ]),
    );
    const zhAt = (location: string) => problems.find((p) => p.location === location)?.zh;
    expect(zhAt('/definition/trigger/formKey')).toBe(
      '触发条件引用了表单“elder-archive”，但本模板包和它所依赖的模板包中都没有这个表单：请加入该表单，或在 manifest.json 的 requires 中声明提供它的模板包。',
    );
    expect(zhAt('/definition/actions/0/to/role')).toBe(
      '通知动作（actions 第 1 项）指定了角色“doctor”，但 manifest.json 的 roles 中没有列出它：请把它加入 roles。',
    );
  });

  it('should report a start-process or cancel-process naming a process neither in the bundle nor deployed', async () => {
    // given the onboarding bundle with its leaving rule pointing at a process nobody has
    const files: Map<string, Buffer | string> = await read('onboarding-30day');
    const path = 'rules/onboarding-on-leaving.json';
    files.set(
      path,
      text(files, path).replace('"processKey": "onboarding-30day"', '"processKey": "no-such-process"'),
    );
    // when it is checked without, then with that process deployed in the home
    const dangling = await validateBundle(files);
    const deployed = await validateBundle(files, { processKeys: ['no-such-process'] });
    // then only the first reports the key, at the action
    expect(dangling.ok ? [] : dangling.problems).toEqual([
      {
        file: path,
        location: '/definition/actions/0/processKey',
        message:
          'cancel-process names the process "no-such-process", which is neither in this bundle nor deployed in this home',
        zh: 'cancel-process 指定的流程“no-such-process”既不在本模板包中，也没有在本院部署：请把该流程加入模板包，或先部署它。',
      },
    ]);
    expect(deployed.ok).toBe(true);
  });

  it('should report a manifest entry whose file is missing and a file the manifest does not list', async () => {
    // given
    const files: Map<string, Buffer | string> = await read('complaint-workorder');
    files.delete('forms/complaint-callback.json');
    files.set(
      'rules/extra-rule.json',
      text(files, 'rules/urgent-complaint.json').replace(/urgent-complaint/, 'extra-rule'),
    );
    // when
    const result = await validateBundle(files);
    // then
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({
      file: 'manifest.json',
      location: '/contents/forms/3',
      message: 'lists "forms/complaint-callback.json", which is not in the bundle',
      zh: '清单中列出了“forms/complaint-callback.json”，但模板包里没有这个文件：请补上文件，或从清单中删去。',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'rules/extra-rule.json',
        message: expect.stringContaining('not listed') as unknown as string,
        zh: '这个文件没有列在 manifest.json 的 contents.rules 中：请把它加进去，或删除该文件。',
      }),
    );
    // the callback task now dangles too, and is reported in the same run
    expect(problems).toContainEqual(expect.objectContaining({ location: 'callback' }));
  });

  it('should check the manifest against its schema', async () => {
    // given
    const files: Map<string, Buffer | string> = await read('onboarding-30day');
    const manifest = JSON.parse(text(files, 'manifest.json')) as Record<string, unknown>;
    files.set('manifest.json', JSON.stringify({ ...manifest, version: 'v1', roles: ['nurse', 'janitor'] }));
    // when
    const result = await validateBundle(files);
    // then
    const problems = result.ok ? [] : result.problems.filter((p) => p.file === 'manifest.json');
    expect(problems.map((p) => p.location)).toEqual(expect.arrayContaining(['/version', '/roles/1']));
    // ajv's English stays as it was; the Chinese says what the field must be
    expect(problems).toContainEqual({
      file: 'manifest.json',
      location: '/version',
      message: expect.stringContaining('must match pattern') as unknown as string,
      zh: '须为语义化版本号，例如 1.2.0',
    });
    expect(problems).toContainEqual({
      file: 'manifest.json',
      location: '/roles/1',
      message: expect.stringContaining('must be equal to one of the allowed values') as unknown as string,
      zh: expect.stringMatching(/^须为以下之一：admin, head-nurse, nurse/) as unknown as string,
    });
  });

  it('should refuse an oversized file and too many entries before parsing', async () => {
    // given
    const big = new Map<string, string>([['forms/big.json', 'x'.repeat(3 * 1024 * 1024)]]);
    const many = new Map<string, string>(Array.from({ length: 201 }, (_, i) => [`i18n/f${i}.json`, '{}']));
    // when
    const [bigResult, manyResult] = await Promise.all([validateBundle(big), validateBundle(many)]);
    // then
    expect(!bigResult.ok && bigResult.problems[0]).toEqual(
      expect.objectContaining({
        file: 'forms/big.json',
        message: expect.stringContaining('bytes') as unknown as string,
        zh: '文件有 3145728 字节，最多允许 2097152 字节：请拆分或缩小它。',
      }),
    );
    expect(!manyResult.ok && manyResult.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('201 files') as unknown as string,
        zh: '模板包有 201 个文件，最多允许 200 个：请删去用不到的文件。',
      }),
    ]);
  });

  it('should resolve form keys of a required bundle when it is available', async () => {
    // given: the complaint bundle requires the archive and its callback task uses an archive form
    const files: Map<string, Buffer | string> = await read('complaint-workorder');
    const manifest = JSON.parse(text(files, 'manifest.json')) as Record<string, unknown>;
    files.set(
      'manifest.json',
      JSON.stringify({ ...manifest, requires: [{ key: 'elder-archive', version: '^1.0.0' }] }),
    );
    const path = 'processes/complaint-workorder.bpmn';
    files.set(
      path,
      text(files, path).replace('careloom:form:complaint-callback', 'careloom:form:family-communication-log'),
    );
    files.delete('forms/complaint-callback.json');
    files.set('manifest.json', text(files, 'manifest.json').replace(',"forms/complaint-callback.json"', ''));
    // when
    const missing = await validateBundle(files);
    const present = await validateBundle(files, {
      available: [{ key: 'elder-archive', version: '1.2.0', formKeys: ['family-communication-log'] }],
    });
    // then
    expect(!missing.ok && missing.problems.map((p) => p.location)).toEqual(['/requires/0', 'callback']);
    expect(!missing.ok && missing.problems[0]?.zh).toBe(
      '依赖模板包“elder-archive”（^1.0.0），但它既没有安装，也不在本次导入中：请先导入它。',
    );
    expect(present.ok ? [] : present.problems).toEqual([]);
  });
});

describe('shipped template content', () => {
  it('should ask the not-renewed reason only when a contract is not renewed, and require a cause for serious falls', async () => {
    // given the care-quality forms
    const files = await read('care-quality');
    const form = (key: string) =>
      compileForm((JSON.parse(text(files, `forms/${key}.json`)) as { schema: object }).schema);
    const contract = {
      contractNo: 'HT202603010001',
      kind: 'new',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
      monthlyFee: 7200,
    };
    const fall = {
      occurredAt: '2026-05-01T14:00:00Z',
      location: 'bathroom',
      activity: 'toileting',
      witnessed: false,
      hospitalTransfer: true,
      immediateActions: '护士到场评估，送医',
    };
    // when
    const notRenewed = form('residence-contract').process({ ...contract, renewalOutcome: 'not-renewed' });
    const pending = form('residence-contract').process({
      ...contract,
      renewalOutcome: 'pending',
      notRenewedReason: 'price',
    });
    const severe = form('fall-incident').process({ ...fall, injuryLevel: 'severe' });
    const minor = form('fall-incident').process({ ...fall, injuryLevel: 'minor' });
    // then the reason is required when not renewed and dropped while pending; a severe fall needs its cause
    expect(notRenewed.errors.map((e) => `${e.path} ${e.keyword}`)).toEqual(['/notRenewedReason required']);
    expect(pending.errors).toEqual([]);
    expect(pending.data).not.toHaveProperty('notRenewedReason');
    expect(severe.errors.map((e) => `${e.path} ${e.keyword}`)).toEqual(['/causeAnalysis required']);
    expect(minor.errors).toEqual([]);
  });

  it('should score the GB/T 42195 assessment to 90 points in four domains and apply the adjustments', async () => {
    // given
    const files = await read('elder-archive');
    const form = JSON.parse(text(files, 'forms/gbt42195-assessment.json')) as { schema: object };
    const compiled = compileForm(form.schema);
    const scale = (
      form.schema as {
        properties: { ability: { 'x-scale': { items: { field: string; options: { score: number }[] }[] } } };
      }
    ).properties.ability['x-scale'];
    const best = Object.fromEntries(
      scale.items.map((item) => [item.field, Math.max(...item.options.map((o) => o.score))]),
    );
    const base = { assessedOn: '2026-03-01', reason: 'admission', assessors: '张三、李四', ...best };
    // when
    const intact = compiled.process(base).scores['/ability'];
    const dementia = compiled.process({ ...base, dementiaDiagnosed: true }).scores['/ability'];
    const coma = compiled.process({ ...base, coma: true }).scores['/ability'];
    // then
    expect(scale.items).toHaveLength(26);
    expect(intact).toEqual(
      expect.objectContaining({
        total: 90,
        level: 'intact',
        subtotals: { selfCare: 32, mobility: 15, mental: 28, social: 15 },
      }),
    );
    expect(dementia?.level).toBe('mild');
    expect(coma?.level).toBe('complete');
  });

  it('should open the day-3 call the day before, remind on the day and escalate the morning after', async () => {
    // given
    const files = await read('onboarding-30day');
    const result = await validateBundle(files);
    const definition = result.ok ? result.bundle.processes[0]!.definitions[0]! : null;
    const context = { now: '2026-03-01T02:00:00.000Z', instanceId: 'i' };
    // when
    const started = execute(
      definition!,
      null,
      {
        type: 'start',
        variables: { residentId: 'r1', admissionDate: '2026-03-01', stewardUsername: 'wang' },
      },
      context,
    );
    const open = started.effects.find(
      (e): e is Extract<Effect, { type: 'schedule-timer' }> => e.type === 'schedule-timer',
    )!;
    const fired = execute(
      definition!,
      started.state,
      { type: 'fire-timer', timerId: open.timerId },
      { ...context, now: open.dueAt },
    );
    // then: Asia/Shanghai 09:00 is 01:00Z
    expect(open.dueAt).toBe('2026-03-03T01:00:00.000Z');
    expect(fired.effects.filter((e) => e.type === 'schedule-timer').map((e) => e.dueAt)).toEqual([
      '2026-03-04T01:00:00.000Z',
      '2026-03-05T01:00:00.000Z',
    ]);
    expect(fired.effects.find((e) => e.type === 'create-task')).toEqual(
      expect.objectContaining({
        elementId: 'callDay3',
        assignee: 'wang',
        formKey: 'careloom:form:onboarding-call-notes',
      }),
    );
  });

  it.each([
    ['meals', 'normal', ['logistics'], '2026-03-04T02:00:00.000Z'],
    ['care', 'urgent', ['head-nurse'], '2026-03-02T02:00:00.000Z'],
    ['other', 'normal', ['front-desk'], '2026-03-04T02:00:00.000Z'],
  ])(
    'should route a %s complaint (%s) to %j with its resolution deadline',
    async (type, urgency, roles, deadline) => {
      // given
      const files = await read('complaint-workorder');
      const result = await validateBundle(files);
      const definition = result.ok ? result.bundle.processes[0]!.definitions[0]! : null;
      // when
      const { effects } = execute(
        definition!,
        null,
        { type: 'start', variables: { complaintType: type, urgency } },
        { now: '2026-03-01T02:00:00.000Z', instanceId: 'c' },
      );
      // then
      const task = effects.find((e) => e.type === 'create-task');
      expect(task).toEqual(expect.objectContaining({ elementId: 'firstResponse', candidateGroups: roles }));
      const timers = effects.filter((e) => e.type === 'schedule-timer').map((e) => [e.elementId, e.dueAt]);
      expect(timers).toEqual(
        expect.arrayContaining([
          ['resolutionLate', deadline],
          ['firstResponseLate', '2026-03-01T03:00:00.000Z'],
        ]),
      );
    },
  );
});

describe('the shipped MZ/T 039-2013 edition of the ability assessment', () => {
  interface MztSchema {
    properties: Record<string, Record<string, unknown>> & {
      abilityMzt: { 'x-scale': { items: { field: string; options: { value: number }[] }[] } };
    };
  }
  const FIXTURE = fileURLToPath(
    new URL('../../../../packages/forms/src/fixtures/mzt039-ability.schema.json', import.meta.url),
  );
  /** The template's own form, read from templates/ as the import reads it (not a copy). */
  const template = async () => {
    const files = await read('elder-archive');
    return (JSON.parse(text(files, 'forms/gbt42195-assessment.json')) as { schema: MztSchema }).schema;
  };
  const setUp = async () => {
    const schema = await template();
    const compiled = compileForm(schema);
    // the first option of every item is its best answer
    const best = Object.fromEntries(
      schema.properties.abilityMzt['x-scale'].items.map((item) => [item.field, item.options[0]!.value]),
    );
    const base = {
      assessedOn: '2026-03-01',
      reason: 'admission',
      assessors: '张三、李四',
      standard: 'mzt039-2013',
      ...best,
    };
    const assess = (answers: Record<string, unknown>) => {
      const result = compiled.process({ ...base, ...answers });
      const score = result.scores['/abilityMzt'];
      return {
        errors: result.errors.map((e) => `${e.path} ${e.keyword}`),
        data: result.data,
        score,
        level: score?.level,
        grades: ['adl', 'mental', 'perception', 'social'].map((id) => score?.grades?.[id]?.grade ?? null),
      };
    };
    return { assess, base };
  };

  it('should keep the forms fixture on the very MZ/T scale and items the template ships', async () => {
    // given the template's form and the packages/forms fixture its unit tests score
    const schema = await template();
    const fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as MztSchema;
    // the template shows these fields only when MZ/T is chosen: the switch keywords are the template's own
    const withoutSwitch = (node: Record<string, unknown> | undefined) => {
      const { ['x-visible-if']: _visible, ['x-required-if']: _required, ...rest } = node ?? {};
      return rest;
    };
    // when
    const names = Object.keys(fixture.properties);
    // then the scale is the same, and so is every field of the fixture apart from the edition switch
    expect(fixture.properties.abilityMzt['x-scale']).toEqual(schema.properties.abilityMzt['x-scale']);
    expect(names).toHaveLength(33);
    for (const name of names) {
      expect([name, withoutSwitch(fixture.properties[name])]).toEqual([
        name,
        withoutSwitch(schema.properties[name]),
      ]);
    }
  });

  it.each([
    // [case, answers, domain grades adl/mental/perception/social, level]
    ['intact: best answers', {}, [0, 0, 0, 0], 'intact'],
    ['mild: bathing with help (ADL 95)', { mztBathing: 0 }, [1, 0, 0, 0], 'mild'],
    [
      'moderate: ADL 60, cognition 1, hearing 2, social 5',
      {
        mztBathing: 0,
        mztDressing: 5,
        mztBladder: 5,
        mztToileting: 5,
        mztTransfer: 10,
        mztWalking: 10,
        mztStairs: 0,
        mztCognition: 1,
        mztHearing: 2,
        mztLivingAbility: 1,
        mztWorkAbility: 1,
        mztTimePlaceOrientation: 1,
        mztPersonOrientation: 1,
        mztSocialInteraction: 1,
      },
      [2, 1, 1, 1],
      'moderate',
    ],
    [
      'moderate, the worse of two rows: ADL 95 with social participation 14',
      {
        mztBathing: 0,
        mztWorkAbility: 4,
        mztLivingAbility: 4,
        mztTimePlaceOrientation: 4,
        mztPersonOrientation: 2,
      },
      [1, 0, 0, 3],
      'moderate',
    ],
    [
      'severe: ADL 40',
      { mztTransfer: 0, mztWalking: 0, mztStairs: 0, mztEating: 0, mztDressing: 0 },
      [3, 0, 0, 0],
      'severe',
    ],
    [
      'severe: drowsy and blind (perception 3) with ADL 60',
      { mztConsciousness: 1, mztVision: 4, mztStairs: 0, mztTransfer: 0, mztWalking: 0 },
      [2, 0, 3, 0],
      'severe',
    ],
  ])('should grade %s', async (_case, answers, grades, level) => {
    // given the template's form with MZ/T 039-2013 chosen
    const { assess } = await setUp();
    // when
    const result = assess(answers);
    // then the domain grades and the combination table's level, with nothing of GB/T 42195 in the record
    expect(result.errors).toEqual([]);
    expect(result.grades).toEqual(grades);
    expect(result.level).toBe(level);
    expect(result.score).toMatchObject({ edition: 'mzt039-2013', complete: true, overrides: [] });
    expect([result.data['mztAdlGrade'], result.data['mztPerceptionGrade']]).toEqual([grades[0], grades[2]]);
    expect(result.data).not.toHaveProperty('ability');
  });

  it('should rate a resident in a coma severe with the perception and social items left empty', async () => {
    // given the template's form with MZ/T chosen and the later items not answered
    const { assess, base } = await setUp();
    const skipped = [
      'mztVision',
      'mztHearing',
      'mztCommunication',
      'mztLivingAbility',
      'mztWorkAbility',
      'mztTimePlaceOrientation',
      'mztPersonOrientation',
      'mztSocialInteraction',
    ];
    const answers = Object.fromEntries(skipped.map((field) => [field, undefined]));
    // when consciousness is 昏迷 (3)
    const coma = assess({ ...answers, mztConsciousness: 3 });
    const awake = assess({ ...answers, mztConsciousness: 0 });
    // then the coma rule sets severe and the record is valid; awake, the same gaps are errors
    expect(Object.keys(base)).toEqual(expect.arrayContaining(skipped));
    expect(coma.errors).toEqual([]);
    expect(coma.level).toBe('severe');
    expect(coma.grades).toEqual([0, 0, null, null]);
    expect(coma.score).toMatchObject({ complete: false, overrides: ['coma'] });
    expect(awake.errors).toEqual(skipped.map((field) => `/${field} required`));
    expect(awake.level).toBeNull();
  });

  it('should raise the level one grade for a diagnosis or two incidents, but never beyond severe', async () => {
    // given the template's form with MZ/T chosen
    const { assess } = await setUp();
    const adl40 = { mztTransfer: 0, mztWalking: 0, mztStairs: 0, mztEating: 0, mztDressing: 0 };
    // when
    const dementia = assess({ mztCognitiveImpairment: true });
    const illness = assess({ mztBathing: 0, mztMentalIllness: true });
    const oneIncident = assess({ mztIncidentsLast30Days: 1 });
    const twoIncidents = assess({ mztIncidentsLast30Days: 2 });
    const severe = assess({ ...adl40, mztIncidentsLast30Days: 3 });
    // then
    expect([dementia.level, dementia.score?.overrides]).toEqual(['mild', ['adjust-one-grade']]);
    expect([illness.level, illness.score?.overrides]).toEqual(['moderate', ['adjust-one-grade']]);
    expect([oneIncident.level, oneIncident.score?.overrides]).toEqual(['intact', []]);
    expect([twoIncidents.level, twoIncidents.score?.overrides]).toEqual(['mild', ['adjust-one-grade']]);
    expect(severe.level).toBe('severe');
    // the domain grades are those of the answers; only the overall level moves
    expect(dementia.grades).toEqual([0, 0, 0, 0]);
  });
});
