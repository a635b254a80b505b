import { Injectable } from '@nestjs/common';
import { evaluate } from '@careloom/logic';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.types.js';
import { Clock } from '../common/time/clock.js';
import { RecordsService } from '../modules/records/records.service.js';
import { UsersService } from '../modules/users/users.service.js';
import { NotificationsService } from '../modules/notifications/notifications.service.js';
import type { ProcessInstanceEntity } from './process-instance.entity.js';

/** What a built-in service task gets: the run-service effect as stored in the job's payload. */
export type ServiceCall = {
  jobId: string;
  elementId: string;
  serviceType: string;
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
};

/** Starts another process (the `start-process` service type); provided by the runtime to avoid a cycle. */
export type ProcessStarter = (
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  key: string,
  variables: Record<string, unknown>,
) => Promise<string>;

/** A service task that failed in a way retrying cannot fix is still retried: the admin sees the incident. */
export class ServiceTaskError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The built-in service types of `careloom:serviceType`: notify, create-record, update-record,
 * start-process, set-variables (webhook is run by the job runner outside the transaction).
 */
@Injectable()
export class ServiceTasksService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly records: RecordsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** A parameter value: JSON Logic when it is an object, else the literal. */
  value(expression: unknown, variables: Record<string, unknown>): unknown {
    return isRecord(expression) ? evaluate(expression, variables, { now: this.clock.iso() }) : expression;
  }

  /** Each entry of a parameter object evaluated with `value` (a mapping of names to expressions). */
  mapping(mapping: unknown, variables: Record<string, unknown>): Record<string, unknown> {
    if (!isRecord(mapping)) {
      return {};
    }
    return Object.fromEntries(Object.entries(mapping).map(([key, v]) => [key, this.value(v, variables)]));
  }

  private text(name: string, expression: unknown, variables: Record<string, unknown>): string {
    const value = this.value(expression, variables);
    if (typeof value !== 'string' || value === '') {
      throw new ServiceTaskError(`parameter "${name}" must give a non-empty text`);
    }
    return value;
  }

  /** Runs the service in the caller's transaction; the result becomes the service task's output. */
  async run(
    manager: EntityManager,
    instance: ProcessInstanceEntity,
    call: ServiceCall,
    startProcess: ProcessStarter,
  ): Promise<Record<string, unknown>> {
    const { parameters: p, variables } = call;
    switch (call.serviceType) {
      case 'notify':
        return this.notify(manager, instance, call);
      case 'set-variables':
        return this.mapping(isRecord(p['variables']) ? p['variables'] : p, variables);
      case 'start-process': {
        const key = this.text('key', p['key'] ?? p['processKey'], variables);
        const id = await startProcess(manager, instance, key, this.mapping(p['variables'], variables));
        const result = p['resultVariable'];
        return typeof result === 'string' ? { [result]: id } : {};
      }
      case 'create-record': {
        const actor = await this.actorOf(manager, instance);
        const residentId =
          p['residentId'] === undefined ? instance.residentId : this.value(p['residentId'], variables);
        const record = await this.records.create(
          actor,
          {
            formKey: this.text('formKey', p['formKey'], variables),
            ...(typeof residentId === 'string' ? { residentId } : {}),
            data: this.mapping(p['data'], variables),
          },
          'zh-CN',
        );
        const result = p['resultVariable'];
        return typeof result === 'string' ? { [result]: record.id } : {};
      }
      case 'update-record': {
        const actor = await this.actorOf(manager, instance);
        const id = this.text('recordId', p['recordId'], variables);
        const current = await this.records.get(actor, id, true);
        await this.records.update(
          actor,
          id,
          { ...current.data, ...this.mapping(p['data'], variables) },
          current.revision,
          'zh-CN',
        );
        return {};
      }
      default:
        throw new ServiceTaskError(`unknown service type "${call.serviceType}"`);
    }
  }

  private async notify(
    manager: EntityManager,
    instance: ProcessInstanceEntity,
    call: ServiceCall,
  ): Promise<Record<string, unknown>> {
    const { parameters: p, variables } = call;
    const user = p['userId'] ?? p['user'] ?? p['username'];
    // A user that comes out empty (an optional variable not set) falls back to `role` when one is given.
    const named = user === undefined ? undefined : this.value(user, variables);
    const empty = named === undefined || named === null || named === '';
    let userId: string | null = null;
    if (user !== undefined && !(empty && p['role'] !== undefined)) {
      if (typeof named !== 'string' || named === '') {
        throw new ServiceTaskError('parameter "user" must give a non-empty text');
      }
      const name = named;
      const found = /^[0-9a-f-]{36}$/i.test(name)
        ? await this.users.findById(manager, instance.tenantId, name)
        : await this.users.findByUsername(manager, name);
      if (!found || found.tenantId !== instance.tenantId) {
        throw new ServiceTaskError(`notify: no user "${name}"`);
      }
      userId = found.id;
    }
    const role = userId === null ? this.text('role', p['role'] ?? 'admin', variables) : null;
    const title = p['title'] ?? p['template'] ?? call.elementId;
    const body = p['body'] === undefined ? null : this.value(p['body'], variables);
    await this.notifications.notify(
      manager,
      instance.tenantId,
      userId !== null ? { userId } : { role: role ?? 'admin' },
      {
        title: String(this.value(title, variables)),
        body: body === null ? null : typeof body === 'string' ? body : JSON.stringify(body),
        payload: {
          processKey: instance.processKey,
          elementId: call.elementId,
          ...(isRecord(p['payload']) ? this.mapping(p['payload'], variables) : {}),
          ...(typeof p['channel'] === 'string' ? { channel: p['channel'] } : {}),
        },
        instanceId: instance.id,
        residentId: instance.residentId,
      },
    );
    return {};
  }

  /** Record services act as the user who started the instance, with that user's roles. */
  private async actorOf(manager: EntityManager, instance: ProcessInstanceEntity): Promise<Actor> {
    if (!instance.startedBy) {
      throw new ServiceTaskError('record services need an instance started by a user');
    }
    const user = await this.users.findById(manager, instance.tenantId, instance.startedBy);
    if (!user) {
      throw new ServiceTaskError('the user who started this instance no longer exists');
    }
    const memberships = await this.users.memberships(manager, user.id);
    return {
      userId: user.id,
      tenantId: user.tenantId,
      username: user.username,
      displayName: user.displayName,
      roles: memberships.map((m) => ({ role: m.role, orgUnitId: m.orgUnitId, orgUnitPath: m.orgUnitPath })),
      sessionId: 'process-runtime',
      ip: null,
      requestId: `process:${instance.id}`,
    };
  }
}
