import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { ValidationFailedError } from '../../common/errors/domain.errors.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import {
  DeployErrorDto,
  DeployProcessDto,
  DeployResultDto,
  ProcessDetailDto,
  ProcessSummaryDto,
  ProcessVersionQueryDto,
  SimulateDto,
  SimulationTraceDto,
  StartedInstanceDto,
  StartInstanceDto,
} from './dto/process.dto.js';
import { toProcessDetailDto, toProcessSummaryDto } from './processes.mapper.js';
import { ProcessesService } from './processes.service.js';

/** The XML of a deploy request: the raw application/xml body, or `{"xml"}`. */
function xmlOf(body: unknown): string {
  if (typeof body === 'string' && body.trim() !== '') {
    return body;
  }
  if (typeof body === 'object' && body !== null && 'xml' in body && typeof body.xml === 'string') {
    return body.xml;
  }
  throw new ValidationFailedError(
    [{ path: '/xml', message: 'Send BPMN XML as application/xml, or JSON {"xml": "…"}' }],
    'The request has no BPMN XML.',
  );
}

@ApiTags('processes')
@ApiBearerAuth()
@ApiExtraModels(DeployProcessDto, DeployErrorDto)
@Controller('processes')
export class ProcessesController {
  constructor(private readonly processes: ProcessesService) {}

  /** Deploys every executable process of a BPMN file; identical XML again answers 200 with the same version. */
  @Post()
  @Roles('admin')
  @ApiConsumes('application/xml', 'text/xml', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [{ type: 'string', description: 'BPMN XML' }, { $ref: getSchemaPath(DeployProcessDto) }],
    },
  })
  @ApiCreatedResponse({ type: DeployResultDto })
  @ApiOkResponse({ type: DeployResultDto, description: 'Identical XML was deployed before' })
  @ApiBadRequestResponse({
    description: 'problem+json; errors are DeployErrorDto (elementId, elementType, message)',
  })
  async deploy(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Locale() locale: RequestLocale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeployResultDto> {
    const { created, processes } = await this.processes.deploy(actor, xmlOf(body), locale);
    void reply.status(created ? 201 : 200);
    const first = processes[0]!;
    return { key: first.key, version: first.version, processes };
  }

  @Get()
  @ApiOkResponse({ type: [ProcessSummaryDto] })
  async list(@CurrentActor() actor: Actor): Promise<ProcessSummaryDto[]> {
    return (await this.processes.list(actor)).map(toProcessSummaryDto);
  }

  /** Runs a definition on a virtual clock with scripted completions; nothing is stored. */
  @Post('simulate')
  @ApiOkResponse({ type: SimulationTraceDto })
  async simulate(
    @CurrentActor() actor: Actor,
    @Body() body: SimulateDto,
    @Locale() locale: RequestLocale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SimulationTraceDto> {
    void reply.status(200);
    return (await this.processes.simulate(actor, body, locale)) as unknown as SimulationTraceDto;
  }

  @Get(':key')
  @ApiOkResponse({ type: ProcessDetailDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: ProcessVersionQueryDto,
  ): Promise<ProcessDetailDto> {
    return toProcessDetailDto(await this.processes.get(actor, key, query.version));
  }

  @Post(':key/instances')
  @ApiCreatedResponse({ type: StartedInstanceDto })
  async start(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: StartInstanceDto,
  ): Promise<StartedInstanceDto> {
    const { instance, createdTasks } = await this.processes.start(actor, key, body);
    return {
      id: instance.id,
      tasks: createdTasks.map(({ id, elementId, name }) => ({ id, elementId, name })),
    };
  }
}
