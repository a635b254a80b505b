import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
  taskCards,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

/**
 * Issue #8 "done when": someone who has not seen the code builds, in the designer alone, a fall-incident form,
 * a process that routes a fall to the head nurse with a 30-minute escalation, and a rule that starts it when
 * the form is submitted — and it runs in the runtime UI. The API is used only for what an admin has anyway
 * (a resident, a director's login), to move the test clock and for assertions.
 */

const DESKTOP = { width: 1280, height: 900 };
// every name is unique: all browser specs share one database
const SUFFIX = Date.now().toString(36).slice(-5);
const FORM_NAME = `跌倒事件 ${SUFFIX}`;
const FORM_KEY = `fall-incident-${SUFFIX}`;
const REVIEW_NAME = `跌倒处理记录 ${SUFFIX}`;
const REVIEW_KEY = `fall-review-${SUFFIX}`;
const PROCESS_NAME = `跌倒处理 ${SUFFIX}`;
const PROCESS_KEY = `fall-response-${SUFFIX}`;
const RULE_NAME = `跌倒上报即启动处理 ${SUFFIX}`;
const RULE_KEY = `fall-starts-response-${SUFFIX}`;
const RESIDENT = `跌倒测试长者${SUFFIX}`;
const DIRECTOR = `director.${SUFFIX}`;
const DIRECTOR_PASSWORD = 'ui-director-secret-1';
const HEAD_NURSE_TASK = '护士长处理';
const ESCALATION_TASK = '院长督办：跌倒超时未处理';
const DESCRIPTION = '夜间如厕时滑倒，右膝擦伤，意识清醒';

