import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import {
  CreateRuleDto,
  DryRunDto,
  DryRunResultDto,
  FiringQueryDto,
  RuleDto,
  RuleFiringDto,
  RuleSummaryDto,
  UpdateRuleDto,
} from './dto/rule.dto.js';
import { RulesService } from './rules.service.js';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @ApiOkResponse({ type: [RuleSummaryDto] })
  async list(@CurrentActor() actor: Actor): Promise<RuleSummaryDto[]> {
    return (await this.rules.list(actor)).map((r) => RuleSummaryDto.from(r));
  }

  @Post()
  @ApiCreatedResponse({ type: RuleDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateRuleDto): Promise<RuleDto> {
    return RuleDto.fromDetail(await this.rules.create(actor, body));
  }

  /** Evaluates a rule (saved or not) against data or a real resident, with no side effects. */
  @Post('dry-run')
  @HttpCode(200)
  @ApiOkResponse({ type: DryRunResultDto })
  async dryRun(@CurrentActor() actor: Actor, @Body() body: DryRunDto): Promise<DryRunResultDto> {
    const result = await this.rules.dryRun(actor, body);
    return {
      ...result,
      explanation: result.explanation as unknown as Record<string, unknown> | null,
      actions: result.actions as unknown as Record<string, unknown>[],
    };
  }

  @Get('firings')
  @ApiOkResponse({ type: [RuleFiringDto] })
  async firings(@CurrentActor() actor: Actor, @Query() query: FiringQueryDto): Promise<RuleFiringDto[]> {
    return (await this.rules.firings(actor, query)).map((f) => RuleFiringDto.from(f));
  }

  @Get(':id')
  @ApiOkResponse({ type: RuleDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RuleDto> {
    return RuleDto.fromDetail(await this.rules.get(actor, id));
  }

  @Put(':id')
  @ApiOkResponse({ type: RuleDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRuleDto,
  ): Promise<RuleDto> {
    return RuleDto.fromDetail(await this.rules.update(actor, id, body));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: RuleDto })
  async enable(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RuleDto> {
    return RuleDto.fromDetail(await this.rules.setEnabled(actor, id, true));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: RuleDto })
  async disable(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RuleDto> {
    return RuleDto.fromDetail(await this.rules.setEnabled(actor, id, false));
  }
}
