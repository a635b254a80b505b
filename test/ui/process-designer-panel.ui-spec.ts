import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const KEY = 'ui-panel-escalation';
const SUFFIX = Date.now().toString(36);

/**
 * start → 评估 (user task, a boundary timer "remind") → 通知家属 (service task, an error boundary without a code)
 * → 随访 (call activity) → end: what the panel completes here is what the engine executes.
 */
const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:careloom="http://careloom.dev/schema/bpmn" id="defs" targetNamespace="http://careloom.dev/ui-test">
  <bpmn:process id="${KEY}" name="UI 评估升级" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="assess" name="评估" camunda:candidateGroups="nurse" />
    <bpmn:serviceTask id="notify" name="通知家属" careloom:serviceType="notify" careloom:parameters="{&quot;roles&quot;:[&quot;steward&quot;],&quot;message&quot;:&quot;评估完成&quot;}" />
    <bpmn:callActivity id="follow" name="随访" calledElement="onboarding-30-day" />
    <bpmn:endEvent id="end" />
    <bpmn:boundaryEvent id="remind" name="提醒" attachedToRef="assess">
      <bpmn:timerEventDefinition id="remindTimer"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="reminded" />
    <bpmn:boundaryEvent id="notifyFailed" name="通知失败" attachedToRef="notify">
      <bpmn:errorEventDefinition id="notifyFailedDefinition" />
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="failed" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assess" />
    <bpmn:sequenceFlow id="f2" sourceRef="assess" targetRef="notify" />
    <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="follow" />
    <bpmn:sequenceFlow id="f4" sourceRef="follow" targetRef="end" />
    <bpmn:sequenceFlow id="f5" sourceRef="remind" targetRef="reminded" />
    <bpmn:sequenceFlow id="f6" sourceRef="notifyFailed" targetRef="failed" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="${KEY}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="assess_di" bpmnElement="assess"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="notify_di" bpmnElement="notify"><dc:Bounds x="420" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="follow_di" bpmnElement="follow"><dc:Bounds x="590" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="762" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="remind_di" bpmnElement="remind"><dc:Bounds x="282" y="222" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="reminded_di" bpmnElement="reminded"><dc:Bounds x="282" y="322" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="notifyFailed_di" bpmnElement="notifyFailed"><dc:Bounds x="452" y="222" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="failed_di" bpmnElement="failed"><dc:Bounds x="452" y="322" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="250" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="350" y="200" /><di:waypoint x="420" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="520" y="200" /><di:waypoint x="590" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f4_di" bpmnElement="f4"><di:waypoint x="690" y="200" /><di:waypoint x="762" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f5_di" bpmnElement="f5"><di:waypoint x="300" y="258" /><di:waypoint x="300" y="322" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f6_di" bpmnElement="f6"><di:waypoint x="470" y="258" /><di:waypoint x="470" y="322" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

