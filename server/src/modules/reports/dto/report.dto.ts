import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { DashboardSpec, ReportSpec } from '@careloom/contracts';
import { LocalizedTextDto } from '../../forms/dto/form.dto.js';
import type { StoredSpec } from '../reports.service.js';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = (name: string) => `${name} must be a day YYYY-MM-DD (in the home's time zone)`;

/** The body of POST/PUT /api/reports: a ReportSpec (checked in full by the service, with JSON pointers). */
export class ReportSpecDto {
  @ApiProperty({ enum: [1] }) @Allow() schemaVersion: 1;
  @ApiProperty({ example: 'complaint-type-mix' }) @Allow() key: string;
  @ApiProperty({ type: LocalizedTextDto }) @Allow() title: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @Allow() description?: LocalizedTextDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'DatasetSpec: {source, filter?, groupBy, measures, orderBy?, limit?}',
  })
  @Allow()
  dataset: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'ChartSpec: {type, x?, series?, y, …}',
  })
  @Allow()
  chart: Record<string, unknown>;
}

export class DashboardSpecDto {
  @ApiProperty({ enum: [1] }) @Allow() schemaVersion: 1;
  @ApiProperty({ example: 'director' }) @Allow() key: string;
  @ApiProperty({ type: LocalizedTextDto }) @Allow() title: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @Allow() description?: LocalizedTextDto;
  @ApiProperty({ type: [String], enum: ['period', 'org-unit'] }) @Allow() filters: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '{report, x, y, w, h} on a 12-column grid',
  })
  @Allow()
  items: Record<string, unknown>[];
}

export class PreviewReportDto {
  @ApiProperty({ type: ReportSpecDto, description: 'The unsaved report to run' })
  @Allow()
  report: Record<string, unknown>;
}

export class SaveQueryDto {
  @ApiPropertyOptional({ description: 'The version you edited; another save since then gets 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'baseVersion must be a version number' })
  baseVersion?: number;
}

export class VersionQueryDto {
  @ApiPropertyOptional({ description: 'An older version (default: the current one)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a version number' })
  @Min(1)
  version?: number;
}

/** The shared filters of the data routes (ReportFilters). */
export class ReportFiltersDto {
  @ApiPropertyOptional({ description: 'Inclusive start day, YYYY-MM-DD in the home’s time zone' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive end day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ description: 'Only this org unit and the units below it' })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be an org unit id' })
  orgUnitId?: string;
}

export class DrillQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ description: 'JSON object: group key → the value in the result row' })
  @IsOptional()
  @IsString()
  group?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(100_000)
  offset: number = 0;
}

export class SpecVersionDto {
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class ReportSummaryDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) description?: LocalizedTextDto;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['bar', 'line', 'pie', 'table', 'number', 'heatmap'] }) chartType: string;
  @ApiProperty({ enum: ['records', 'tasks', 'process-instances', 'residents', 'activity'] })
  sourceType: string;
  @ApiProperty() updatedAt: string;

  static from({ head, spec }: StoredSpec<'report'>): ReportSummaryDto {
    return {
      key: head.key,
      title: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      version: head.currentVersion,
      chartType: spec.chart.type,
      sourceType: spec.dataset.source.type,
      updatedAt: head.updatedAt.toISOString(),
    };
  }
}

/** A report's spec (one version) with its version list. */
export class ReportDto extends ReportSpecDto {
  @ApiProperty({ description: 'The version shown' }) version: number;
  @ApiProperty({ description: 'The current (latest) version' }) currentVersion: number;
  @ApiProperty({ type: [SpecVersionDto] }) versions: SpecVersionDto[];
  @ApiProperty() updatedAt: string;

  static from({ head, spec, versions }: StoredSpec<'report'>, shown?: number): ReportDto {
    return {
      ...(spec as ReportSpec & ReportSpecDto),
      version: shown ?? head.currentVersion,
      currentVersion: head.currentVersion,
      versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
      updatedAt: head.updatedAt.toISOString(),
    };
  }
}

export class DashboardSummaryDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) description?: LocalizedTextDto;
  @ApiProperty() version: number;
  @ApiProperty() reports: number;
  @ApiProperty() updatedAt: string;

  static from({ head, spec }: StoredSpec<'dashboard'>): DashboardSummaryDto {
    return {
      key: head.key,
      title: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      version: head.currentVersion,
      reports: spec.items.length,
      updatedAt: head.updatedAt.toISOString(),
    };
  }
}

export class DashboardDto extends DashboardSpecDto {
  @ApiProperty() version: number;
  @ApiProperty() currentVersion: number;
  @ApiProperty({ type: [SpecVersionDto] }) versions: SpecVersionDto[];
  @ApiProperty() updatedAt: string;

  static from({ head, spec, versions }: StoredSpec<'dashboard'>, shown?: number): DashboardDto {
    return {
      ...(spec as DashboardSpec & DashboardSpecDto),
      version: shown ?? head.currentVersion,
      currentVersion: head.currentVersion,
      versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
      updatedAt: head.updatedAt.toISOString(),
    };
  }
}

/** ReportResult (see @careloom/contracts): rows, columns and the ECharts option. */
export class ReportResultDto {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) chart: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  columns: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  rows: Record<string, unknown>[];
  @ApiProperty({ type: 'object', additionalProperties: true }) option: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  summary?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String], description: 'Why a figure is missing, e.g. no bed counts' })
  notes?: string[];
}

export class DashboardResultDto {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: [String] }) filters: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  items: Record<string, unknown>[];
}

export class DrillResultDto {
  @ApiProperty({ enum: ['records', 'tasks', 'process-instances', 'residents', 'activity'] }) source: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  items: Record<string, unknown>[];
}
