import type { BuilderLocale } from '../../../shared/logic-builder/index.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** An action (as the dry run lists what would run) in words: `通知角色 head-nurse：“…”`. */
export function describeAction(
  action: unknown,
  locale: BuilderLocale,
  roleName: (key: string) => string = (key) => key,
): string {
  const zh = locale === 'zh-CN';
  if (!isObject(action)) {
    return '';
  }
  const text = (value: unknown) => {
    const labels = isObject(value) ? value : {};
    const chosen = str(labels[locale]) || str(labels['zh-CN']);
    return zh ? `“${chosen}”` : `"${chosen}"`;
  };
  switch (action.type) {
    case 'notify': {
      const to = isObject(action.to) ? action.to : {};
      const whom = str(to.role)
        ? zh
          ? `角色「${roleName(str(to.role))}」`
          : `role "${roleName(str(to.role))}"`
        : zh
          ? `用户 ${str(to.username)}`
          : `user ${str(to.username)}`;
      return zh ? `通知${whom}：${text(action.message)}` : `Notify ${whom}: ${text(action.message)}`;
    }
    case 'update-field':
      return zh ? `更新字段 ${str(action.field)}` : `Update the field ${str(action.field)}`;
    case 'start-process':
      return zh ? `启动流程 ${str(action.processKey)}` : `Start the process ${str(action.processKey)}`;
    case 'cancel-process':
      return zh
        ? `结束该长者的流程 ${str(action.processKey)}：${text(action.reason)}`
        : `Cancel the resident's process ${str(action.processKey)}: ${text(action.reason)}`;
    case 'create-task': {
      const role = str(action.role);
      const whom = role ? roleName(role) : str(action.username);
      return zh
        ? `创建待办 ${text(action.title)}${whom ? `，交给 ${whom}` : ''}`
        : `Create the task ${text(action.title)}${whom ? ` for ${whom}` : ''}`;
    }
    case 'webhook':
      return zh ? `调用 Webhook ${str(action.url)}` : `Call the webhook ${str(action.url)}`;
    default:
      return String(action.type);
  }
}
