/**
 * zh-CN texts of the bpmn-js palette, context pad and replace menu, for the elements the engine supports (and
 * the tools around them). Keys are bpmn-js' own English templates; anything missing stays English.
 */
export const BPMN_ZH: Readonly<Record<string, string>> = {
  // palette
  'Activate hand tool': '抓手工具（拖动画布）',
  'Activate lasso tool': '套索工具（框选）',
  'Activate create/remove space tool': '插入 / 删除空间',
  'Activate global connect tool': '连线工具',
  'Create start event': '开始事件',
  'Create intermediate/boundary event': '中间 / 边界事件（放在任务边框上成为边界事件）',
  'Create end event': '结束事件',
  'Create gateway': '网关',
  'Create task': '任务',
  'Create expanded sub-process': '子流程',
  'Create data object reference': '数据对象',
  'Create data store reference': '数据存储',
  'Create pool/participant': '泳池 / 参与者',
  'Create group': '分组',
  // context pad
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append task': '追加任务',
  'Append intermediate/boundary event': '追加中间事件',
  'Append message intermediate catch event': '追加消息等待事件',
  'Append timer intermediate catch event': '追加定时等待事件',
  'Append receive task': '追加接收任务',
  'Append conditional intermediate catch event': '追加条件等待事件',
  'Append signal intermediate catch event': '追加信号等待事件',
  'Append compensation activity': '追加补偿活动',
  'Change element': '更改类型',
  Delete: '删除',
  'Connect to other element': '连线到其他元素',
  'Connect using association': '用关联连线',
  'Connect using data input association': '用数据输入关联连线',
  'Add text annotation': '添加注释',
  'Add lane above': '在上方添加泳道',
  'Add lane below': '在下方添加泳道',
  'Divide into two lanes': '分为两条泳道',
  'Divide into three lanes': '分为三条泳道',
  'Align elements': '对齐',
  'Distribute elements horizontally': '水平分布',
  'Distribute elements vertically': '垂直分布',
  'Open {element}': '打开 {element}',
  'Search in diagram': '在图中搜索',
  // replace menu: markers
  'Parallel multi-instance': '并行多实例（会签）',
  'Sequential multi-instance': '依次多实例（依次会签）',
  Loop: '循环',
  'Toggle non-interrupting': '切换不中断',
  // replace menu: events
  'Start event': '开始事件',
  'Intermediate throw event': '中间事件',
  'End event': '结束事件',
  'Message start event': '消息开始事件',
  'Timer start event': '定时开始事件',
  'Terminate end event': '终止结束事件',
  'Message intermediate catch event': '消息等待事件',
  'Timer intermediate catch event': '定时等待事件',
  'Boundary event': '边界事件',
  'Timer boundary event': '定时边界事件（中断任务）',
  'Timer boundary event (non-interrupting)': '定时边界事件（不中断任务）',
  'Message boundary event': '消息边界事件（中断任务）',
  'Message boundary event (non-interrupting)': '消息边界事件（不中断任务）',
  'Error boundary event': '错误边界事件',
  'Error end event': '错误结束事件',
  // replace menu: activities
  Task: '任务',
  'User task': '人工任务',
  'Service task': '服务任务',
  'Business rule task': '规则任务',
  'Call activity': '调用子流程',
  'Sub-process': '子流程',
  'Sub-process (collapsed)': '子流程（折叠）',
  'Sub-process (expanded)': '子流程（展开）',
  // replace menu: gateways and flows
  'Exclusive gateway': '排他网关（选一条路）',
  'Parallel gateway': '并行网关（同时走）',
  'Inclusive gateway': '包容网关（走满足条件的各条路）',
  'Event-based gateway': '事件网关（先到先走）',
  'Sequence flow': '顺序流',
  'Default flow': '默认路径',
  'Conditional flow': '条件路径',
};

/**
 * bpmn-js' `translate(template, replacements)` for a locale: the zh-CN text when there is one, else the template;
 * `{name}` placeholders are filled the way bpmn-js' default translate does.
 */
export function translateBpmn(
  locale: 'zh-CN' | 'en',
  template: string,
  replacements: Readonly<Record<string, string>> = {},
): string {
  const text = locale === 'zh-CN' ? (BPMN_ZH[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}
