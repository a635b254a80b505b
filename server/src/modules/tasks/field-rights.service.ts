import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { DomainError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { DeployChecks } from '../../process-runtime/deploy-checks.service.js';
import { formKeyOf } from '../../process-runtime/instance-view.util.js';
import type { ProcessDefinition } from '../../process-runtime/process-model.util.js';
import type { DeployProblem } from '../../process-runtime/process-runtime.errors.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { ProcessesRepository } from '../../process-runtime/processes.repository.js';
import type { TaskEntity } from '../../process-runtime/task.entity.js';
import type { TaskWithResidentName } from '../../process-runtime/tasks.repository.js';
import { FormsService, type PublishedForm } from '../forms/forms.service.js';
import type { TaskDto } from './dto/task.dto.js';
import {
  enforceDraftRights,
  enforceStepRights,
  formFieldsOf,
  resolveStepRights,
  schemaForStep,
  unknownFieldPaths,
  withoutHidden,
  type FieldRightsDefinition,
  type StepRights,
} from './field-rights.util.js';
import { toTaskDto } from './tasks.mapper.js';
import { InvalidTaskDataError } from './tasks.errors.js';

/** Rights by element id of one deployed definition (definitions never change). */
type DefinitionRights = Map<string, FieldRightsDefinition>;

const CACHE_SIZE = 500;

/** A task's form as its step shows it. */
export type TaskFormView = {
  form: PublishedForm;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  data: Record<string, unknown>;
  /** Rights of the fields this step shows (hidden ones are left out); null when the step sets none. */
  fieldRights: StepRights | null;
};

/**
 * Step-level field rights (`careloom:fieldRights` on a user task): checked against the form at deploy,
 * applied to what a task sends (its form, input and draft) and to what completing or handing it back accepts.
 */
@Injectable()
export class FieldRightsService implements OnModuleInit {
  private readonly byDefinition = new Map<string, DefinitionRights>();

  constructor(
    private readonly transactions: Transactions,
    private readonly processes: ProcessesRepository,
    private readonly runtime: ProcessRuntimeService,
    private readonly forms: FormsService,
    private readonly deployChecks: DeployChecks,
  ) {}

  onModuleInit(): void {
    this.deployChecks.register('field-rights', (manager, tenantId, definitions, locale) =>
      this.checkDeploy(manager, tenantId, definitions, locale),
    );
  }

  /** A path that is not a field of the task's (published) form refuses the deploy; an unknown form is not checked. */
  async checkDeploy(
    manager: EntityManager,
    tenantId: string,
    definitions: readonly ProcessDefinition[],
    locale: 'zh-CN' | 'en',
  ): Promise<DeployProblem[]> {
    const problems: DeployProblem[] = [];
    for (const definition of definitions) {
      for (const element of Object.values(definition.elements)) {
        if (element.type !== 'userTask' || !element.fieldRights || !element.formKey) {
          continue;
        }
        const key = formKeyOf(element.formKey);
        const form = await this.publishedOrNull(manager, tenantId, key);
        if (!form) {
          continue;
        }
        for (const path of unknownFieldPaths(form.version.schema, element.fieldRights)) {
          problems.push({
            path: `/elements/${element.id}`,
            elementId: element.id,
            elementType: 'userTask',
            message:
              locale === 'en'
                ? `careloom:fieldRights: ${path} is not a field of the form "${key}"`
                : `careloom:fieldRights：${path} 不是表单“${key}”的字段`,
          });
        }
      }
    }
    return problems;
  }

  /** The rights the task's step sets, or null (a standalone task, a step without rights). */
  async of(manager: EntityManager, task: TaskEntity): Promise<FieldRightsDefinition | null> {
    return (await this.ofMany(manager, [task])).get(task.id) ?? null;
  }

  /** Rights by task id, for the tasks whose step sets some. */
  async ofMany(
    manager: EntityManager,
    tasks: readonly TaskEntity[],
  ): Promise<Map<string, FieldRightsDefinition>> {
    const result = new Map<string, FieldRightsDefinition>();
    const withInstance = tasks.filter((task) => task.instanceId !== null && task.formKey !== null);
    const definitionIds = await this.processes.definitionIdsOf(
      manager,
      withInstance.map((task) => task.instanceId ?? ''),
    );
    for (const task of withInstance) {
      const definitionId = definitionIds.get(task.instanceId ?? '');
      const rights = definitionId
        ? (await this.definitionRights(manager, definitionId)).get(task.elementId)
        : null;
      if (rights) {
        result.set(task.id, rights);
      }
    }
    return result;
  }

  /** TaskDtos without the values the tasks' steps hide (in `variables` and `draft`). */
  async dtos(tasks: readonly TaskWithResidentName[], actor: Actor): Promise<TaskDto[]> {
    const rights = await this.ofMany(this.transactions.manager, tasks);
    return tasks.map((task) => toTaskDto(task, actor, rights.get(task.id) ?? null));
  }

  async dto(task: TaskEntity, actor: Actor): Promise<TaskDto> {
    const [dto] = await this.dtos([task], actor);
    return dto as TaskDto;
  }

  /**
   * The task's form (latest published version) and its starting data — the draft, else the form's fields from
   * the task's input (what earlier steps entered) — with the step's rights applied.
   */
  async formView(manager: EntityManager, task: TaskEntity): Promise<TaskFormView | null> {
    if (!task.formKey) {
      return null;
    }
    const form = await this.forms.latestPublished(manager, task.tenantId, formKeyOf(task.formKey), 'read');
    const rights = await this.of(manager, task);
    const schema = form.version.schema as Record<string, unknown>;
    const uiSchema = form.version.uiSchema as Record<string, unknown>;
    const stored = formFieldsOf(schema, this.storedOf(task));
    if (!rights) {
      return { form, schema, uiSchema, data: stored, fieldRights: null };
    }
    const step = resolveStepRights(schema, rights);
    const shown = schemaForStep(schema, uiSchema, step);
    return {
      form,
      ...shown,
      data: withoutHidden(stored, rights),
      fieldRights: Object.fromEntries(Object.entries(step).filter(([, right]) => right !== 'hidden')),
    };
  }

  /**
   * The data a completion goes on with: hidden and read-only fields as stored (a changed one is a 400 pointing at
   * it), required-at-this-step fields present. Without rights the submission as it is.
   */
  async forCompletion(
    manager: EntityManager,
    task: TaskEntity,
    schema: object,
    submitted: Record<string, unknown>,
    locale: RequestLocale,
  ): Promise<Record<string, unknown>> {
    return this.enforce(manager, task, schema, submitted, locale, enforceStepRights);
  }

  /** A delegate's answer handed back as the owner's draft: protected fields as for a completion, nothing required. */
  async forDraft(
    manager: EntityManager,
    task: TaskEntity,
    submitted: Record<string, unknown>,
    locale: RequestLocale,
  ): Promise<Record<string, unknown>> {
    const rights = task.formKey ? await this.of(manager, task) : null;
    if (!rights || !task.formKey) {
      return submitted;
    }
    const form = await this.forms.latestPublished(manager, task.tenantId, formKeyOf(task.formKey), 'read');
    return this.enforce(manager, task, form.version.schema, submitted, locale, enforceDraftRights);
  }

  private async enforce(
    manager: EntityManager,
    task: TaskEntity,
    schema: object,
    submitted: Record<string, unknown>,
    locale: RequestLocale,
    how: typeof enforceStepRights,
  ): Promise<Record<string, unknown>> {
    const rights = await this.of(manager, task);
    if (!rights) {
      return submitted;
    }
    const { data, errors } = how(
      schema,
      resolveStepRights(schema, rights),
      submitted,
      this.storedOf(task),
      locale === 'en' ? 'en' : 'zh-CN',
    );
    if (errors.length > 0) {
      throw new InvalidTaskDataError(errors);
    }
    return data;
  }

  /** What the task holds before this step changes it: its draft (handed back, sent back), else its input. */
  private storedOf(task: TaskEntity): Record<string, unknown> {
    return task.draft ?? task.variables;
  }

  private async definitionRights(manager: EntityManager, definitionId: string): Promise<DefinitionRights> {
    const cached = this.byDefinition.get(definitionId);
    if (cached) {
      return cached;
    }
    const row = await this.processes.definitionById(manager, definitionId);
    const rights: DefinitionRights = new Map();
    if (row) {
      for (const element of Object.values(this.runtime.compiled(row).elements)) {
        if (element.type === 'userTask' && element.fieldRights) {
          rights.set(element.id, element.fieldRights);
        }
      }
    }
    if (this.byDefinition.size >= CACHE_SIZE) {
      const oldest = this.byDefinition.keys().next().value;
      if (oldest !== undefined) {
        this.byDefinition.delete(oldest);
      }
    }
    this.byDefinition.set(definitionId, rights);
    return rights;
  }

  private async publishedOrNull(
    manager: EntityManager,
    tenantId: string,
    key: string,
  ): Promise<PublishedForm | null> {
    try {
      return await this.forms.latestPublished(manager, tenantId, key, 'read');
    } catch (error) {
      if (error instanceof DomainError) {
        return null;
      }
      throw error;
    }
  }
}
