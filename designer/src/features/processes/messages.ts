import type { Messages } from '@careloom/app-shell';

/**
 * The process designer's texts for input/output parameters, multi-instance settings, error events and
 * boundary events (zh-CN first; English must define the same keys). The older `pe.*` texts are in app/messages.
 */
export const zh = {
  'pe.io.title': '输入 / 输出参数',
  'pe.io.inputs': '输入参数',
  'pe.io.outputs': '输出参数',
  'pe.io.inputsHelp': '进入本环节时计算，只在本环节内可见（任务只带这些变量）。',
  'pe.io.outputsHelp': '完成本环节时计算（可用提交的结果），写入流程变量。',
  'pe.io.outputsNote': '设置了输出参数后，只有这些变量写回流程，提交的其他结果不保留。',
  'pe.io.name': '变量名',
  'pe.io.value': '值',
  'pe.io.valuePlaceholder': '文字、${变量} 或 =JSON Logic',
  'pe.io.definitionPlaceholder': '（list/map/script，需改为表达式）',
  'pe.io.remove': '删除参数',
  'pe.io.add.input': '添加输入参数',
  'pe.io.add.output': '添加输出参数',
  'pe.io.nameRequired': '请填写变量名',
  'pe.io.nameInvalid': '变量名“{name}”只能包含字母、数字、下划线和连字符，且不能以数字开头',
  'pe.io.nameDuplicate': '变量名“{name}”重复',
  'pe.io.definition': '引擎不支持 list/map/script 参数：请改为文字、${变量} 或 =JSON Logic',
  'pe.value.notJson': '“=”之后必须是 JSON Logic（JSON 格式）',
  'pe.value.logic': 'JSON Logic 无效：{reason}',
  'pe.value.negation': '取反（${!变量}）只能用在条件里',
  'pe.value.unsupported': '不支持这种表达式：请用 ${变量} 或 =JSON Logic',
  'pe.mi.fromCount': '固定份数',
  'pe.mi.count': '份数',
  'pe.mi.countPlaceholder': '如 3，或 ${变量}',
  'pe.mi.modeAllDone': '（全部完成后继续）',
  'pe.mi.outputCollection': '汇总结果变量',
  'pe.mi.outputCollectionHelp': '可选：每份任务提交的结果按完成顺序存成列表，写入这个流程变量',
  'pe.mi.needSource': '请填写会签人（列表变量或人员）或份数',
  'pe.mi.tooMany': '一个任务最多 {max} 份',
  'pe.mi.countInvalid': '份数必须是整数，或 ${变量}、=JSON Logic',
  'pe.mi.assigneeNeedsList': '按份数时没有 ${{variable}}：处理人请改为用户名或候选角色',
  'pe.mi.outputInvalid': '变量名“{name}”只能包含字母、数字、下划线和连字符',
  'pe.mi.sentence.allDoneKnown': '{total} 份全部完成后继续',
  'pe.mi.sentence.allDoneUnknown': '全部完成后继续',
  'pe.err.code': '错误码',
  'pe.err.codeHelpBoundary': '任务报出此错误码时触发；同码的事件共用一个错误定义',
  'pe.err.codeHelpEnd': '以此错误码结束，由外层子流程或调用活动上的错误边界事件捕获',
  'pe.err.anyCode': '（留空：捕获所有错误）',
  'pe.err.name': '错误名称',
  'pe.err.nameHelp': '给人看的说明；同码的事件共用',
  'pe.err.endWithoutCode': '没有错误码时，只有不限错误码的边界事件能捕获它。',
  'pe.bnd.interrupting': '中断任务',
  'pe.bnd.errorInterrupts': '错误边界事件必须中断任务：请勾选“中断任务”',
  'pe.bnd.errorHost': '错误边界事件只能放在服务任务、子流程或调用活动上',
  'pe.bnd.unboundedCycle': '无限循环（R/…）只能用于不中断的定时器：请取消“中断任务”或写明次数（如 R3/P1D）',
  'pe.bnd.sentence.timer.interrupting': '中断：到时取消「{host}」，改走此分支',
  'pe.bnd.sentence.timer.nonInterrupting': '不中断：到时走此分支（如提醒），「{host}」继续',
  'pe.bnd.sentence.cycle.interrupting': '中断：第一次到时取消「{host}」，改走此分支',
  'pe.bnd.sentence.cycle.nonInterrupting': '不中断：每次到时都走一次此分支（如提醒），「{host}」继续',
  'pe.bnd.sentence.message.interrupting': '中断：收到消息时取消「{host}」，改走此分支',
  'pe.bnd.sentence.message.nonInterrupting': '不中断：收到消息时走此分支，「{host}」继续',
  'pe.bnd.sentence.error': '「{host}」报出错误 {code} 时取消它，改走此分支',
  'pe.bnd.sentence.errorAny': '「{host}」报出任何错误时取消它，改走此分支',
} as const;

