import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging.dto.js';
import type { JsonPatchOperation, RevisionAction } from '../record.entity.js';

export class CreateRecordDto {
  @ApiProperty({ example: 'barthel-adl', description: 'Key of a published form; its latest version is used' })
  @IsString()
  @MaxLength(64)
  formKey: string;

  @ApiPropertyOptional({ description: 'The resident the record is about' })
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be the id of a resident' })
  residentId?: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'data must be a JSON object' })
  data: Record<string, unknown>;
}

export class UpdateRecordDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole new data (not a patch)',
  })
  @IsObject({ message: 'data must be a JSON object' })
  data: Record<string, unknown>;

  @ApiProperty({ description: 'The revision you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  revision: number;
}

export class RecordQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only records of this form (needed for filter and field sort)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  formKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be a resident id' })
  residentId?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO date or instant)' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO date or instant' })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO date or instant)' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO date or instant' })
  to?: string;

  @ApiPropertyOptional({
    description: 'JSON Logic over the form fields, as JSON text, e.g. {">":[{"var":"total"},60]}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  filter?: string;

  @ApiPropertyOptional({
    description: 'createdAt, updatedAt or a form field (dot path); prefix with - for descending',
    example: '-createdAt',
  })
  @IsOptional()
  @Matches(/^-?[\w.\u4e00-\u9fa5-]{1,200}$/, {
    message: 'sort must be a field name, optionally prefixed with -',
  })
  sort?: string;

  @ApiPropertyOptional({
    description:
      'Keyset paging: the nextCursor of the previous page (same formKey and sort); page is then ignored. Fast at any depth.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  after?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description: 'false: do not count matches (total is -1); the cheapest page',
  })
  @IsOptional()
  @Matches(/^(true|false)$/, { message: 'count must be true or false' })
  count?: 'true' | 'false';
}

export class RecordGetQueryDto {
  @ApiPropertyOptional({
    description: 'Show sensitive fields unmasked (audited; admin, head-nurse, front-desk, doctor)',
  })
  @IsOptional()
  @Matches(/^(true|false)$/)
  reveal?: 'true' | 'false';
}

export class RecordDto {
  @ApiProperty() id: string;
  @ApiProperty() formId: string;
  @ApiProperty() formKey: string;
  @ApiProperty() formVersion: number;
  @ApiProperty({ type: String, nullable: true }) residentId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Scored-scale results by field pointer',
  })
  scores: Record<string, unknown>;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'Sensitive fields are masked in data' }) masked: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: String, nullable: true, description: 'Display name of who filled it' })
  createdByName: string | null;
  @ApiProperty({ type: String, nullable: true }) residentName: string | null;
  @ApiProperty() updatedAt: string;
}

export class RecordPageDto {
  @ApiProperty({ type: [RecordDto] }) items: RecordDto[];
  @ApiProperty({
    description: 'Matching records, counted up to 1,000 (see totalCapped); -1 with count=false',
  })
  total: number;
  @ApiProperty({ description: 'More records match than total says' }) totalCapped: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as after to get the next page (keyset paging); null when this page is the last',
  })
  nextCursor: string | null;
}

export class JsonPatchOperationDto {
  @ApiProperty({ enum: ['add', 'remove', 'replace'] }) op: JsonPatchOperation['op'];
  @ApiProperty() path: string;
  @ApiPropertyOptional() value?: unknown;
}

export class RevisionDto {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ['created', 'updated', 'deleted'] }) action: RevisionAction;
  @ApiProperty() at: string;
  @ApiProperty() actorId: string;
  @ApiProperty() actorName: string;
  @ApiProperty({ type: [JsonPatchOperationDto], description: 'RFC 6902 patch from the previous revision' })
  diff: JsonPatchOperationDto[];
}

export class RevisionDetailDto extends RevisionDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() masked: boolean;
}

export class RecordExportQueryDto {
  @ApiProperty({ example: 'barthel-adl' })
  @IsString()
  @MaxLength(64)
  formKey: string;

  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @Matches(/^(csv|xlsx)$/, { message: 'format must be csv or xlsx' })
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be a resident id' })
  residentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO date or instant' })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO date or instant' })
  to?: string;

  @ApiPropertyOptional({ description: 'JSON Logic over the form fields, as JSON text' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  filter?: string;

  @ApiPropertyOptional({ description: 'Export sensitive fields unmasked (audited)' })
  @IsOptional()
  @Matches(/^(true|false)$/)
  reveal?: 'true' | 'false';
}
