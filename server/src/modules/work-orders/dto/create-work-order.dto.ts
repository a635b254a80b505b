import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class CreateWorkOrderDto {
  @ApiProperty({ description: 'The resident the complaint or request is about' })
  @IsUUID('all', { message: 'residentId must be the id of a resident' })
  residentId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The complaint-intake form data (validated with its published version). For a family member the channel is set to the family portal and the complainant defaults to them.',
  })
  @IsObject({ message: 'data must be a JSON object with the complaint-intake fields' })
  data: Record<string, unknown>;
}

export const WORK_ORDER_STATUS_FILTERS = ['open', 'resolved', 'closed', 'cancelled'] as const;
const BOOLEAN_TEXT = ['true', 'false'] as const;

export class WorkOrderQueryDto {
  @ApiPropertyOptional({
    enum: WORK_ORDER_STATUS_FILTERS,
    description: 'open: being handled; resolved: waiting for the callback; closed; cancelled',
  })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUS_FILTERS, { message: 'status must be one of open, resolved, closed, cancelled' })
  status?: (typeof WORK_ORDER_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ description: 'Complaint type (complaintType of the intake form), e.g. meals' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;

  @ApiPropertyOptional({ description: 'Handler department role, e.g. logistics' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Only those past a deadline now' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be a resident id' })
  residentId?: string;

  @ApiPropertyOptional({ description: 'Business key or resident name contains this' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  offset: number = 0;
}

export class RateWorkOrderDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' })
  @IsInt({ message: 'satisfactionScore must be a whole number from 1 to 5' })
  @Min(1, { message: 'satisfactionScore must be at least 1' })
  @Max(5, { message: 'satisfactionScore must be at most 5' })
  satisfactionScore: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, description: 'How likely to recommend us (NPS)' })
  @IsOptional()
  @IsInt({ message: 'npsScore must be a whole number from 0 to 10' })
  @Min(0, { message: 'npsScore must be at least 0' })
  @Max(10, { message: 'npsScore must be at most 10' })
  npsScore?: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'comment must be at most 1000 characters' })
  comment?: string;

  @ApiPropertyOptional({ description: 'Not solved: please handle it again' })
  @IsOptional()
  @IsBoolean({ message: 'reopenRequested must be true or false' })
  reopenRequested?: boolean;
}
