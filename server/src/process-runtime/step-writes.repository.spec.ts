import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { ProcessInstanceEntity } from './process-instance.entity.js';
import { StepWrites } from './step-writes.repository.js';
import type { TaskEntity } from './task.entity.js';

/** The statements a flush sends (what PostgreSQL answers for the state update: `changed`). */
function recorder(changed = 1) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const record = (sql: string, params: unknown[]) => {
    statements.push({ sql, params });
    return [{ changed }];
  };
  // a transaction's manager: hot statements go to its connection as named prepared statements, others through query
  const client = {
    query: ({ text, values }: { text: string; values: unknown[] }) =>
      Promise.resolve({ rows: record(text, values) }),
  };
  const manager = {
    query: (sql: string, params: unknown[]) => Promise.resolve(record(sql, params)),
    queryRunner: { isReleased: false, connect: () => Promise.resolve(client) },
    connection: { logger: { logQuery: () => undefined, logQueryError: () => undefined } },
  } as unknown as EntityManager;
  return { statements, manager };
}

const at = new Date('2026-11-27T08:00:00.000Z');
const instance = {
  id: 'i1',
  state: { status: 'active' },
  status: 'active',
  version: 2,
  updatedAt: at,
  endedAt: null,
} as unknown as ProcessInstanceEntity;
const history = (event: string) => ({
  tenantId: 't',
  instanceId: 'i1',
  at,
  elementId: 'work',
  elementType: 'userTask',
  event,
  tokenId: null,
});

