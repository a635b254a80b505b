import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  DEMO_PASSWORD,
  launchBrowser,
  PHONE,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const FORM_KEY = 'ui-fr-expense';
const PROCESS_KEY = 'ui-fr-expense-approval';
const APPROVE = '报销审批（字段权限）';

/** fill (nurse.a) → approve (doctor) on one form, with diagram information and no field rights yet. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://careloom.dev/ui-test">
  <bpmn:process id="${PROCESS_KEY}" name="报销审批" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="fill" name="填写报销单" camunda:assignee="nurse.a" camunda:formKey="careloom:form:${FORM_KEY}" />
    <bpmn:userTask id="approve" name="${APPROVE}" camunda:assignee="doctor" camunda:formKey="careloom:form:${FORM_KEY}" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fill" />
    <bpmn:sequenceFlow id="f2" sourceRef="fill" targetRef="approve" />
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="${PROCESS_KEY}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="fill_di" bpmnElement="fill"><dc:Bounds x="240" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="approve_di" bpmnElement="approve"><dc:Bounds x="400" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="562" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="240" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="200" /><di:waypoint x="400" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="500" y="200" /><di:waypoint x="562" y="200" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

const FORM_SCHEMA = {
  type: 'object',
  properties: {
    amount: { type: 'number', title: '报销金额', 'x-labels': { 'zh-CN': '报销金额', en: 'Amount' } },
    internalNote: {
      type: 'string',
      title: '内部备注',
      'x-labels': { 'zh-CN': '内部备注', en: 'Internal note' },
    },
    decision: {
      type: 'string',
      title: '审批意见',
      'x-labels': { 'zh-CN': '审批意见', en: 'Decision' },
      enum: ['同意', '驳回'],
    },
  },
  required: ['amount'],
};

type Task = { id: string; elementId: string; status: string };

describe('step-level field rights in the designer and the runtime UI', () => {
  let server: ServerProcess;
  let browser: Browser;
  let adminToken: string;

  const api = async (path: string, token: string, body?: unknown, type = 'application/json') =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  beforeAll(async () => {
    server = await startUiServer();
    adminToken = await login(server.url, 'admin', ADMIN_PASSWORD);
    const form = await api('/api/forms', adminToken, {
      key: FORM_KEY,
      name: { 'zh-CN': '报销单（字段权限）', en: 'Expense claim (field rights)' },
      schema: FORM_SCHEMA,
    });
    expect(form.status).toBe(201);
    const { id } = (await form.json()) as { id: string };
    expect((await api(`/api/forms/${id}/publish`, adminToken, {})).status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(path: string, username: string, password: string, viewport: typeof PHONE) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    return page;
  }

  it('should set rights in the designer, deploy them, and show the approver the amount disabled and no note', async () => {
    // given the admin with the two-step claim process open in the designer
    const designer = await signIn('/designer/processes', 'admin', ADMIN_PASSWORD, DESKTOP);
    await designer.getByRole('heading', { name: '流程' }).waitFor();
    await designer.getByTestId('open-bpmn-file').setInputFiles({
      name: 'field-rights.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(XML, 'utf8'),
    });
    const canvas = designer.getByTestId('bpmn-canvas');
    await canvas.locator('[data-element-id="approve"]').click();
    const rights = designer.getByTestId('field-rights');
    await rights.getByText('字段权限', { exact: true }).waitFor();

    // when she makes the amount read-only, the note hidden and the decision required, and deploys
    await chooseOption(designer, rights.getByLabel('报销金额 的权限'), '只读');
    await chooseOption(designer, rights.getByLabel('内部备注 的权限'), '隐藏');
    await chooseOption(designer, rights.getByLabel('审批意见 的权限'), '必填');
    await snapshot(designer, 'field-rights-designer');
    await designer.getByTestId('deploy-process').click();
    await designer
      .getByTestId('deployed')
      .getByText(new RegExp(`已部署 ${PROCESS_KEY} v\\d+`))
      .waitFor();

    // then the deployed model carries them on the approval task
    const deployed = (await (await api(`/api/processes/${PROCESS_KEY}`, adminToken)).json()) as {
      xml: string;
    };
    const attribute = /<bpmn:userTask id="approve"[^>]*careloom:fieldRights="([^"]*)"/.exec(deployed.xml);
    expect(JSON.parse((attribute?.[1] ?? '').replace(/&#34;|&quot;/g, '"'))).toEqual({
      amount: 'readonly',
      internalNote: 'hidden',
      decision: 'required',
    });
    await designer.context().close();

    // given a claim nurse A filled in (amount 300, a note for the office)
    const started = await api(`/api/processes/${PROCESS_KEY}/instances`, adminToken, { variables: {} });
    expect(started.status).toBe(201);
    const instanceId = ((await started.json()) as { id: string }).id;
    const tasks = async () =>
      (await (await api(`/api/tasks?processInstanceId=${instanceId}`, adminToken)).json()) as Task[];
    const fill = (await tasks()).find((task) => task.elementId === 'fill');
    const nurseA = await login(server.url, 'nurse.a', DEMO_PASSWORD);
    const filled = await api(`/api/tasks/${fill?.id ?? ''}/complete`, nurseA, {
      data: { amount: 300, internalNote: '只给办公室看' },
    });
    expect(filled.status).toBe(200);
    const approve = (await tasks()).find((task) => task.elementId === 'approve' && task.status === 'open');

    // when the doctor opens the approval on a phone
    const page = await signIn(`/app/tasks/${approve?.id ?? ''}`, 'doctor', DEMO_PASSWORD, PHONE);
    await page.getByRole('heading', { name: APPROVE }).waitFor();

    // then the amount is shown but cannot be edited, the note is absent, the decision is there
    const amount = page.getByLabel('报销金额');
    await amount.waitFor();
    await expect(amount.inputValue()).resolves.toBe('300');
    await expect(amount.isEditable()).resolves.toBe(false);
    await expect(page.getByText('内部备注').count()).resolves.toBe(0);
    await expect(page.getByText('只给办公室看').count()).resolves.toBe(0);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await snapshot(page, 'field-rights-task');

    // when she decides and completes
    await page.getByText('同意', { exact: true }).click();
    await page.getByRole('button', { name: /完成任务/ }).click();

    // then the task is done and its record keeps the amount and the note
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    const done = (await tasks()).find((task) => task.id === approve?.id) as Task & { recordId: string };
    expect(done.status).toBe('completed');
    const record = (await (await api(`/api/records/${done.recordId}`, adminToken)).json()) as {
      data: Record<string, unknown>;
    };
    expect(record.data).toEqual({ amount: 300, internalNote: '只给办公室看', decision: '同意' });
    await page.context().close();
  });
});