export const en: Messages<typeof zh> = {
  'pe.io.title': 'Input / output parameters',
  'pe.io.inputs': 'Input parameters',
  'pe.io.outputs': 'Output parameters',
  'pe.io.inputsHelp':
    'Evaluated when the step starts and visible in this step only (the task carries just these).',
  'pe.io.outputsHelp':
    'Evaluated when the step completes (the submitted result is readable) and written to the process.',
  'pe.io.outputsNote':
    'With output parameters only they are written back to the process; the rest of the result is not kept.',
  'pe.io.name': 'Variable',
  'pe.io.value': 'Value',
  'pe.io.valuePlaceholder': 'text, ${variable} or =JSON Logic',
  'pe.io.definitionPlaceholder': '(list/map/script: use an expression)',
  'pe.io.remove': 'Remove parameter',
  'pe.io.add.input': 'Add input parameter',
  'pe.io.add.output': 'Add output parameter',
  'pe.io.nameRequired': 'Enter a variable name',
  'pe.io.nameInvalid':
    'The variable "{name}" may contain letters, digits, "_" and "-" only, and not start with a digit',
  'pe.io.nameDuplicate': 'The variable "{name}" is there twice',
  'pe.io.definition':
    'The engine does not run list/map/script parameters: use text, ${variable} or =JSON Logic',
  'pe.value.notJson': 'After "=" comes JSON Logic (as JSON)',
  'pe.value.logic': 'Invalid JSON Logic: {reason}',
  'pe.value.negation': 'Negation (${!variable}) is for conditions only',
  'pe.value.unsupported': 'This expression is not supported: use ${variable} or =JSON Logic',
  'pe.mi.fromCount': 'Fixed count',
  'pe.mi.count': 'Count',
  'pe.mi.countPlaceholder': 'e.g. 3, or ${variable}',
  'pe.mi.modeAllDone': '(continue when all are done)',
  'pe.mi.outputCollection': 'Collect results in',
  'pe.mi.outputCollectionHelp':
    'Optional: the result of each task, in completion order, is stored as a list in this process variable',
  'pe.mi.needSource': 'Enter the signers (a list variable or users) or a count',
  'pe.mi.tooMany': 'At most {max} tasks per step',
  'pe.mi.countInvalid': 'The count is a whole number, ${variable} or =JSON Logic',
  'pe.mi.assigneeNeedsList':
    'A fixed count sets no ${{variable}}: give the task a user name or candidate roles instead',
  'pe.mi.outputInvalid': 'The variable "{name}" may contain letters, digits, "_" and "-" only',
  'pe.mi.sentence.allDoneKnown': 'Continues when all {total} are done',
  'pe.mi.sentence.allDoneUnknown': 'Continues when all are done',
  'pe.err.code': 'Error code',
  'pe.err.codeHelpBoundary':
    'Triggered when the task raises this code; events with the same code share one error',
  'pe.err.codeHelpEnd':
    'Ends with this code, caught by an error boundary event on the sub-process or call activity',
  'pe.err.anyCode': '(empty: catches every error)',
  'pe.err.name': 'Error name',
  'pe.err.nameHelp': 'A description for people; shared by events with the same code',
  'pe.err.endWithoutCode': 'Without a code only a boundary event that catches every error catches it.',
  'pe.bnd.interrupting': 'Interrupt the task',
  'pe.bnd.errorInterrupts': 'An error boundary event always interrupts: tick "Interrupt the task"',
  'pe.bnd.errorHost': 'Error boundary events belong on service tasks, sub-processes or call activities',
  'pe.bnd.unboundedCycle':
    'Unbounded cycles (R/…) are for non-interrupting timers: untick "Interrupt the task" or give a count (R3/P1D)',
  'pe.bnd.sentence.timer.interrupting':
    'Interrupting: when the time is up, 「{host}」 is cancelled and this path is taken',
  'pe.bnd.sentence.timer.nonInterrupting':
    'Non-interrupting: when the time is up this path runs too (e.g. a reminder); 「{host}」 goes on',
  'pe.bnd.sentence.cycle.interrupting':
    'Interrupting: the first time it is due, 「{host}」 is cancelled and this path is taken',
  'pe.bnd.sentence.cycle.nonInterrupting':
    'Non-interrupting: each time it is due this path runs (e.g. a reminder); 「{host}」 goes on',
  'pe.bnd.sentence.message.interrupting':
    'Interrupting: when the message arrives, 「{host}」 is cancelled and this path is taken',
  'pe.bnd.sentence.message.nonInterrupting':
    'Non-interrupting: when the message arrives this path runs; 「{host}」 goes on',
  'pe.bnd.sentence.error': 'When 「{host}」 raises error {code}, it is cancelled and this path is taken',
  'pe.bnd.sentence.errorAny': 'When 「{host}」 raises any error, it is cancelled and this path is taken',
};
