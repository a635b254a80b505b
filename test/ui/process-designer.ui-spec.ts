import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, REPO_ROOT, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const ONBOARDING = path.join(
  REPO_ROOT,
  'packages',
  'engine',
  'src',
  '__fixtures__',
  'onboarding-30-day.bpmn',
);

/** An exclusive gateway with two unconditioned flows and no default: the engine refuses it at deploy. */
const INVALID_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs" targetNamespace="http://careloom.dev/ui-test">
  <bpmn:process id="ui-invalid-choice" name="Invalid choice" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:exclusiveGateway id="choose" name="Which way?" />
    <bpmn:endEvent id="endA" />
    <bpmn:endEvent id="endB" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="choose" />
    <bpmn:sequenceFlow id="fA" sourceRef="choose" targetRef="endA" />
    <bpmn:sequenceFlow id="fB" sourceRef="choose" targetRef="endB" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="ui-invalid-choice">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="choose_di" bpmnElement="choose" isMarkerVisible="true"><dc:Bounds x="245" y="175" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="endA_di" bpmnElement="endA"><dc:Bounds x="352" y="112" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="endB_di" bpmnElement="endB"><dc:Bounds x="352" y="252" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f0_di" bpmnElement="f0"><di:waypoint x="188" y="200" /><di:waypoint x="245" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="fA_di" bpmnElement="fA"><di:waypoint x="270" y="175" /><di:waypoint x="270" y="130" /><di:waypoint x="352" y="130" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="fB_di" bpmnElement="fB"><di:waypoint x="270" y="225" /><di:waypoint x="270" y="270" /><di:waypoint x="352" y="270" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

