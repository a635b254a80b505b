import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import {
  DrillQueryDto,
  DrillResultDto,
  PreviewReportDto,
  ReportDto,
  ReportFiltersDto,
  ReportResultDto,
  ReportSpecDto,
  ReportSummaryDto,
  SaveQueryDto,
  VersionQueryDto,
} from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOkResponse({ type: [ReportSummaryDto] })
  async list(@CurrentActor() actor: Actor): Promise<ReportSummaryDto[]> {
    return (await this.reports.list(actor, 'report')).map((r) => ReportSummaryDto.from(r));
  }

  @Post()
  @ApiCreatedResponse({ type: ReportDto })
  async create(@CurrentActor() actor: Actor, @Body() body: ReportSpecDto): Promise<ReportDto> {
    return ReportDto.from(await this.reports.create(actor, 'report', body));
  }

  /** Runs an unsaved report (the designer's preview); nothing is stored. */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportResultDto })
  preview(
    @CurrentActor() actor: Actor,
    @Body() body: PreviewReportDto,
    @Query() query: ReportFiltersDto,
    @Locale() locale: RequestLocale,
  ): Promise<ReportResultDto> {
    return this.reports.preview(actor, body.report, query, locale);
  }

  @Get(':key')
  @ApiOkResponse({ type: ReportDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: VersionQueryDto,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.reports.get(actor, 'report', key, query.version), query.version);
  }

  /** Saves the spec as the report's next version. */
  @Put(':key')
  @ApiOkResponse({ type: ReportDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: ReportSpecDto,
    @Query() query: SaveQueryDto,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.reports.update(actor, 'report', key, body, query.baseVersion));
  }

  @Get(':key/data')
  @ApiOkResponse({ type: ReportResultDto })
  data(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: ReportFiltersDto,
    @Locale() locale: RequestLocale,
  ): Promise<ReportResultDto> {
    return this.reports.data(actor, key, query, locale);
  }

  /** The rows behind one chart segment. */
  @Get(':key/drill')
  @ApiOkResponse({ type: DrillResultDto })
  drill(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: DrillQueryDto,
    @Locale() locale: RequestLocale,
  ): Promise<DrillResultDto> {
    return this.reports.drill(actor, key, query, locale);
  }

  @Get(':key/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The report’s rows as CSV (UTF-8 with BOM), labelled in the caller’s language',
  })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Query() query: ReportFiltersDto,
    @Locale() locale: RequestLocale,
  ): Promise<StreamableFile> {
    const file = await this.reports.exportCsv(actor, key, query, locale);
    return new StreamableFile(file.body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      length: file.body.length,
    });
  }
}