describe('completing a process in the properties panel: parameters, multi-instance, errors, boundaries', () => {
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

  /** Fails when the properties panel scrolls sideways (its rows must fit its 360 px). */
  async function expectPanelFits(page: Page): Promise<void> {
    const overflow = await page
      .getByTestId('properties-panel')
      .evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('should write input/output parameters, a count, an error code and a non-interrupting timer that deploy', async () => {
    // given the admin with a diagram whose timer interrupts and whose error boundary has no code
    const page = await signedIn(DESKTOP);
    await page.getByRole('heading', { name: '流程' }).waitFor();
    await page.getByTestId('open-bpmn-file').setInputFiles({
      name: 'escalation.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(DIAGRAM, 'utf8'),
    });
    const canvas = page.getByTestId('bpmn-canvas');
    const props = page.getByTestId('element-properties');
    await canvas.locator('[data-element-id="assess"]').waitFor();

    // when she gives the assessment an input parameter and an output parameter with an unsupported expression
    await canvas.locator('[data-element-id="assess"]').click();
    const inputs = props.getByTestId('io-inputs');
    const outputs = props.getByTestId('io-outputs');
    await inputs.getByRole('button', { name: /添加输入参数/ }).click();
    await inputs.getByLabel('输入参数 变量名 1').fill('resident');
    await inputs.getByLabel('输入参数 值 1').fill('${residentId}');
    await inputs.getByLabel('输入参数 值 1').blur();
    await outputs.getByRole('button', { name: /添加输出参数/ }).click();
    await outputs.getByLabel('输出参数 变量名 1').fill('score');
    await outputs.getByLabel('输出参数 值 1').fill('${total + 1}');

    // then the row says why the engine would refuse it
    await outputs
      .getByTestId('io-output-problem-0')
      .getByText(/不支持这种表达式/)
      .waitFor();

    // when she writes it as JSON Logic instead
    await outputs.getByLabel('输出参数 值 1').fill('={"var":"total"}');
    await outputs.getByLabel('输出参数 值 1').blur();

    // then the problem is gone and the panel warns that only outputs are written back
    await outputs.getByTestId('io-output-problem-0').waitFor({ state: 'detached' });
    await props.getByTestId('io-outputs-note').waitFor();

    // when she adds a second input (each field written on leaving it), then undoes with the toolbar
    await inputs.getByRole('button', { name: /添加输入参数/ }).click();
    await inputs.getByLabel('输入参数 变量名 2').fill('extra');
    await inputs.getByLabel('输入参数 值 2').fill('1');
    await inputs.getByLabel('输入参数 值 2').blur();
    const undo = page.getByRole('button', { name: '撤销' });
    await undo.click();

    // then the panel follows each undo step: first the value, then the row
    await expect(inputs.getByLabel('输入参数 值 2').inputValue()).resolves.toBe('');
    await undo.click();
    await inputs.getByLabel('输入参数 变量名 2').waitFor({ state: 'detached' });
    await expect(inputs.getByLabel('输入参数 变量名 1').inputValue()).resolves.toBe('resident');

    // and redo brings the row back, undo takes it away again
    await page.getByRole('button', { name: '重做' }).click();
    await expect(inputs.getByLabel('输入参数 变量名 2').inputValue()).resolves.toBe('extra');
    await undo.click();
    await inputs.getByLabel('输入参数 变量名 2').waitFor({ state: 'detached' });

    // when she makes it a multi-instance task of a fixed count whose results are collected
    await props.getByRole('checkbox', { name: '会签（多人审批）' }).check();
    await props.getByRole('radio', { name: '固定份数' }).check();
    await props.getByLabel('份数', { exact: true }).fill('2');

    // then the panel says the count sets no signer variable for the assignee it filled in
    await props
      .getByTestId('loop-problem')
      .getByText(/按份数时没有 \$\{signer\}/)
      .waitFor();
    await props.getByLabel('处理人').fill('');
    await props.getByTestId('loop-problem').waitFor({ state: 'detached' });
    await props.getByLabel('汇总结果变量').fill('assessments');
    await props
      .getByTestId('countersign-preview')
      .getByText('2 人全部同意即通过，一人不同意即否决')
      .waitFor();
    await expectPanelFits(page);
    await snapshot(page, 'process-designer-panel-parameters');

    // when she makes the reminder timer non-interrupting
    await canvas.locator('[data-element-id="remind"]').click();
    const sentence = props.getByTestId('boundary-sentence');
    await sentence.getByText('中断：到时取消「评估」，改走此分支').waitFor();
    await props.getByRole('checkbox', { name: '中断任务' }).uncheck();

    // then the sentence says the task goes on, and the canvas draws it dashed (non-interrupting)
    await sentence.getByText('不中断：到时走此分支（如提醒），「评估」继续').waitFor();

    // when she gives the error boundary of the notification a new error code
    await canvas.locator('[data-element-id="notifyFailed"]').click();
    await sentence.getByText('「通知家属」报出任何错误时取消它，改走此分支').waitFor();
    await expect(props.getByRole('checkbox', { name: '中断任务' }).isDisabled()).resolves.toBe(true);
    await props.getByLabel('错误码').fill('NOTIFY_FAILED');
    await props.getByLabel('错误码').blur();

    // then the sentence names the code and the error gets a name field
    await sentence.getByText('「通知家属」报出错误 NOTIFY_FAILED 时取消它，改走此分支').waitFor();
    await props.getByLabel('错误名称').fill('通知发送失败');
    await snapshot(page, 'process-designer-panel-error');

    // when she adds a call mapping to the follow-up and undoes it
    await canvas.locator('[data-element-id="follow"]').click();
    await props
      .getByRole('button', { name: /添加映射/ })
      .first()
      .click();
    await props.getByLabel('传入子流程的变量 来源').fill('residentId');
    await props.getByLabel('传入子流程的变量 来源').blur();
    await page.getByRole('button', { name: '撤销' }).click();

    // then the mapping row is gone from the panel
    await props.getByLabel('传入子流程的变量 来源').waitFor({ state: 'detached' });
    await expectPanelFits(page);

    // when she deploys
    await page.getByTestId('deploy-process').click();

    // then it deploys, and the stored XML carries what the engine reads
    await page
      .getByTestId('deployed')
      .getByText(new RegExp(`已部署 ${KEY} v\\d+`))
      .waitFor();
    await snapshot(page, 'process-designer-panel-deployed');
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const response = await fetch(`${server.url}/api/processes/${KEY}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { xml } = (await response.json()) as { xml: string };
    expect(xml).toMatch(
      /<camunda:inputOutput>\s*<camunda:inputParameter name="resident">\$\{residentId\}<\/camunda:inputParameter>\s*<camunda:outputParameter name="score">=\{(&quot;|")var(&quot;|"):(&quot;|")total(&quot;|")\}<\/camunda:outputParameter>\s*<\/camunda:inputOutput>/,
    );
    expect(xml).not.toContain('name="extra"');
    expect(xml).toMatch(
      /<bpmn:multiInstanceLoopCharacteristics [^>]*careloom:outputCollection="assessments"/,
    );
    expect(xml).toMatch(/<bpmn:loopCardinality[^>]*>2<\/bpmn:loopCardinality>/);
    expect(xml).not.toContain('camunda:collection');
    expect(xml).toMatch(/<bpmn:boundaryEvent id="remind"[^>]*cancelActivity="false"/);
    expect(xml).toMatch(
      /<bpmn:error id="Error_NOTIFY_FAILED" name="通知发送失败" errorCode="NOTIFY_FAILED" \/>/,
    );
    expect(xml).toMatch(
      /<bpmn:errorEventDefinition id="notifyFailedDefinition" errorRef="Error_NOTIFY_FAILED" \/>/,
    );
    expect(xml).not.toMatch(/<bpmn:boundaryEvent id="notifyFailed"[^>]*cancelActivity="false"/);
    expect(xml).not.toContain('camunda:in ');
    await page.context().close();

    // when she opens it on a phone, then the page does not scroll sideways
    const phone = await signedIn(PHONE);
    await phone.getByRole('link', { name: 'UI 评估升级' }).click();
    await phone.getByTestId('bpmn-canvas').locator('[data-element-id="notifyFailed"]').waitFor();
    await expectNoHorizontalScroll(phone);
    await phone.context().close();
  });

  /** The id of the element selected on the bpmn-js canvas (exactly one). */
  async function selectedId(page: Page): Promise<string> {
    const selected = page.locator('.djs-element.djs-shape.selected');
    await expect(selected.count()).resolves.toBe(1);
    return (await selected.getAttribute('data-element-id')) ?? '';
  }

  it('should let a manager who writes no code set times with the picker, offer a task to a role by its name and see bpmn-js in Chinese', async () => {
    // given the admin opening a new process on a desk
    const page = await signedIn(DESKTOP);
    await page.getByTestId('new-process').click();
    const canvas = page.getByTestId('bpmn-canvas');
    const props = page.getByTestId('element-properties');
    await canvas.locator('[data-element-id="task"]').waitFor();

    // then the palette speaks Chinese
    const palette = page.locator('.djs-palette');
    await expect(
      palette.locator('.entry[data-action="create.start-event"]').getAttribute('aria-label'),
    ).resolves.toBe('开始事件');
    await expect(
      palette.locator('.entry[data-action="create.task"]').getAttribute('aria-label'),
    ).resolves.toBe('任务');

    // when she names the process in English and Chinese
    const name = `UI night round ${SUFFIX} 夜间巡查`;
    const key = `ui-night-round-${SUFFIX}`;
    await props.getByLabel('名称').fill(name);

    // then the title follows the name and the key is suggested from it
    await page.getByRole('heading', { name }).waitFor();
    await expect(props.getByLabel('标识', { exact: true }).inputValue()).resolves.toBe(key);

    // when she offers the task to the head nurse by her role's Chinese name instead of the nurse
    await canvas.locator('[data-element-id="task"]').click();
    await props.getByLabel('名称').fill('夜间巡查');
    const roles = props.getByLabel('候选角色');
    const roleBox = roles.locator(
      'xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]',
    );
    await roleBox
      .locator('.ant-select-selection-item[title="护士"] .ant-select-selection-item-remove')
      .click();
    await roles.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^护士长$/ })
      .click();
    await page.keyboard.press('Escape');
    await roleBox.locator('.ant-select-selection-item[title="护士长"]').waitFor();

    // and gives it a due date of 2 working days with the picker
    await props.getByLabel('到期数量').fill('2');
    await chooseOption(page, props.getByLabel('到期单位'), '工作日');

    // then the preview reads it and the advanced input shows the ISO text the picker wrote
    await props.getByText('2 个工作日后').waitFor();
    await expect(props.getByLabel('到期时间（高级').inputValue()).resolves.toBe('P2WD');
    await expectPanelFits(page);
    await snapshot(page, 'process-designer-panel-task-picker');

    // when she drops an event from the palette on the task's lower border and makes it a timer with the wrench
    const box = await canvas.locator('[data-element-id="task"] .djs-visual > rect').first().boundingBox();
    if (!box) {
      throw new Error('the task is not on the canvas');
    }
    const x = box.x + box.width * 0.6;
    const y = box.y + box.height;
    await palette.locator('.entry[data-action="create.intermediate-event"]').click();
    await page.mouse.move(x - 60, y + 60);
    await page.mouse.move(x, y, { steps: 10 });
    await page.mouse.down();
    await page.mouse.up();
    const boundary = await selectedId(page);
    await props.getByText(/BoundaryEvent/).waitFor();
    const wrench = page.locator('.djs-context-pad.open .entry[data-action="replace"]');
    await expect(wrench.getAttribute('title')).resolves.toBe('更改类型');
    await wrench.click();

    // then the replace menu speaks Chinese too
    const interrupting = page.locator('.djs-popup [data-id="replace-with-timer-boundary"]');
    await interrupting.getByText('定时边界事件（中断任务）').waitFor();
    await interrupting.click();
    await expect(selectedId(page)).resolves.toBe(boundary);

    // when she first tries a cycle with the picker: every 7 days, 4 times
    await chooseOption(page, props.getByLabel('定时类型'), '循环');
    await props.getByLabel('间隔数量').fill('7');
    await props.getByLabel('重复次数').fill('4');

    // then the preview reads it and the advanced input shows the cycle
    await props.getByTestId('timer-preview').getByText('每 7 天，共 4 次').waitFor();
    await expect(props.getByLabel('定时值（高级').inputValue()).resolves.toBe('R4/P7D');

    // when she goes back to a duration, the picker says it cannot show that value
    await chooseOption(page, props.getByLabel('定时类型'), '等待时长');
    await props.getByText(/只能在高级输入中修改/).waitFor();

    // when she sets it to 30 minutes with the picker and makes it non-interrupting in the panel
    await props.getByLabel('定时数量').fill('30');
    await chooseOption(page, props.getByLabel('定时单位'), '分钟');
    await props.getByTestId('timer-preview').getByText('30 分钟后').waitFor();
    await expect(props.getByLabel('定时值（高级').inputValue()).resolves.toBe('PT30M');
    await props.getByRole('checkbox', { name: '中断任务' }).uncheck();
    await props
      .getByTestId('boundary-sentence')
      .getByText(/不中断/)
      .waitFor();
    await expectPanelFits(page);
    await snapshot(page, 'process-designer-panel-picker');

    // and deploys
    await page.getByTestId('deploy-process').click();

    // then it deploys under the suggested key, the title still is the name, and the XML has what she picked
    await page
      .getByTestId('deployed')
      .getByText(new RegExp(`已部署 ${key} v1`))
      .waitFor();
    await page.getByRole('heading', { name }).waitFor();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const response = await fetch(`${server.url}/api/processes/${key}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { xml } = (await response.json()) as { xml: string };
    expect(xml).toMatch(/<bpmn:timeDuration[^>]*>PT30M<\/bpmn:timeDuration>/);
    expect(xml).toMatch(new RegExp(`<bpmn:boundaryEvent id="${boundary}"[^>]*cancelActivity="false"`));
    expect(xml).toMatch(/<bpmn:userTask id="task"[^>]*camunda:candidateGroups="head-nurse"/);
    expect(xml).toMatch(/<bpmn:userTask id="task"[^>]*camunda:dueDate="P2WD"/);

    // when she switches the app to English, then the palette follows (English stays English)
    await page.getByText('EN', { exact: true }).click();
    await palette
      .locator('.entry[data-action="create.start-event"][aria-label="Create start event"]')
      .waitFor();

    // and the diagram stays hers: a change of language reloads nothing (it once re-imported a blank process)
    await page.waitForTimeout(500);
    await page.getByRole('heading', { name }).waitFor({ timeout: 1000 });
    await expect(page.locator(`.djs-element[data-element-id="${boundary}"]`).count()).resolves.toBe(1);
    await page.context().close();
  });
});
