import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { IncidentDto, IncidentQueryDto } from './dto/process.dto.js';
import { toIncidentDto } from './processes.mapper.js';
import { ProcessesService } from './processes.service.js';

@ApiTags('processes')
@ApiBearerAuth()
@Roles('admin')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly processes: ProcessesService) {}

  @Get()
  @ApiOkResponse({ type: [IncidentDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: IncidentQueryDto): Promise<IncidentDto[]> {
    return (await this.processes.incidents(actor, query.status)).map(toIncidentDto);
  }

  /** Repeats the failed operation (a service task runs again as a new job). */
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: IncidentDto })
  async retry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentDto> {
    return toIncidentDto(await this.processes.retry(actor, id));
  }
}
