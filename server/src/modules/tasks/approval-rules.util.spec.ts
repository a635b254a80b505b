import { describe, expect, it } from '@jest/globals';
import { allowedActions, type ApprovalTask } from './approval-rules.util.js';

const nurse = { userId: 'u-a', username: 'nurse.a', roles: ['nurse'] };
const headNurse = { userId: 'u-h', username: 'headnurse', roles: ['head-nurse'] };
const open: ApprovalTask = {
  status: 'open',
  instanceId: 'i1',
  assignee: 'nurse.a',
  owner: null,
  loopIndex: null,
  completedBy: null,
};

describe(allowedActions.name, () => {
  it('should offer the assignee every move on an open task but add-signer outside a countersign', () => {
    expect(allowedActions(nurse, open)).toEqual(['transfer', 'delegate', 'send-back', 'cc']);
  });

  it('should offer add-signer on a countersign task', () => {
    expect(allowedActions(nurse, { ...open, loopIndex: 1 })).toContain('add-signer');
  });

  it('should offer only resolve (and cc) to a delegate', () => {
    expect(allowedActions(nurse, { ...open, owner: 'headnurse' })).toEqual(['resolve', 'cc']);
  });

  it('should let a head nurse transfer a task of someone else, and nothing more', () => {
    expect(allowedActions(headNurse, open)).toEqual(['transfer']);
  });

  it('should offer withdraw to whoever completed the task', () => {
    const done = { ...open, status: 'completed', completedBy: 'u-a' };
    expect(allowedActions(nurse, done)).toEqual(['withdraw', 'cc']);
    expect(allowedActions(headNurse, done)).toEqual([]);
  });

  it('should offer no process moves on a standalone task', () => {
    expect(allowedActions(nurse, { ...open, instanceId: null })).toEqual(['transfer', 'delegate']);
  });
});
