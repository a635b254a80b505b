import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { CorrelateMessageDto, CorrelationResultDto } from './dto/process.dto.js';
import { ProcessesService } from './processes.service.js';

@ApiTags('processes')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly processes: ProcessesService) {}

  /** Correlates a message to the instances waiting for it (404 problem when none waits). */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: CorrelationResultDto })
  async correlate(
    @CurrentActor() actor: Actor,
    @Body() body: CorrelateMessageDto,
  ): Promise<CorrelationResultDto> {
    return { processInstanceIds: await this.processes.correlate(actor, body) };
  }
}
