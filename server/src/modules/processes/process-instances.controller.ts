import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import {
  CancelInstanceDto,
  InstanceQueryDto,
  ProcessInstanceDto,
  ProcessInstanceSummaryDto,
} from './dto/process.dto.js';
import { toInstanceDto, toInstanceSummaryDto } from './processes.mapper.js';
import { ProcessesService } from './processes.service.js';

@ApiTags('processes')
@ApiBearerAuth()
@Controller('process-instances')
export class ProcessInstancesController {
  constructor(private readonly processes: ProcessesService) {}

  @Get()
  @ApiOkResponse({ type: [ProcessInstanceSummaryDto] })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: InstanceQueryDto,
  ): Promise<ProcessInstanceSummaryDto[]> {
    return (await this.processes.instances(actor, query)).map(toInstanceSummaryDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProcessInstanceDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProcessInstanceDto> {
    return toInstanceDto(await this.processes.instance(actor, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcessInstanceSummaryDto })
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelInstanceDto = {},
  ): Promise<ProcessInstanceSummaryDto> {
    return toInstanceSummaryDto(await this.processes.cancel(actor, id, body.reason?.trim() || null));
  }
}
