import { Inject, Injectable } from '@nestjs/common';
import { evaluate, LogicError, type ExplanationNode } from '@careloom/logic';
import type { EntityManager } from 'typeorm';
import { hasRole, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { canonicalJson } from '../../common/json/canonical-json.util.js';
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  type WordedFieldError,
} from '../../common/errors/domain.errors.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService } from '../forms/forms.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import { roleNamesZh } from '../users/roles.constants.js';
import type { RuleEntity, RuleFiringEntity, RuleVersionEntity } from './rule.entity.js';
import { checkRuleDefinition, normaliseRuleDefinition } from './rule-definition.util.js';
import { RuleRunner, type RuleData } from './rule-runner.service.js';
import { RuleScheduler } from './rule-scheduler.service.js';
import type { LocalizedText, RuleAction, RuleDefinition, RuleEvent } from './rule.types.js';
import { InvalidLogicError, InvalidRuleError, RuleKeyTakenError, StaleRuleError } from './rules.errors.js';
import { RulesRepository } from './rules.repository.js';

export const RULE_DESIGNERS = ['admin'] as const;

export type RuleDetail = { rule: RuleEntity; definition: RuleDefinition; versions: RuleVersionEntity[] };
export type DryRunInput = {
  ruleId?: string;
  definition?: unknown;
  residentId?: string;
  record?: Record<string, unknown>;
  data?: unknown;
};
export type DryRunResult = {
  matched: boolean;
  result: unknown;
  explanation: ExplanationNode | null;
  error: string | null;
  data: unknown;
  actions: RuleAction[];
};