describe('a fall incident built in the designer alone runs in the runtime UI (issue #8)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let api: (method: string, path: string, body?: unknown) => Promise<Response>;
  let residentId = '';

  beforeAll(async () => {
    server = await startUiServer({ CARELOOM_TEST_CLOCK: '1' });
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    api = (method, path, body) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    // what an admin has anyway: a resident in wing A (nurse A's wing) and the director's login
    const units = (await (await api('GET', '/api/org-units')).json()) as { id: string; name: string }[];
    const wingA = units.find((unit) => unit.name === 'A区（一层）') ?? units[0];
    const branch = units.find((unit) => unit.name === '康宁颐养院·朝阳院区') ?? units[0];
    const resident = await api('POST', '/api/residents', {
      name: RESIDENT,
      gender: 'female',
      birthDate: '1936-02-11',
      orgUnitId: wingA?.id,
      room: '112',
      bed: '1',
    });
    expect(resident.status).toBe(201);
    residentId = ((await resident.json()) as { id: string }).id;
    // the shipped templates let the director (院长) act through the admin role (complaint work order 院长督办)
    const director = await api('POST', '/api/users', {
      username: DIRECTOR,
      displayName: `张院长 ${SUFFIX}`,
      password: DIRECTOR_PASSWORD,
      memberships: [{ role: 'admin', orgUnitId: branch?.id }],
    });
    expect(director.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(
    app: 'designer' | 'app',
    viewport: { width: number; height: number },
    user: string,
    password: string,
    path = '',
  ): Promise<Page> {
    return signedInPage(browser, `${server.url}/${app}/${path}`, user, password, { viewport });
  }

  /** Drags a palette entry of the form designer to the end of the canvas and waits for its card. */
  async function dragField(page: Page, kind: string, key: string): Promise<void> {
    await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas-drop-end'), { steps: 10 });
    await page.getByTestId(`field-card-${key}`).waitFor();
  }

  /** Selects a field card and gives it its Chinese and English label. */
  async function nameField(page: Page, key: string, zh: string, en: string): Promise<Locator> {
    await page.getByTestId(`field-card-${key}`).click();
    const props = page.getByTestId('field-properties');
    await props.getByLabel('中文名称').fill(zh);
    await props.getByLabel('英文名称').fill(en);
    return props;
  }

  /** Replaces the options of the selected choice field (it starts with two) by these labels. */
  async function setOptions(props: Locator, labels: readonly [string, string][]): Promise<void> {
    const editor = props.getByTestId('options-editor');
    for (let i = 2; i < labels.length; i += 1) {
      await editor.getByRole('button', { name: /添加选项/ }).click();
    }
    for (const [i, [zh, en]] of labels.entries()) {
      await editor.getByLabel('中文', { exact: true }).nth(i).fill(zh);
      await editor.getByLabel('英文', { exact: true }).nth(i).fill(en);
    }
  }

  /** The id of the element selected on the bpmn-js canvas (exactly one). */
  async function selectedId(page: Page): Promise<string> {
    const selected = page.locator('.djs-element.djs-shape.selected');
    await expect(selected.count()).resolves.toBe(1);
    return (await selected.getAttribute('data-element-id')) ?? '';
  }

  /** Clicks an entry of the context pad of the selected element. */
  async function contextPad(page: Page, action: string): Promise<void> {
    await page.locator(`.djs-context-pad.open .entry[data-action="${action}"]`).click();
  }

  /** Picks the palette's (intermediate) event and drops it on the lower border of a task: it attaches there. */
  async function attachBoundaryEvent(page: Page, taskId: string): Promise<string> {
    const task = await page.locator(`[data-element-id="${taskId}"] .djs-visual > rect`).first().boundingBox();
    if (!task) {
      throw new Error(`task ${taskId} is not on the canvas`);
    }
    const x = task.x + task.width * 0.6;
    const y = task.y + task.height;
    await page.locator('.djs-palette .entry[data-action="create.intermediate-event"]').click();
    await page.mouse.move(x - 60, y + 60);
    await page.mouse.move(x, y, { steps: 10 });
    await page.mouse.down();
    await page.mouse.up();
    const id = await selectedId(page);
    await page
      .getByTestId('element-properties')
      .getByText(/BoundaryEvent/)
      .waitFor();
    return id;
  }

  /** A tags select of roles: removes `remove` and picks `add` from the dropdown (by the roles' names). */
  async function pickRoles(
    page: Page,
    select: Locator,
    add: readonly string[],
    remove: readonly string[],
  ): Promise<void> {
    const box = select.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
    for (const role of remove) {
      await box
        .locator(`.ant-select-selection-item[title="${role}"] .ant-select-selection-item-remove`)
        .click();
    }
    for (const role of add) {
      await select.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${role}$`) })
        .click();
    }
    await page.keyboard.press('Escape');
    for (const role of add) {
      await box.locator(`.ant-select-selection-item[title="${role}"]`).waitFor();
    }
  }

  async function publish(page: Page): Promise<void> {
    await page.getByTestId('publish').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await page.getByText('已发布版本 v1').waitFor();
  }

  async function newForm(page: Page, zh: string, en: string, key: string): Promise<void> {
    await page.getByRole('heading', { name: '表单' }).waitFor();
    await page.getByTestId('new-form').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文名称').fill(zh);
    await dialog.getByLabel('英文名称').fill(en);
    // the key is suggested from the English name: nobody has to invent one
    await expect(dialog.getByLabel('标识').inputValue()).resolves.toBe(key);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('form-editor').waitFor();
    await page.getByRole('heading', { name: zh }).waitFor();
  }

  it('should let the admin drag the fall incident form and the head nurse review form together and publish them', async () => {
    // given the admin in the form designer on a desk
    const page = await signedIn('designer', DESKTOP, 'admin', ADMIN_PASSWORD);

    // when she creates the fall incident form and drags in date, time, place, injury, description and witnessed
    await newForm(page, FORM_NAME, `Fall incident ${SUFFIX}`, FORM_KEY);
    await dragField(page, 'date', 'date');
    await dragField(page, 'time', 'time');
    await dragField(page, 'radio', 'choice');
    await dragField(page, 'select', 'dropdown');
    await dragField(page, 'textarea', 'notes');
    await dragField(page, 'yes-no', 'yesNo');

    // and names them, makes the place required and gives the choices their options
    await nameField(page, 'date', '跌倒日期', 'Date of fall');
    await nameField(page, 'time', '跌倒时间', 'Time of fall');
    const place = await nameField(page, 'choice', '发生地点', 'Location');
    await place.getByRole('switch', { name: '必填' }).click();
    await setOptions(place, [
      ['房间', 'Room'],
      ['卫生间', 'Bathroom'],
      ['走廊', 'Corridor'],
      ['户外', 'Outdoors'],
    ]);
    const injury = await nameField(page, 'dropdown', '受伤程度', 'Injury level');
    await setOptions(injury, [
      ['无受伤', 'None'],
      ['轻度', 'Minor'],
      ['中度', 'Moderate'],
      ['重度', 'Severe'],
    ]);
    await nameField(page, 'notes', '经过描述', 'What happened');
    await nameField(page, 'yesNo', '是否有人目击', 'Witnessed');
    await page.getByTestId('field-card-choice').getByText('发生地点 *').waitFor();
    await expect(page.locator('[data-testid^="field-card-"]').count()).resolves.toBe(6);
    await snapshot(page, 'fall-incident-form-designer');

    // and publishes it
    await publish(page);

    // and builds the head nurse's review form the same way
    await page.goto(`${server.url}/designer/forms`);
    await newForm(page, REVIEW_NAME, `Fall review ${SUFFIX}`, REVIEW_KEY);
    await dragField(page, 'textarea', 'notes');
    await dragField(page, 'yes-no', 'yesNo');
    const measures = await nameField(page, 'notes', '处理措施', 'Actions taken');
    await measures.getByRole('switch', { name: '必填' }).click();
    await nameField(page, 'yesNo', '已通知家属', 'Family informed');
    await publish(page);
    await snapshot(page, 'fall-incident-review-form');

    // then both are published with the fields she named
    const forms = (await (await api('GET', '/api/forms?status=published')).json()) as {
      key: string;
      latestVersion?: number;
    }[];
    expect(forms.map((form) => form.key)).toEqual(expect.arrayContaining([FORM_KEY, REVIEW_KEY]));
    await page.context().close();
  });

  it('should let the admin draw the process with a 30-minute escalation in bpmn-js and deploy it', async () => {
    // given the admin creating a new process (start → task → end) on a desk
    const page = await signedIn('designer', DESKTOP, 'admin', ADMIN_PASSWORD, 'processes');
    await page.getByRole('heading', { name: '流程' }).waitFor();
    await page.getByTestId('new-process').click();
    const canvas = page.getByTestId('bpmn-canvas');
    const props = page.getByTestId('element-properties');
    await canvas.locator('[data-element-id="task"]').waitFor();

    // when she names the process
    await props.getByLabel('标识', { exact: true }).fill(PROCESS_KEY);
    await props.getByLabel('标识', { exact: true }).blur();
    await props.getByLabel('名称').fill(PROCESS_NAME);

    // and makes the task the head nurse's, with the review form
    await canvas.locator('[data-element-id="task"]').click();
    await props.getByLabel('名称').fill(HEAD_NURSE_TASK);
    await chooseOption(page, props.getByLabel('表单'), REVIEW_NAME);
    await pickRoles(page, props.getByLabel('候选角色'), ['护士长'], ['护士']);

    // and drops an event from the palette on the task's lower border: a boundary event
    const boundary = await attachBoundaryEvent(page, 'task');

    // and turns it into a non-interrupting timer with the wrench of the context pad, due after 30 minutes
    await contextPad(page, 'replace');
    await page.locator('.djs-popup [data-id="replace-with-non-interrupting-timer-boundary"]').click();
    const timer = await selectedId(page);
    expect(timer).toBe(boundary);
    await props.getByLabel('名称').fill('30 分钟未处理');
    await props.getByLabel('定时值').fill('PT30M');
    await props.getByTestId('timer-preview').getByText('30 分钟后').waitFor();

    // and appends the director's task and an end to it from the context pad
    await contextPad(page, 'append.append-task');
    await contextPad(page, 'replace');
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    const escalation = await selectedId(page);
    await props.getByLabel('名称').fill(ESCALATION_TASK);
    await pickRoles(page, props.getByLabel('候选角色'), ['系统管理员'], []);
    await contextPad(page, 'append.end-event');
    await props.getByLabel('名称').fill('已督办');
    await snapshot(page, 'fall-incident-process-designer');

    // and deploys
    await page.getByTestId('deploy-process').click();

    // then it deploys without problems
    await page
      .getByTestId('deployed')
      .getByText(new RegExp(`已部署 ${PROCESS_KEY} v1`))
      .waitFor();
    await expect(page.getByTestId('deploy-problems').count()).resolves.toBe(0);
    await expect(canvas.locator('.cl-error').count()).resolves.toBe(0);
    await snapshot(page, 'fall-incident-process-deployed');

    // and the deployed BPMN has what she drew
    const { xml } = (await (await api('GET', `/api/processes/${PROCESS_KEY}`)).json()) as { xml: string };
    expect(xml).toMatch(new RegExp(`<bpmn:boundaryEvent id="${timer}"[^>]*cancelActivity="false"`));
    expect(xml).toMatch(/<bpmn:timeDuration[^>]*>PT30M<\/bpmn:timeDuration>/);
    expect(xml).toMatch(new RegExp(`<bpmn:userTask id="${escalation}"[^>]*camunda:candidateGroups="admin"`));
    expect(xml).toContain('camunda:candidateGroups="head-nurse"');
    expect(xml).toContain(`camunda:formKey="careloom:form:${REVIEW_KEY}"`);
    await page.context().close();
  });

  it('should let the admin build the rule "fall form created → start the process" visually and save it enabled', async () => {
    // given the admin on the rule list
    const page = await signedIn('designer', DESKTOP, 'admin', ADMIN_PASSWORD, 'rules');
    await page.getByRole('heading', { name: '规则' }).waitFor();

    // when she creates a rule
    await page.getByTestId('new-rule').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文名称').fill(RULE_NAME);
    await dialog.getByLabel('英文名称').fill(`Fall starts response ${SUFFIX}`);
    await expect(dialog.getByLabel('标识').inputValue()).resolves.toBe(RULE_KEY);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('rule-editor').waitFor();

    // and makes its action "start the fall process" (for the resident) instead of the default notification
    const action = page.getByTestId('action-0');
    await chooseOption(page, action.getByLabel('动作类型'), '启动流程');
    await chooseOption(page, action.getByLabel('流程'), `${PROCESS_NAME} (${PROCESS_KEY})`);
    await action
      .getByTestId('start-process-resident')
      .getByText(/为触发本规则的长者启动/)
      .waitFor();

    // and, picking the review form as the trigger by mistake, is warned that the head nurse's step would
    // fire the rule again
    const trigger = page.getByTestId('trigger-editor');
    await chooseOption(page, trigger.getByLabel('表单'), REVIEW_NAME);
    await action
      .getByTestId('start-process-loop')
      .getByText(new RegExp(`「${HEAD_NURSE_TASK}」填写的正是触发表单「${REVIEW_NAME}」`))
      .waitFor();
    await snapshot(page, 'fall-incident-rule-loop-warning');

    // when she triggers it on the fall incident form instead
    await chooseOption(page, trigger.getByLabel('表单'), FORM_NAME);
    await trigger.getByTestId('trigger-sentence').getByText(`当「${FORM_NAME}」新增时`).waitFor();

    // then the warning is gone
    await action.getByTestId('start-process-loop').waitFor({ state: 'detached' });
    await snapshot(page, 'fall-incident-rule-designer');

    // and she saves it
    await page.getByTestId('save-rule').click();
    await page.getByText('已保存版本 v1').waitFor();

    // then the list shows it enabled, with its trigger in words
    await page.getByRole('link', { name: '返回规则列表' }).click();
    const list = page.getByTestId('rule-list');
    await list.getByRole('link', { name: RULE_NAME }).waitFor();
    await list.getByText(`当「${FORM_NAME}」新增时`).waitFor();
    await expect(list.getByTestId(`rule-enabled-${RULE_KEY}`).getAttribute('aria-checked')).resolves.toBe(
      'true',
    );
    await snapshot(page, 'fall-incident-rule-list');
    await page.context().close();
  });

  it('should route a fall recorded by a nurse on a phone to the head nurse and escalate it to the director after 30 minutes', async () => {
    // given nurse A on her phone, on the resident's page
    const nurse = await signedIn('app', PHONE, 'nurse.a', DEMO_PASSWORD, 'residents');
    await nurse.getByRole('heading', { name: '长者名册' }).waitFor();
    await nurse.getByRole('cell', { name: RESIDENT }).first().click();
    await nurse.getByRole('heading', { name: RESIDENT }).waitFor();

    // when she fills the fall incident form and saves it
    await nurse.getByRole('button', { name: /填写表单/ }).click();
    await nurse.getByRole('dialog').getByRole('button', { name: FORM_NAME, exact: true }).click();
    await nurse.getByRole('heading', { name: FORM_NAME }).waitFor();
    await nurse.getByLabel('跌倒日期').fill(new Date().toISOString().slice(0, 10));
    // the phone's own time picker: a time of day, as the nurse reads it off the clock
    await nurse.getByLabel('跌倒时间').fill('02:30');
    await nurse.getByRole('radiogroup', { name: '发生地点' }).getByText('卫生间', { exact: true }).click();
    await nurse.getByLabel('受伤程度').click();
    await nurse.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '轻度' }).click();
    await nurse.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await nurse.getByLabel('经过描述').fill(DESCRIPTION);
    await nurse.getByRole('radiogroup', { name: '是否有人目击' }).getByText('否', { exact: true }).click();
    await expectNoHorizontalScroll(nurse);
    await snapshot(nurse, 'fall-incident-nurse-fills');
    await nurse.getByTestId('care-form-submit').click();
    await nurse.waitForURL(/\/app\/records\/[0-9a-f-]+$/);
    await nurse.getByText(DESCRIPTION).waitFor();
    await nurse.getByText('02:30', { exact: true }).waitFor();
    await snapshot(nurse, 'fall-incident-nurse-record');
    await nurse.context().close();

    // then the rule started the process for the resident
    const instances = (await (
      await api('GET', `/api/process-instances?processKey=${PROCESS_KEY}&residentId=${residentId}`)
    ).json()) as { id: string; status: string }[];
    expect(instances).toHaveLength(1);
    const instanceId = instances[0]?.id ?? '';

    // and the head nurse finds the task among those offered to her role, and claims it
    const headNurse = await signedIn('app', PHONE, 'headnurse', DEMO_PASSWORD, 'tasks');
    await headNurse.getByRole('heading', { name: '待办任务' }).waitFor();
    await headNurse.getByTestId('tab-candidate').click();
    const offered = taskCards(headNurse, RESIDENT).filter({ hasText: HEAD_NURSE_TASK });
    await offered.waitFor();
    await expectNoHorizontalScroll(headNurse);
    await snapshot(headNurse, 'fall-incident-head-nurse-inbox');
    await offered.getByRole('button', { name: /认\s*领/ }).click();
    await headNurse.getByText(`已认领「${HEAD_NURSE_TASK}」，可在「我的」中办理`).waitFor();

    // when 31 minutes pass without her completing it
    const moved = await api('POST', '/api/test/clock', { advance: 'PT31M' });
    expect(moved.status).toBe(200);

    // then the director sees the escalation in her inbox, on her phone
    const director = await signedIn('app', PHONE, DIRECTOR, DIRECTOR_PASSWORD, 'tasks');
    await director.getByRole('heading', { name: '待办任务' }).waitFor();
    await director.getByTestId('tab-candidate').click();
    const escalated = taskCards(director, RESIDENT).filter({ hasText: ESCALATION_TASK });
    await escalated.waitFor();
    await expectNoHorizontalScroll(director);
    await snapshot(director, 'fall-incident-director-escalation');
    await director.context().close();

    // and the head nurse still has her task (the timer does not interrupt it) and completes it
    await headNurse.reload();
    await headNurse.getByTestId('tab-mine').click();
    const mine = taskCards(headNurse, RESIDENT).filter({ hasText: HEAD_NURSE_TASK });
    await mine.getByRole('button', { name: /办\s*理/ }).click();
    await headNurse.getByRole('heading', { name: HEAD_NURSE_TASK }).waitFor();

    // then the task shows what it is about: the resident with room and bed, and the incident that started it,
    // folded on her phone until she opens it, read with the form's labels
    const about = headNurse.getByTestId('task-resident');
    await about.getByRole('link', { name: RESIDENT }).waitFor();
    await about.getByText('112 / 1').waitFor();
    const incident = headNurse.getByTestId('source-record');
    await incident.getByText(`发起本流程的记录：${FORM_NAME}`).waitFor();
    await expect(incident.getByText(DESCRIPTION).count()).resolves.toBe(0);
    await incident.getByRole('button', { name: '查看来源记录' }).click();
    await incident.getByText(DESCRIPTION).waitFor();
    await incident.getByText('经过描述').first().waitFor();
    await incident.getByText('发生地点').first().waitFor();
    await incident.getByText('卫生间', { exact: true }).waitFor();
    await incident.getByText('轻度', { exact: true }).waitFor();
    await expect(incident.getByText('notes', { exact: true }).count()).resolves.toBe(0);
    await expect(incident.getByTestId('source-record-link').getAttribute('href')).resolves.toMatch(
      /\/app\/records\/[0-9a-f-]+$/,
    );
    await expectNoHorizontalScroll(headNurse);
    await snapshot(headNurse, 'fall-incident-head-nurse-sees-incident');

    // when she records what she did
    await headNurse.getByLabel('处理措施').fill('已查看伤情，通知医生复查右膝，加装卫生间扶手');
    await headNurse.getByRole('radiogroup', { name: '已通知家属' }).getByText('是', { exact: true }).click();
    await expectNoHorizontalScroll(headNurse);
    await snapshot(headNurse, 'fall-incident-head-nurse-task');
    await headNurse.getByTestId('care-form-submit').click();
    await headNurse.getByText('任务已完成').waitFor();
    await headNurse.getByRole('heading', { name: '待办任务' }).waitFor();
    await headNurse.context().close();

    // and the instance waits only for the director's escalation task now
    const tasks = (await (await api('GET', `/api/tasks?processInstanceId=${instanceId}`)).json()) as {
      name: string;
      status: string;
    }[];
    expect(tasks.map((task) => [task.name, task.status]).sort()).toEqual(
      [
        [ESCALATION_TASK, 'open'],
        [HEAD_NURSE_TASK, 'completed'],
      ].sort(),
    );

    // (the database is shared with other specs: the escalation is not left in the director's inbox)
    expect((await api('POST', `/api/process-instances/${instanceId}/cancel`, {})).status).toBeLessThan(300);
  });
});
