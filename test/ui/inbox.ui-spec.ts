import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  snapshot,
  startUiServer,
  taskCards,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const RESIDENT = '张建国';
const FORM_KEY = 'night-round';
const FORM_NAME = '夜间巡视记录';
const TASK_NAME = '夜间巡视';
const NOTICE = '{{resident.name}} 的夜间巡视已记录';

const NIGHT_ROUND_FORM = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: FORM_NAME,
  type: 'object',
  required: ['observation'],
  additionalProperties: false,
  properties: {
    observation: {
      type: 'string',
      title: '观察情况',
      maxLength: 100,
      'x-labels': { 'zh-CN': '观察情况', en: 'Observation' },
    },
  },
};

const NIGHT_ROUND_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://careloom.dev/ui">
  <bpmn:process id="night-round" name="夜间巡视流程" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="round" name="${TASK_NAME}" camunda:candidateGroups="nurse" camunda:formKey="careloom:form:${FORM_KEY}" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="round" />
    <bpmn:sequenceFlow id="f2" sourceRef="round" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the task inbox in the runtime UI', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startUiServer();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const post = (path: string, body: unknown, type = 'application/json') =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    // a small published form, a one-task process using it, and one instance for a wing-A resident
    const created = await post('/api/forms', {
      key: FORM_KEY,
      name: { 'zh-CN': FORM_NAME, en: 'Night round' },
      schema: NIGHT_ROUND_FORM,
    });
    expect(created.status).toBe(201);
    const { id: formId } = (await created.json()) as { id: string };
    expect((await post(`/api/forms/${formId}/publish`, {})).status).toBe(201);
    // a rule that tells the nurses when a night round was recorded
    const rule = await post('/api/rules', {
      key: 'night-round-recorded',
      name: { 'zh-CN': '夜间巡视提醒', en: 'Night round recorded' },
      enabled: true,
      definition: {
        trigger: { type: 'record.saved', formKey: FORM_KEY },
        condition: { '!!': [{ var: 'record.observation' }] },
        actions: [
          {
            type: 'notify',
            to: { role: 'nurse' },
            message: { 'zh-CN': NOTICE, en: 'Night round recorded for {{resident.name}}' },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    const deployed = await post('/api/processes', NIGHT_ROUND_PROCESS, 'application/xml');
    expect(deployed.status).toBe(201);

    const residents = await fetch(`${server.url}/api/residents?q=${encodeURIComponent(RESIDENT)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await residents.json()) as { items: { id: string }[] };
    const residentId = items[0]?.id;
    expect(residentId).toBeDefined();
    const started = await post('/api/processes/night-round/instances', { variables: {}, residentId });
    expect(started.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function nursePage(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/app/tasks`);
    await page.getByLabel('用户名').fill('nurse.a');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    return page;
  }

  it('should let a nurse claim a task, complete its form and find the record on the resident timeline', async () => {
    // given nurse A in her inbox on a phone
    const page = await nursePage();

    // when she opens the unclaimed tab
    await page.getByTestId('count-candidate').getByText('1').waitFor();
    await page.getByText('待认领', { exact: true }).click();

    // then the task is there with its resident, offered to her role
    const card = taskCards(page, TASK_NAME);
    await card.getByText(RESIDENT).waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'inbox-candidate');

    // when she claims it
    await card.getByRole('button', { name: /认\s*领/ }).click();
    await page.getByText(`已认领「${TASK_NAME}」，可在「我的」中办理`).waitFor();

    // then it moves to her own tab
    await page.getByTestId('count-candidate').getByText('0').waitFor();
    await page.getByText('我的', { exact: true }).click();
    const mine = taskCards(page, TASK_NAME);
    await mine.getByRole('button', { name: /放\s*回/ }).waitFor();
    await snapshot(page, 'inbox-mine');

    // when she opens it, first submits empty, then fills the form and completes it
    await mine.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByRole('heading', { name: TASK_NAME }).waitFor();
    await page.getByTestId('care-form-submit').click();
    await page.getByText('观察情况：请填写此项').waitFor();
    await page.getByLabel('观察情况').fill('安睡，呼吸平稳');
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'inbox-task-form');
    await page.getByTestId('care-form-submit').click();

    // then she is back in the inbox and the task is gone
    await page.getByText('任务已完成').waitFor();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    // (other specs sharing the database may leave nurse.a tasks of their own: only this one is checked)
    await taskCards(page, TASK_NAME).first().waitFor({ state: 'detached' });
    await expect(taskCards(page, TASK_NAME).count()).resolves.toBe(0);
    await snapshot(page, 'inbox-empty');

    // and under 已办 (done) it shows as completed, with no claim or put-back button
    await page.getByTestId('tab-done').click();
    const done = taskCards(page, TASK_NAME);
    await done.getByTestId('task-completed').getByText(/办结/).waitFor();
    await expect(done.getByRole('button', { name: /放\s*回|认\s*领/ }).count()).resolves.toBe(0);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'inbox-done');
    await page.getByTestId('tab-mine').click();

    // when the rule's notification arrives (rules run after the save), she opens it from the bell
    const bell = page.getByTestId('notification-bell');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      if ((await bell.getAttribute('aria-label')) === '通知，1 条未读') {
        break;
      }
      await page.waitForTimeout(500);
      await page.reload();
      await bell.waitFor();
    }
    await expect(bell.getAttribute('aria-label')).resolves.toBe('通知，1 条未读');
    await bell.click();
    const notice = page.getByRole('dialog').getByRole('button', { name: `${RESIDENT} 的夜间巡视已记录` });
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'inbox-notifications');
    await notice.click();

    // then she lands on the resident, whose timeline shows the record, the completed task and the alert
    await page.getByRole('heading', { name: RESIDENT }).waitFor();
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
    const timeline = page.getByTestId('resident-timeline');
    await timeline.getByTestId('timeline-record').getByText(FORM_NAME).waitFor();
    await timeline.getByTestId('timeline-task').getByText(TASK_NAME).waitFor();
    const alert = timeline.getByTestId('timeline-alert');
    await alert.getByText('夜间巡视提醒').waitFor();
    await alert.getByRole('button', { name: '查看原因' }).click();
    await expect(alert.locator('li').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('archive-summary').getByText('过敏史').waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'inbox-resident-timeline');
    await page.context().close();
  });
});
