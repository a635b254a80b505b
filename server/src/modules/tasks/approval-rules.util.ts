import type { ApprovalAction } from './dto/approval.dto.js';

/** What the rules need to know about the caller. */
export type ApprovalActor = { userId: string; username: string; roles: readonly string[] };

/** What the rules need to know about a task. */
export type ApprovalTask = {
  status: string;
  instanceId: string | null;
  assignee: string | null;
  owner?: string | null;
  loopIndex?: number | null;
  completedBy: string | null;
};

/** Roles that may transfer any open task (a head nurse re-plans the shift). */
export const TRANSFER_ANY_ROLES: readonly string[] = ['admin', 'head-nurse'];

/**
 * The approval moves the caller may try on a task. The server checks again when a move is made (the next
 * step may have been acted on meanwhile: withdraw then answers 409).
 */
export function allowedActions(actor: ApprovalActor, task: ApprovalTask): ApprovalAction[] {
  const actions: ApprovalAction[] = [];
  const mine = task.assignee === actor.username;
  const delegated = (task.owner ?? null) !== null;
  const inProcess = task.instanceId !== null;
  if (task.status === 'open') {
    if (!delegated && (mine || actor.roles.some((role) => TRANSFER_ANY_ROLES.includes(role)))) {
      actions.push('transfer');
    }
    if (mine && !delegated) {
      actions.push('delegate');
    }
    if (mine && delegated) {
      actions.push('resolve');
    }
    if (mine && !delegated && inProcess && (task.loopIndex ?? null) !== null) {
      actions.push('add-signer');
    }
    if (mine && !delegated && inProcess) {
      actions.push('send-back');
    }
  }
  if (task.status === 'completed' && inProcess && task.completedBy === actor.userId) {
    actions.push('withdraw');
  }
  if (inProcess && (mine || task.completedBy === actor.userId || actor.roles.includes('admin'))) {
    actions.push('cc');
  }
  return actions;
}
