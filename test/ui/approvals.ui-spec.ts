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

const ASSESS = '跌倒风险评估';
const REVIEW = '评估复核';
const REASON = '评分与现场观察不一致，请重新评估';

/** assess (nurse.a) → review (nurse.b): a small approval chain without forms. */
const CHAIN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://careloom.dev/ui">
  <bpmn:process id="fall-risk" name="跌倒风险评估流程" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="assess" name="${ASSESS}" camunda:assignee="nurse.a" />
    <bpmn:userTask id="review" name="${REVIEW}" camunda:assignee="nurse.b" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assess" />
    <bpmn:sequenceFlow id="f2" sourceRef="assess" targetRef="review" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

type Task = { id: string; elementId: string; status: string; assignee: string | null };

describe('approval moves in the runtime UI', () => {
  let server: ServerProcess;
  let browser: Browser;
  let instanceId: string;
  let adminToken: string;

  const api = async (path: string, token: string, body?: unknown, type = 'application/json') =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  const tasks = async (): Promise<Task[]> =>
    (await (await api(`/api/tasks?processInstanceId=${instanceId}`, adminToken)).json()) as Task[];

  beforeAll(async () => {
    server = await startUiServer();
    adminToken = await login(server.url, 'admin', ADMIN_PASSWORD);
    expect((await api('/api/processes', adminToken, CHAIN, 'application/xml')).status).toBe(201);
    const started = await api('/api/processes/fall-risk/instances', adminToken, { variables: {} });
    expect(started.status).toBe(201);
    instanceId = ((await started.json()) as { id: string }).id;
    // nurse A has done the assessment; the review waits for nurse B
    const nurseA = await login(server.url, 'nurse.a', DEMO_PASSWORD);
    const assess = (await tasks()).find((task) => task.elementId === 'assess');
    expect(
      (await api(`/api/tasks/${assess?.id ?? ''}/complete`, nurseA, { data: { score: 3 } })).status,
    ).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/app/tasks`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    return page;
  }

  it('should send a task back from the task page with a reason, shown on the instance history', async () => {
    // given nurse B on the review task on a phone
    const page = await signIn('nurse.b');
    const card = taskCards(page, REVIEW);
    await card.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByRole('heading', { name: REVIEW }).waitFor();
    const history = page.getByTestId('instance-history');
    await history.getByText('nurse.a').waitFor();
    // (she did not start the process: she may not end it)
    expect(await history.getByTestId('end-process').count()).toBe(0);

    // when she opens 更多操作 → 退回 and first confirms without a reason
    await page.getByTestId('approval-more').click();
    await page.getByRole('menuitem', { name: '退回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(ASSESS).waitFor();
    await page.getByTestId('approval-ok').click();

    // then the reason is asked for
    await dialog.getByText('请填写原因').waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'approvals-send-back');

    // when she gives it
    await page.getByTestId('approval-reason').fill(REASON);
    await page.getByTestId('approval-ok').click();

    // then she is back in her inbox and the assessment is open again for nurse A
    await page.getByText('已退回').waitFor();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    const after = await tasks();
    expect(after.find((task) => task.elementId === 'review')?.status).toBe('cancelled');
    expect(after.filter((task) => task.elementId === 'assess' && task.status === 'open')).toEqual([
      expect.objectContaining({ assignee: 'nurse.a' }),
    ]);
    await page.context().close();

    // and nurse A sees it with the reason on the history
    const nurseA = await signIn('nurse.a');
    await taskCards(nurseA, ASSESS)
      .getByRole('button', { name: /办\s*理/ })
      .click();
    await nurseA.getByRole('heading', { name: ASSESS }).waitFor();
    await nurseA.getByText('已带入上次提交的内容，请核对后再提交。').waitFor();
    const shown = nurseA.getByTestId('instance-history');
    await shown.getByText(`原因：${REASON}`).waitFor();
    await shown.getByText('退回', { exact: true }).waitFor();
    await expectNoHorizontalScroll(nurseA);
    await snapshot(nurseA, 'approvals-history');
    await nurseA.context().close();
  });

  it('should let whoever started a process end it from a task, with the reason on its history', async () => {
    // given an assessment nurse A started herself
    const nurseToken = await login(server.url, 'nurse.a', DEMO_PASSWORD);
    const started = await api('/api/processes/fall-risk/instances', nurseToken, { variables: {} });
    expect(started.status).toBe(201);
    const id = ((await started.json()) as { id: string }).id;
    const own = (await (await api(`/api/tasks?processInstanceId=${id}`, adminToken)).json()) as Task[];
    const page = await signIn('nurse.a');
    await page.goto(`${server.url}/app/tasks/${own[0]?.id ?? ''}`);
    await page.getByRole('heading', { name: ASSESS }).waitFor();

    // when she ends the process and first confirms without a reason
    await page.getByTestId('end-process').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('结束整个流程？').waitFor();
    await dialog.getByRole('button', { name: '结束流程' }).click();

    // then the reason is asked for
    await dialog.getByText('请写明为什么结束流程').waitFor();
    await expectNoHorizontalScroll(page);

    // when she gives it
    await dialog.getByLabel('原因').fill('长者已转院，无需评估');
    await dialog.getByRole('button', { name: '结束流程' }).click();

    // then she is back in her inbox, and the instance is cancelled with who and why on its history
    await page.getByText('流程已结束').waitFor();
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    const view = (await (await api(`/api/process-instances/${id}`, adminToken)).json()) as {
      status: string;
      history: { event: string; elementType: string; actor: string | null; reason: string | null }[];
    };
    expect(view.status).toBe('cancelled');
    expect(view.history.filter((row) => row.elementType === 'process' && row.event === 'cancelled')).toEqual([
      expect.objectContaining({ reason: '长者已转院，无需评估', actor: expect.any(String) as unknown }),
    ]);
    await page.context().close();
  });
});
