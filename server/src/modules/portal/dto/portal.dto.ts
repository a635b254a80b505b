import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging.dto.js';
import type { ResidentStatus } from '../../residents/resident.entity.js';
import type { NoticeCategory } from '../portal-notice.entity.js';

export const NOTICE_CATEGORIES: NoticeCategory[] = ['notice', 'bill', 'activity'];
/** 10 million yuan, in fen: far above any monthly bill, far below the column's limit. */
export const MAX_AMOUNT_FEN = 1_000_000_000;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class SummaryLineDto {
  @ApiProperty({ example: '收缩压（mmHg）' }) label: string;
  @ApiProperty({ example: '128' }) value: string;
}

/** One shared record, as a family member reads it. */
export class PortalUpdateDto {
  @ApiProperty() recordId: string;
  @ApiProperty() formKey: string;
  @ApiProperty({ description: "The form's name in the reader's language" }) formName: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who wrote it (a staff member)' })
  createdByName: string | null;
  @ApiProperty({ description: "Labelled values in one line, in the reader's language" }) summary: string;
  @ApiProperty({ type: [SummaryLineDto] }) lines: SummaryLineDto[];
}

export class PortalUpdatePageDto {
  @ApiProperty({ type: [PortalUpdateDto] }) items: PortalUpdateDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null when there is none',
  })
  nextBefore: string | null;
}

export class PortalUpdatesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(50, { message: 'limit must be at most 50' })
  limit: number = 20;

  @ApiPropertyOptional({
    description: "Only updates written before this time (the previous page's nextBefore)",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'before must be a date-time like 2026-01-31T08:00:00.000Z' })
  before?: string;
}

export class PortalResidentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '女儿' }) relationship: string;
  @ApiProperty({ enum: ['inquiry', 'trial', 'admitted', 'discharged', 'deceased'] }) status: ResidentStatus;
  @ApiProperty() orgUnitName: string;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true }) bed: string | null;
  @ApiProperty({ type: String, nullable: true }) careLevel: string | null;
  @ApiProperty({ type: [PortalUpdateDto], description: 'The latest shared updates, newest first' })
  updates: PortalUpdateDto[];
}

export class NoticeDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_CATEGORIES }) category: NoticeCategory;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Plain text' }) body: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Bills: the amount in fen (1/100 yuan)' })
  amountFen: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['CNY'] }) currency: 'CNY' | null;
  @ApiProperty({ type: String, nullable: true, description: 'null with no resident: the whole home' })
  orgUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) orgUnitName: string | null;
  @ApiProperty({ type: String, nullable: true, description: "A personal notice for this resident's family" })
  residentId: string | null;
  @ApiProperty({ type: String, nullable: true }) residentName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: a draft families do not see' })
  publishedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class NoticePageDto {
  @ApiProperty({ type: [NoticeDto] }) items: NoticeDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class NoticeQueryDto extends PageQueryDto {}

export class PortalHomeDto {
  @ApiProperty({ type: [PortalResidentDto], description: 'The residents linked to me' })
  residents: PortalResidentDto[];
  @ApiProperty({ type: [NoticeDto], description: 'The latest published notices and bills for me' })
  notices: NoticeDto[];
}

export class CreateNoticeDto {
  @ApiProperty({ enum: NOTICE_CATEGORIES })
  @IsIn(NOTICE_CATEGORIES, { message: 'category must be notice, bill or activity' })
  category: NoticeCategory;

  @ApiProperty({ example: '2026年1月费用账单' })
  @Transform(trim)
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiProperty({ description: 'Plain text (no HTML)' })
  @IsString({ message: 'body must be text' })
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(10000, { message: 'body must be at most 10,000 characters' })
  body: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Families of this unit's residents and below",
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'orgUnitId must be the id of an org unit' })
  orgUnitId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Only this resident's family (e.g. a bill)",
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'residentId must be the id of a resident' })
  residentId?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Bills only: the amount in fen (1/100 yuan)',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: 'amountFen must be a whole number of fen (1/100 yuan), e.g. 328050 for ¥3,280.50' })
  @Min(0, { message: 'amountFen must not be negative' })
  @Max(MAX_AMOUNT_FEN, { message: 'amountFen must be at most 1000000000 (¥10,000,000)' })
  amountFen?: number | null;
}

export class UpdateNoticeDto {
  @ApiPropertyOptional({ enum: NOTICE_CATEGORIES })
  @IsOptional()
  @IsIn(NOTICE_CATEGORIES, { message: 'category must be notice, bill or activity' })
  category?: NoticeCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'body must be text' })
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(10000, { message: 'body must be at most 10,000 characters' })
  body?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'orgUnitId must be the id of an org unit' })
  orgUnitId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'residentId must be the id of a resident' })
  residentId?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: 'amountFen must be a whole number of fen (1/100 yuan), e.g. 328050 for ¥3,280.50' })
  @Min(0, { message: 'amountFen must not be negative' })
  @Max(MAX_AMOUNT_FEN, { message: 'amountFen must be at most 1000000000 (¥10,000,000)' })
  amountFen?: number | null;
}
