import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import {
  DashboardDto,
  DashboardResultDto,
  DashboardSpecDto,
  DashboardSummaryDto,
  ReportFiltersDto,
  SaveQueryDto,
  VersionQueryDto,
} from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOkResponse({ type: [DashboardSummaryDto] })
  async list(@CurrentActor() actor: Actor): Promise<DashboardSummaryDto[]> {
    return (await this.reports.list(actor, 'dashboard')).map((d) => DashboardSummaryDto.from(d));
  }

  @Post()
  @ApiCreatedResponse({ type: DashboardDto })
  async create(@CurrentActor() actor: Actor, @Body() body: DashboardSpecDto): Promise<DashboardDto> {
    return DashboardDto.from(await this.reports.create(actor, 'dashboard', body));
  }

  @Get(':key')
  @ApiOkResponse({ type: DashboardDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: VersionQueryDto,
  ): Promise<DashboardDto> {
    return DashboardDto.from(await this.reports.get(actor, 'dashboard', key, query.version), query.version);
  }

  @Put(':key')
  @ApiOkResponse({ type: DashboardDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: DashboardSpecDto,
    @Query() query: SaveQueryDto,
  ): Promise<DashboardDto> {
    return DashboardDto.from(await this.reports.update(actor, 'dashboard', key, body, query.baseVersion));
  }

  /** Every report of the dashboard with the shared filters it offers. */
  @Get(':key/data')
  @ApiOkResponse({ type: DashboardResultDto })
  data(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: ReportFiltersDto,
    @Locale() locale: RequestLocale,
  ): Promise<DashboardResultDto> {
    return this.reports.dashboardData(actor, key, query, locale);
  }
}