describe('designing a process with bpmn-js', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startUiServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    return signedInPage(browser, `${server.url}/designer/processes`, 'admin', ADMIN_PASSWORD, { viewport });
  }

  /** Clicks the middle of a sequence flow's line (its bounding box centre may lie off an elbow line). */
  async function clickConnection(page: Page, id: string): Promise<void> {
    const point = await page
      .locator(`[data-element-id="${id}"] .djs-visual > path`)
      .first()
      .evaluate((element) => {
        const path = element as SVGPathElement;
        const at = path.getPointAtLength(path.getTotalLength() / 2);
        const matrix = path.getScreenCTM();
        if (!matrix) {
          throw new Error('The flow is not rendered');
        }
        return {
          x: at.x * matrix.a + at.y * matrix.c + matrix.e,
          y: at.x * matrix.b + at.y * matrix.d + matrix.f,
        };
      });
    await page.mouse.click(point.x, point.y);
  }

  it('should open, deploy and simulate the onboarding template, and mark and fix the element of a refused deploy', async () => {
    // given the admin on the process list of the designer, on a desk
    const page = await signedIn(DESKTOP);
    await page.getByRole('heading', { name: '流程' }).waitFor();

    // when she opens the onboarding template exported by Camunda Modeler
    await page.getByTestId('open-bpmn-file').setInputFiles(ONBOARDING);

    // then the modeler shows it, and the properties panel reads the Camunda attributes of a call
    await page.getByTestId('process-editor').waitFor();
    const canvas = page.getByTestId('bpmn-canvas');
    await canvas.locator('[data-element-id="callDay30"]').waitFor();
    await canvas.locator('[data-element-id="callDay3"]').click();
    const props = page.getByTestId('element-properties');
    await expect(props.getByLabel('名称').inputValue()).resolves.toBe('Family call (day 3)');
    await expect(props.getByLabel('处理人').inputValue()).resolves.toBe('${stewardId}');
    await props.getByText('2 天后').waitFor();
    await canvas.locator('[data-element-id="waitDay30"]').click();
    await props.getByTestId('timer-preview').getByText('运行时计算的表达式').waitFor();
    await snapshot(page, 'process-designer-onboarding');

    // when she deploys it
    await page.getByTestId('deploy-process').click();

    // then the key and version are shown
    await page
      .getByTestId('deployed')
      .getByText(/已部署 onboarding-30-day v\d+/)
      .waitFor();

    // when she simulates it from an admission on 1 March 2026
    await page.getByRole('tab', { name: '模拟' }).click();
    const simulate = page.getByTestId('simulate-panel');
    await simulate.getByLabel('开始日期').fill('2026-03-01');
    await simulate.getByRole('button', { name: /添加变量/ }).click();
    await simulate.getByLabel('变量名').fill('admissionDate');
    await simulate.getByLabel('值').fill('2026-03-01');
    await page.getByTestId('run-simulation').click();

    // then the four family calls appear on day 3, 7, 15 and 30, and the path is highlighted
    const table = page.getByTestId('simulation-table');
    for (const day of [3, 7, 15, 30]) {
      await table
        .getByRole('row')
        .filter({ hasText: `第 ${day} 天 00:00` })
        .getByText(`出现任务 Family call (day ${day})`)
        .waitFor();
    }
    await expect(table.getByText(/^出现任务/).count()).resolves.toBe(4);
    await simulate.getByText(/模拟结束：finished/).waitFor();
    await expect(
      canvas.locator('.djs-element.cl-visited[data-element-id="callDay15"]').count(),
    ).resolves.toBe(1);
    await snapshot(page, 'process-designer-simulation');

    // when she opens a diagram whose gateway has neither conditions nor a default, and deploys it
    await page.getByTestId('open-bpmn-file').setInputFiles({
      name: 'invalid-choice.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(INVALID_XML, 'utf8'),
    });
    await canvas.locator('[data-element-id="choose"]').waitFor();
    await page.getByTestId('deploy-process').click();

    // then the problem is listed and the gateway is marked red on the canvas
    const problems = page.getByTestId('deploy-problems');
    await problems.getByText(/choose: .*fA, fB/).waitFor();
    await canvas.locator('.djs-element.cl-error[data-element-id="choose"]').waitFor();
    await expect(page.getByTestId('deployed').count()).resolves.toBe(0);

    // and clicking the problem selects the gateway
    await problems.getByRole('button', { name: /choose/ }).click();
    await expect(props.getByLabel('名称').inputValue()).resolves.toBe('Which way?');
    await page.getByRole('heading', { name: 'Invalid choice' }).waitFor();
    await page.getByTestId('opened-file').getByText('invalid-choice.bpmn').waitFor();
    await expect(page.getByTestId('simulation-table').count()).resolves.toBe(0);
    await snapshot(page, 'process-designer-deploy-error');

    // when she gives one flow a condition with the builder and makes the other the default path
    await page.getByRole('tab', { name: '属性' }).click();
    await clickConnection(page, 'fA');
    const variables = props.getByTestId('process-variables');
    await variables.getByRole('button', { name: /添加变量/ }).click();
    await variables.getByLabel('变量名').fill('approved');
    await chooseOption(page, variables.getByLabel('类型'), 'boolean');
    const condition = props.getByTestId('flow-condition');
    await condition.getByRole('button', { name: /添加条件/ }).click();
    await chooseOption(page, condition.getByLabel('值'), '是');
    await condition.getByTestId('condition-sentence').getByText('「approved」等于是').waitFor();
    await clickConnection(page, 'fB');
    await props.getByRole('checkbox', { name: /默认路径/ }).check();
    await page.getByTestId('deploy-process').click();

    // then it deploys and the red marker is gone
    await page
      .getByTestId('deployed')
      .getByText(/已部署 ui-invalid-choice v\d+/)
      .waitFor();
    await expect(canvas.locator('.cl-error').count()).resolves.toBe(0);
    await expect(page.getByText('未部署的修改').count()).resolves.toBe(0);
    await expect(page.getByTestId('deploy-problems').count()).resolves.toBe(0);
    await snapshot(page, 'process-designer-fixed-gateway');
    await page.context().close();
  });

  it('should deploy a new process edited in the properties panel, and show a read-only notice on a phone', async () => {
    // given the admin creating a new process (start → task → end)
    const page = await signedIn(DESKTOP);
    await page.getByTestId('new-process').click();
    const canvas = page.getByTestId('bpmn-canvas');
    await canvas.locator('[data-element-id="task"]').waitFor();

    // when she names the process, gives the task a role and a due date, and deploys
    const props = page.getByTestId('element-properties');
    await props.getByLabel('标识', { exact: true }).fill('ui-welcome-call');
    await props.getByLabel('标识', { exact: true }).blur();
    await props.getByLabel('名称').fill('UI 欢迎电话');
    await canvas.locator('[data-element-id="task"]').click();
    await props.getByLabel('名称').fill('欢迎电话');
    await props.getByLabel('到期时间').fill('P3D');
    await props.getByText('3 天后').waitFor();

    // and makes the task a countersign of three named users that passes at 60 %
    await props.getByRole('checkbox', { name: '会签（多人审批）' }).check();
    await props.getByRole('radio', { name: '指定人员' }).check();
    const users = props.getByLabel('会签人员');
    for (const user of ['ui-sign-a', 'ui-sign-b', 'ui-sign-c']) {
      await users.fill(user);
      await users.press('Enter');
    }
    await users.press('Escape');
    await chooseOption(page, props.getByLabel('通过规则'), '按比例');
    await props.getByTestId('countersign-preview').getByText('3 人中 60% 同意即通过（至少 2 人）').waitFor();
    await snapshot(page, 'process-designer-countersign');
    await page.getByTestId('deploy-process').click();

    // then it deploys, the XML has the countersign, and the list shows it
    await page
      .getByTestId('deployed')
      .getByText(/已部署 ui-welcome-call v\d+/)
      .waitFor();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const deployedXml = (await (
      await fetch(`${server.url}/api/processes/ui-welcome-call`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { xml: string };
    expect(deployedXml.xml).toMatch(
      /<bpmn:multiInstanceLoopCharacteristics [^>]*careloom:countersign="percent:60"/,
    );
    expect(deployedXml.xml).toContain('camunda:assignee="${signer}"');
    await page.getByRole('link', { name: '返回流程列表' }).click();
    await page.getByRole('link', { name: 'UI 欢迎电话' }).waitFor();
    await page.context().close();

    // when she opens it on a phone
    const phone = await signedIn(PHONE);
    await phone.getByRole('link', { name: 'UI 欢迎电话' }).click();

    // then the diagram is shown read-only
    await phone.getByText('手机上只能查看流程图').waitFor();
    await phone.getByTestId('bpmn-canvas').locator('[data-element-id="task"]').waitFor();
    await expect(phone.getByTestId('deploy-process').count()).resolves.toBe(0);
    await snapshot(phone, 'process-designer-phone');
    await phone.context().close();
  });
});