describe(StepWrites.name, () => {
  it('should send a state update, its history rows and an end in one statement', async () => {
    // given a step that saves the state, writes two history rows and ends the instance
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.insertHistory(history('left'));
    writes.insertHistory(history('entered'));
    writes.ended('i1', { subscriptions: true, jobs: true });
    const { statements, manager } = recorder();

    // when it is flushed
    const changed = await writes.flush(manager);

    // then one statement carries it all, history rows in one parameter in their order, guarded by the update
    expect(changed).toBe(1);
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement?.sql).toMatch(
      /^WITH w0 AS \(UPDATE process_instance .* RETURNING 1\), w1 AS \(INSERT INTO process_history/s,
    );
    expect(statement?.sql).toContain('WHERE EXISTS (SELECT 1 FROM w0)');
    expect(statement?.sql).toContain(
      'DELETE FROM message_subscription WHERE instance_id = $9 AND EXISTS (SELECT 1 FROM w0)',
    );
    const rows = JSON.parse(String(statement?.params[7])) as { event: string }[];
    expect(rows.map((row) => row.event)).toEqual(['left', 'entered']);
  });

  it('should sweep only the rows the definition can own when the instance ends', async () => {
    // given a last step of an instance whose definition has no message events but a timer
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.insertHistory(history('left'));
    writes.ended('i1', { subscriptions: false, jobs: true });
    const { statements, manager } = recorder();

    // when it is flushed
    await writes.flush(manager);

    // then its pending jobs are deleted and no subscription delete is sent
    expect(statements).toHaveLength(1);
    expect(statements[0]?.sql).toContain('DELETE FROM job');
    expect(statements[0]?.sql).not.toContain('message_subscription');
  });

  it('should write only the columns a completion changes', async () => {
    // given a completed task with large variables and a draft
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.completeTask({
      id: 'task-1',
      assignee: 'nurse',
      status: 'completed',
      completedBy: 'u1',
      completedAt: at,
      outcome: { ok: true },
      recordId: null,
      version: 2,
      variables: { notes: 'x'.repeat(10_000) },
      draft: { ok: false },
    } as unknown as TaskEntity);
    const { statements, manager } = recorder();

    // when it is flushed
    await writes.flush(manager);

    // then the update sets the completion's columns and sends neither the variables nor the draft
    const [statement] = statements;
    expect(statement?.sql).toMatch(/UPDATE task SET assignee = \$\d+, status = \$\d+, completed_by/);
    expect(statement?.sql).not.toMatch(/variables =|draft =/);
    expect(statement?.params).toContain('{"ok":true}');
    expect(JSON.stringify(statement?.params)).not.toContain('xxxx');
  });

  it('should start a new statement when a cancellation may see a row the step inserted', async () => {
    // given a step that creates a timer job and cancels that timer again
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.insertJob({
      tenantId: 't',
      type: 'timer',
      instanceId: 'i1',
      engineRef: 'timer-1',
      payload: {},
      dueAt: at,
      attempts: 0,
      maxAttempts: 3,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      status: 'pending',
      createdAt: at,
    });
    writes.cancelTimer('i1', 'timer-1');
    writes.notify();
    expect(writes.statements()).toBe(2);
    const { statements, manager } = recorder();

    // when it is flushed
    await writes.flush(manager);

    // then the cancellation goes out after the insert (as `statements` said), and the workers are woken with the
    // last statement
    expect(statements).toHaveLength(2);
    expect(statements[0]?.sql).toContain('INSERT INTO job');
    expect(statements[1]?.sql).toMatch(/^WITH w0 AS \(DELETE FROM job/);
    expect(statements[1]?.sql).toContain("pg_notify('careloom_jobs', '')");
  });

  it('should write nothing more when the state update found the row changed', async () => {
    // given a step whose state update will find another version, with a write that needs a second statement
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.cancelTask('task-1', at);
    writes.cancelTask('task-2', at);
    const { statements, manager } = recorder(0);

    // when it is flushed
    const changed = await writes.flush(manager);

    // then it reports no change and sends only the first statement
    expect(changed).toBe(0);
    expect(statements).toHaveLength(1);
  });

  it('should lock instance then task and write only while both are as read when it expects their versions', async () => {
    // given a completion's step to be sent without a transaction, expecting the versions it read
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.insertHistory(history('completed'));
    writes.expect({ id: 'i1', version: 1 }, { id: 'task-1', version: 4 });
    expect(writes.statements()).toBe(1);
    const { statements, manager } = recorder();

    // when it is flushed
    const changed = await writes.flush(manager);

    // then one statement locks the instance row at that version, then the open task at its version, and the state
    // update (which every other write waits for) runs only when both were found
    expect(changed).toBe(1);
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement?.sql).toMatch(
      /^WITH g0 AS \(SELECT 1 FROM process_instance WHERE id = \$1 AND version = \$2 FOR UPDATE\), g1 AS \(SELECT 1 FROM task WHERE id = \$3 AND version = \$4 AND status = 'open' AND EXISTS \(SELECT 1 FROM g0\)\s+FOR UPDATE\), w0 AS \(UPDATE process_instance .* AND EXISTS \(SELECT 1 FROM g1\) RETURNING 1\), w1 AS \(INSERT INTO process_history .* WHERE EXISTS \(SELECT 1 FROM w0\)/s,
    );
    expect(statement?.params.slice(0, 4)).toEqual(['i1', 1, 'task-1', 4]);
  });

  it('should send one text for writes of one shape and number the placeholders of each shape', async () => {
    // given two steps of one shape with other values, and one whose incident update takes one parameter more
    const step = (resolvedAt: Date, open?: string[]) => {
      const writes = new StepWrites();
      writes.saveState(instance, 1);
      writes.modify(
        'incident',
        `UPDATE incident SET status = 'resolved', resolved_at = $2 WHERE instance_id = $1 AND status = 'open'` +
          (open ? ' AND engine_incident_id <> ALL($3::text[])' : ''),
        open ? ['i1', resolvedAt, open] : ['i1', resolvedAt],
        true,
      );
      writes.insertHistory(history('left'));
      return writes;
    };
    const { statements, manager } = recorder();

    // when each is flushed
    await step(at).flush(manager);
    await step(new Date('2026-11-28T08:00:00.000Z')).flush(manager);
    await step(at, ['inc-1']).flush(manager);

    // then the first two send the same text with their own values; the third numbers the history after its third
    // incident parameter
    expect(statements).toHaveLength(3);
    expect(statements[1]?.sql).toBe(statements[0]?.sql);
    expect(statements[1]?.params[8]).toEqual(new Date('2026-11-28T08:00:00.000Z'));
    expect(statements[0]?.sql).toMatch(/json_populate_recordset\(NULL::process_history, \$10::json\)/);
    expect(statements[2]?.sql).toMatch(/engine_incident_id <> ALL\(\$10::text\[\]\)/);
    expect(statements[2]?.sql).toMatch(/json_populate_recordset\(NULL::process_history, \$11::json\)/);
    expect(statements[2]?.params[9]).toEqual(['inc-1']);
  });

  it('should refuse an expectation when its writes need more than one statement', async () => {
    // given a step whose cancellation must follow its insert, with an expectation
    const writes = new StepWrites();
    writes.saveState(instance, 1);
    writes.insertTask({ id: 'task-2', engineTaskId: 'e2' } as unknown as TaskEntity);
    writes.cancelTask('e2', at);
    writes.expect({ id: 'i1', version: 1 });
    const { statements, manager } = recorder();

    // when it is flushed
    const flushed = writes.flush(manager);

    // then nothing is sent
    await expect(flushed).rejects.toThrow(/one statement/);
    expect(statements).toEqual([]);
  });
});
