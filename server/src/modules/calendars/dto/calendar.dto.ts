import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '../../forms/dto/form.dto.js';
import type { CalendarEntity } from '../calendar.entity.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkingPeriodDto {
  @ApiProperty({ example: '08:30' })
  @Matches(HHMM, { message: 'start must be HH:MM (00:00–23:59)' })
  start: string;

  @ApiProperty({ example: '12:00', description: 'Exclusive; after start' })
  @Matches(HHMM, { message: 'end must be HH:MM (00:00–23:59)' })
  end: string;
}

export class CalendarYearDto {
  @ApiProperty({
    type: [String],
    example: ['2027-10-01', '2027-10-02'],
    description: 'Days off (YYYY-MM-DD)',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'each holiday must be a date YYYY-MM-DD' })
  holidays: string[];

  @ApiProperty({
    type: [String],
    example: ['2027-10-09'],
    description: 'Make-up workdays (调休): weekend days that are worked',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'each make-up workday must be a date YYYY-MM-DD' })
  workdays: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'True while the official arrangement (State Council notice) is not loaded yet',
  })
  @IsOptional()
  @IsBoolean()
  provisional?: boolean;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知（发布日期）' })
  @IsString()
  @MinLength(1, { message: 'source must say where the dates come from' })
  @MaxLength(4000)
  source: string;
}

@ApiExtraModels(CalendarYearDto)
export class PutCalendarDto {
  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name: LocalizedTextDto;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone of the working hours and dates' })
  @IsString()
  @MaxLength(100)
  timeZone: string;

  @ApiProperty({
    type: [Number],
    example: [1, 2, 3, 4, 5],
    description: 'ISO weekdays worked: 1 = Monday … 7 = Sunday',
  })
  @IsArray()
  @ArrayUnique({ message: 'weekdays must not repeat' })
  @ArrayMaxSize(7)
  @IsInt({ each: true, message: 'weekdays are numbers 1 (Monday) to 7 (Sunday)' })
  @Min(1, { each: true, message: 'weekdays are numbers 1 (Monday) to 7 (Sunday)' })
  @Max(7, { each: true, message: 'weekdays are numbers 1 (Monday) to 7 (Sunday)' })
  weekdays: number[];

  @ApiProperty({
    type: [WorkingPeriodDto],
    description: 'Working periods of a day, in order, not overlapping',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'at least one working period is needed' })
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => WorkingPeriodDto)
  hours: WorkingPeriodDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CalendarYearDto) },
    description: 'By year ("2027"); omit to keep the years a calendar has',
  })
  @IsOptional()
  @IsObject({ message: 'years must be an object keyed by year ("2027")' })
  years?: Record<string, unknown>;

  @ApiPropertyOptional({ description: "Make this the tenant's default calendar" })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @ApiPropertyOptional({ description: 'The version you read; a stale one gets 409' })
  @IsOptional()
  @IsInt()
  version?: number;
}

@ApiExtraModels(CalendarYearDto)
export class CalendarDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty() timeZone: string;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ type: [Number] }) weekdays: number[];
  @ApiProperty({ type: [WorkingPeriodDto] }) hours: WorkingPeriodDto[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(CalendarYearDto) } })
  years: Record<string, CalendarYearDto>;
  @ApiProperty({
    type: [String],
    description: 'This year or next year provisional or missing: what to load, in the caller’s language',
  })
  warnings: string[];
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;

  static from(calendar: CalendarEntity, warnings: string[]): CalendarDto {
    return {
      key: calendar.key,
      name: calendar.name,
      timeZone: calendar.timeZone,
      isDefault: calendar.isDefault,
      weekdays: calendar.weekdays,
      hours: calendar.hours,
      years: calendar.years,
      warnings,
      version: calendar.version,
      updatedAt: calendar.updatedAt.toISOString(),
    };
  }
}
