import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import {
  AddSignerDto,
  ColleagueDto,
  CopyResultDto,
  CopyTaskDto,
  DelegateTaskDto,
  ResolveTaskDto,
  SendBackDto,
  TransferTaskDto,
  WithdrawDto,
} from './dto/approval.dto.js';
import { TaskDto } from './dto/task.dto.js';
import { ApprovalsService } from './approvals.service.js';
import { FieldRightsService } from './field-rights.service.js';

/** Approval moves on user tasks; each answers with the task as it is now (send-back/withdraw: the reopened one). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class ApprovalsController {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly fieldRights: FieldRightsService,
  ) {}

  @Get('colleagues')
  @ApiOkResponse({ type: [ColleagueDto] })
  colleagues(@CurrentActor() actor: Actor): Promise<ColleagueDto[]> {
    return this.approvals.colleagues(actor);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async transfer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransferTaskDto,
  ): Promise<TaskDto> {
    return this.fieldRights.dto(await this.approvals.transfer(actor, id, body.toUserId, body.reason), actor);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async delegate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DelegateTaskDto,
  ): Promise<TaskDto> {
    const to = body.toUserId ?? body.userId;
    return this.fieldRights.dto(await this.approvals.delegate(actor, id, to, body.reason), actor);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async resolve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveTaskDto,
    @Locale() locale: RequestLocale,
  ): Promise<TaskDto> {
    const task = await this.approvals.resolve(actor, id, body.data, body.reason, locale);
    return this.fieldRights.dto(task, actor);
  }

  @Post(':id/add-signer')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  async addSigner(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddSignerDto,
  ): Promise<TaskDto> {
    const task = await this.approvals.addSigner(actor, id, body.userId, body.position, body.reason);
    return this.fieldRights.dto(task, actor);
  }

  @Post(':id/send-back')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto, description: 'The reopened earlier task' })
  async sendBack(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SendBackDto,
  ): Promise<TaskDto> {
    return this.fieldRights.dto(
      await this.approvals.sendBack(actor, id, body.toElementId, body.reason),
      actor,
    );
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto, description: 'The reopened task' })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawDto,
  ): Promise<TaskDto> {
    return this.fieldRights.dto(await this.approvals.withdraw(actor, id, body.reason), actor);
  }

  @Post(':id/cc')
  @HttpCode(200)
  @ApiOkResponse({ type: CopyResultDto })
  cc(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CopyTaskDto,
  ): Promise<CopyResultDto> {
    return this.approvals.copy(actor, id, body);
  }
}
