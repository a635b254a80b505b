import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import { TaskFormDto } from './dto/task-form.dto.js';
import { CompleteTaskDto, TaskDto, TaskQueryDto } from './dto/task.dto.js';
import { FieldRightsService } from './field-rights.service.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly fieldRights: FieldRightsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [TaskDto] })
  async list(@CurrentActor() actor: Actor, @Query() q: TaskQueryDto): Promise<TaskDto[]> {
    const query = {
      ...(q.processInstanceId ? { processInstanceId: q.processInstanceId } : {}),
      ...(q.residentId ? { residentId: q.residentId } : {}),
      ...(q.status ? { status: q.status } : {}),
      mine: q.mine === 'true',
      candidate: q.candidate === 'true',
      overdue: q.overdue === 'true',
      done: q.done === 'true',
    };
    return this.fieldRights.dtos(await this.tasks.list(actor, query), actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDto> {
    return this.fieldRights.dto(await this.tasks.get(actor, id), actor);
  }

  /** The task's form as this step shows it (field rights applied) and the data it starts from; 404 without a form. */
  @Get(':id/form')
  @ApiOkResponse({ type: TaskFormDto })
  async form(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TaskFormDto> {
    return TaskFormDto.from(await this.tasks.form(actor, id));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async claim(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDto> {
    return this.fieldRights.dto(await this.tasks.claim(actor, id), actor);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async unclaim(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDto> {
    return this.fieldRights.dto(await this.tasks.unclaim(actor, id), actor);
  }

  /** Completes with the task form's data (validated and stored as a record when the task has a formKey). */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CompleteTaskDto,
    @Locale() locale: RequestLocale,
  ): Promise<TaskDto> {
    return this.fieldRights.dto(await this.tasks.complete(actor, id, body.data ?? {}, locale), actor);
  }
}
