import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { execute, type Effect } from '@careloom/engine';
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
    const locations = result.ok ? [] : result.problems.filter((p) => p.file === path).map((p) => p.location);
    expect(locations).toEqual(
      expect.arrayContaining([
        '/definition/condition',
        '/definition/trigger/formKey',
        '/definition/actions/0/to/role',
      ]),
    );
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
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'rules/extra-rule.json',
        message: expect.stringContaining('not listed') as unknown as string,
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
    const locations = result.ok
      ? []
      : result.problems.filter((p) => p.file === 'manifest.json').map((p) => p.location);
    expect(locations).toEqual(expect.arrayContaining(['/version', '/roles/1']));
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
      }),
    );
    expect(!manyResult.ok && manyResult.problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('201 files') as unknown as string }),
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