@Injectable()
export class RulesService {
  constructor(
    private readonly repository: RulesRepository,
    private readonly transactions: Transactions,
    private readonly runner: RuleRunner,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly scheduler: RuleScheduler,
    private readonly forms: FormsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private assertDesigner(actor: Actor): void {
    if (!hasRole(actor, RULE_DESIGNERS)) {
      throw new ForbiddenError(
        `Designing rules needs one of: ${RULE_DESIGNERS.join(', ')}.`,
        `设计规则需要以下角色之一：${roleNamesZh(RULE_DESIGNERS)}。`,
      );
    }
  }

  private checked(definition: unknown): RuleDefinition {
    const errors = checkRuleDefinition(definition, { allowPrivateWebhooks: this.config.webhookAllowPrivate });
    if (errors.length > 0) {
      throw new InvalidRuleError(errors);
    }
    return normaliseRuleDefinition(definition as Record<string, unknown>);
  }

  /** The forms a definition names exist and are published (a date-field trigger's field is a date). */
  private async checkReferences(
    manager: EntityManager,
    tenantId: string,
    definition: RuleDefinition,
  ): Promise<void> {
    const errors: WordedFieldError[] = [];
    const published = async (key: string, path: string) => {
      try {
        return await this.forms.latestPublished(manager, tenantId, key, 'read');
      } catch (error) {
        if (error instanceof DomainError) {
          errors.push({
            path,
            message: `form "${key}": ${error.message}`,
            zh: RulesService.formProblemZh(key, error),
          });
          return null;
        }
        throw error;
      }
    };
    const trigger = definition.trigger;
    if (trigger.type === 'date-field') {
      const form = await published(trigger.formKey, '/trigger/formKey');
      const schema = form?.version.schema as {
        properties?: Record<string, { type?: unknown; format?: unknown }>;
      };
      const field = schema?.properties?.[trigger.field];
      if (form && !field) {
        errors.push({
          path: '/trigger/field',
          message: `form "${trigger.formKey}" has no field "${trigger.field}"`,
          zh: `表单“${trigger.formKey}”没有字段“${trigger.field}”`,
        });
      } else if (
        form &&
        (field?.type !== 'string' || (field.format !== 'date' && field.format !== 'date-time'))
      ) {
        errors.push({
          path: '/trigger/field',
          message: `field "${trigger.field}" of form "${trigger.formKey}" is not a date (type string, format date or date-time)`,
          zh: `表单“${trigger.formKey}”的字段“${trigger.field}”不是日期字段（须为 type string，format 为 date 或 date-time）`,
        });
      }
    }
    for (const [i, action] of definition.actions.entries()) {
      if (action.type === 'create-task' && action.formKey !== undefined) {
        await published(action.formKey, `/actions/${i}/formKey`);
      }
    }
    if (errors.length > 0) {
      throw new InvalidRuleError(errors);
    }
  }

  /** Why a form a definition names cannot be used, in Chinese (the form's own error where it words one). */
  private static formProblemZh(key: string, error: DomainError): string {
    if (error.zh?.detail !== undefined) {
      return error.zh.detail;
    }
    return error instanceof NotFoundError
      ? `找不到标识为“${key}”的表单，或您无权查看；请检查 formKey`
      : `表单“${key}”不可用：${error.message}`;
  }

  private static indexOf(definition: RuleDefinition): Pick<RuleEntity, 'triggerType' | 'triggerFormKey'> {
    const trigger = definition.trigger;
    return { triggerType: trigger.type, triggerFormKey: 'formKey' in trigger ? trigger.formKey : null };
  }

  /** The event a dry run pretends happened: the rule's own trigger, for the chosen resident. */
  private static sampleEvent(
    actor: Actor,
    definition: RuleDefinition,
    resident: { id: string; status: string } | null,
    data: Record<string, unknown>,
    now: string,
  ): RuleEvent {
    const trigger = definition.trigger;
    const base = { tenantId: actor.tenantId, residentId: resident?.id ?? null, actor, depth: 0 };
    const none = '00000000-0000-0000-0000-000000000000';
    switch (trigger.type) {
      case 'record.created':
      case 'record.updated':
      case 'record.saved':
        return {
          ...base,
          type: trigger.type === 'record.updated' ? 'record.updated' : 'record.created',
          recordId: none,
          formKey: trigger.formKey,
          formVersion: 0,
          data,
        };
      case 'resident.status-changed':
        return {
          ...base,
          type: 'resident.status-changed',
          residentId: resident?.id ?? none,
          from: resident?.status ?? 'inquiry',
          to: trigger.to ?? resident?.status ?? 'admitted',
        };
      case 'task.completed':
        return {
          ...base,
          type: 'task.completed',
          taskId: none,
          instanceId: none,
          processKey: trigger.processKey ?? '',
          elementId: trigger.elementId ?? '',
          data,
        };
      case 'process.ended':
        return {
          ...base,
          type: 'process.ended',
          instanceId: none,
          processKey: trigger.processKey ?? '',
          status: trigger.status ?? 'completed',
          variables: data,
        };
      case 'schedule':
        return { ...base, actor: null, type: 'schedule', at: now };
      case 'date-field':
        return {
          ...base,
          actor: null,
          type: 'date-field',
          recordId: none,
          formKey: trigger.formKey,
          field: trigger.field,
          value: typeof data[trigger.field] === 'string' ? (data[trigger.field] as string) : '',
          offsetDays: trigger.offsetsDays?.[0] ?? null,
          repetition: trigger.offsetsDays ? null : 1,
          at: now,
          data,
        };
      case 'task.overdue':
        return {
          ...base,
          actor: null,
          type: 'task.overdue',
          taskId: none,
          instanceId: null,
          processKey: trigger.processKey ?? null,
          elementId: trigger.elementId ?? '',
          dueAt: now,
          data,
        };
    }
  }

  list(actor: Actor): Promise<RuleEntity[]> {
    return this.repository.list(this.transactions.manager, actor.tenantId);
  }

  async get(actor: Actor, id: string): Promise<RuleDetail> {
    const manager = this.transactions.manager;
    const rule = await this.repository.findById(manager, actor.tenantId, id);
    if (!rule) {
      throw new NotFoundError('Rule', id);
    }
    const versions = await this.repository.versions(manager, rule.id);
    const current = versions.find((v) => v.version === rule.currentVersion);
    if (!current) {
      throw new NotFoundError('Rule version', `${id}@${rule.currentVersion}`);
    }
    return { rule, definition: current.definition, versions };
  }

  async byKey(actor: Actor, key: string): Promise<RuleDetail> {
    const rule = await this.repository.findByKey(this.transactions.manager, actor.tenantId, key);
    if (!rule) {
      throw new NotFoundError('Rule', key);
    }
    return this.get(actor, rule.id);
  }

  async create(
    actor: Actor,
    input: { key: string; name: LocalizedText; enabled?: boolean; definition: unknown },
  ): Promise<RuleDetail> {
    this.assertDesigner(actor);
    const definition = this.checked(input.definition);
    return this.transactions.run(async (manager) => {
      if (await this.repository.findByKey(manager, actor.tenantId, input.key)) {
        throw new RuleKeyTakenError(input.key);
      }
      await this.checkReferences(manager, actor.tenantId, definition);
      return this.insertRule(manager, actor, input, definition);
    });
  }

  private async insertRule(
    manager: EntityManager,
    actor: Actor,
    input: { key: string; name: LocalizedText; enabled?: boolean },
    definition: RuleDefinition,
  ): Promise<RuleDetail> {
    const rule = await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      key: input.key,
      name: input.name,
      enabled: input.enabled ?? true,
      ...RulesService.indexOf(definition),
      currentVersion: 1,
      updatedBy: actor.userId,
    });
    const version = await this.repository.insertVersion(manager, {
      ruleId: rule.id,
      version: 1,
      definition,
      createdBy: actor.userId,
    });
    await this.scheduler.sync(manager, rule, definition);
    await this.audit.record(manager, actor, {
      action: 'rule.created',
      entityType: 'rule',
      entityId: rule.id,
      details: { key: rule.key, version: 1 },
    });
    return { rule, definition, versions: [version] };
  }

  /** Saves a new version (the running one from now on); firings keep the version they ran. */
  async update(
    actor: Actor,
    id: string,
    input: { name?: LocalizedText; definition: unknown; version: number },
  ): Promise<RuleDetail> {
    this.assertDesigner(actor);
    const definition = this.checked(input.definition);
    return this.transactions.run(async (manager) => {
      const rule = await this.repository.findById(manager, actor.tenantId, id, true);
      if (!rule) {
        throw new NotFoundError('Rule', id);
      }
      if (rule.version !== input.version) {
        throw new StaleRuleError(input.version, rule.version);
      }
      await this.checkReferences(manager, actor.tenantId, definition);
      return this.appendVersion(manager, actor, rule, definition, input.name);
    });
  }

  private async appendVersion(
    manager: EntityManager,
    actor: Actor,
    rule: RuleEntity,
    definition: RuleDefinition,
    name?: LocalizedText,
  ): Promise<RuleDetail> {
    const next = rule.currentVersion + 1;
    await this.repository.insertVersion(manager, {
      ruleId: rule.id,
      version: next,
      definition,
      createdBy: actor.userId,
    });
    Object.assign(rule, {
      ...(name ? { name } : {}),
      ...RulesService.indexOf(definition),
      currentVersion: next,
      updatedBy: actor.userId,
    });
    const saved = await this.repository.save(manager, rule);
    await this.scheduler.sync(manager, saved, definition);
    await this.audit.record(manager, actor, {
      action: 'rule.updated',
      entityType: 'rule',
      entityId: rule.id,
      details: { key: rule.key, version: next },
    });
    return { rule: saved, definition, versions: await this.repository.versions(manager, rule.id) };
  }

  /** A rule from a bundle, inside the importer's transaction: created, given a new version, or left alone. */
  async importIn(
    manager: EntityManager,
    actor: Actor,
    file: { key: string; name: LocalizedText; enabled?: boolean; definition: unknown },
  ): Promise<{ key: string; action: 'created' | 'updated' | 'unchanged'; version: number }> {
    // no designer check: only BundlesService calls this, after checking the actor may manage bundles
    const definition = this.checked(file.definition);
    await this.checkReferences(manager, actor.tenantId, definition);
    const rule = await this.repository.findByKey(manager, actor.tenantId, file.key);
    if (!rule) {
      await this.insertRule(manager, actor, file, definition);
      return { key: file.key, action: 'created', version: 1 };
    }
    const current = await this.repository.version(manager, rule.id, rule.currentVersion);
    if (
      current &&
      canonicalJson(current.definition) === canonicalJson(definition) &&
      canonicalJson(rule.name) === canonicalJson(file.name)
    ) {
      return { key: file.key, action: 'unchanged', version: rule.currentVersion };
    }
    const detail = await this.appendVersion(manager, actor, rule, definition, file.name);
    return { key: file.key, action: 'updated', version: detail.rule.currentVersion };
  }

  async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<RuleDetail> {
    this.assertDesigner(actor);
    await this.transactions.run(async (manager) => {
      const rule = await this.repository.findById(manager, actor.tenantId, id, true);
      if (!rule) {
        throw new NotFoundError('Rule', id);
      }
      rule.enabled = enabled;
      rule.updatedBy = actor.userId;
      await this.repository.save(manager, rule);
      const current = await this.repository.version(manager, rule.id, rule.currentVersion);
      if (current) {
        await this.scheduler.sync(manager, rule, current.definition);
      }
      await this.audit.record(manager, actor, {
        action: enabled ? 'rule.enabled' : 'rule.disabled',
        entityType: 'rule',
        entityId: rule.id,
        details: { key: rule.key },
      });
    });
    return this.get(actor, id);
  }

  /** Evaluates a rule (saved or not) against given data or a real resident, with no side effects. */
  async dryRun(actor: Actor, input: DryRunInput): Promise<DryRunResult> {
    const definition =
      input.ruleId !== undefined
        ? (await this.get(actor, input.ruleId)).definition
        : this.checked(input.definition);
    let data: unknown = input.data;
    if (data === undefined) {
      const manager = this.transactions.manager;
      const resident = input.residentId
        ? await this.residents.visible(manager, actor, input.residentId)
        : null;
      data = await this.runner.dataFor(
        manager,
        RulesService.sampleEvent(actor, definition, resident, input.record ?? {}, this.clock.iso()),
        definition,
      );
    }
    const evaluation = this.runner.evaluate(definition, data as RuleData);
    return evaluation.status === 'failed'
      ? { matched: false, result: null, explanation: null, error: evaluation.error, data, actions: [] }
      : {
          matched: evaluation.status === 'matched',
          result: evaluation.result,
          explanation: evaluation.explanation,
          error: null,
          data,
          actions: evaluation.status === 'matched' ? definition.actions : [],
        };
  }

  /** A bare JSON Logic expression, for the designer. */
  evaluateLogic(logic: unknown, data: unknown): unknown {
    try {
      return evaluate(logic, data ?? {}, { now: this.clock.iso() });
    } catch (error) {
      if (error instanceof LogicError) {
        throw new InvalidLogicError(`/logic${error.path}`, error.message, error.messages['zh-CN']);
      }
      throw error;
    }
  }

  /** Firings for a resident the caller may see, or for a rule (designers). */
  async firings(actor: Actor, filter: { residentId?: string; ruleId?: string }): Promise<RuleFiringEntity[]> {
    const manager = this.transactions.manager;
    if (filter.residentId) {
      await this.residents.visible(manager, actor, filter.residentId);
    } else {
      this.assertDesigner(actor);
    }
    return this.repository.firings(manager, actor.tenantId, { ...filter, limit: 200 });
  }
}
