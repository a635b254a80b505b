import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { OrgUnitEntity, OrgUnitKind } from '../org-unit.entity.js';

const KINDS: OrgUnitKind[] = ['institution', 'branch', 'building', 'wing'];

export class OrgUnitDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: KINDS }) kind: OrgUnitKind;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Business-time calendar key; null = the parent unit’s, else the tenant default',
  })
  calendarKey: string | null;
  @ApiProperty({ description: 'Open 24×7: business time is plain time here and below' }) alwaysOpen: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Beds of this unit (occupancy capacity); null = the sum of the units below',
  })
  bedCount: number | null;

  static from(unit: OrgUnitEntity): OrgUnitDto {
    return {
      id: unit.id,
      parentId: unit.parentId,
      name: unit.name,
      kind: unit.kind,
      calendarKey: unit.calendarKey,
      alwaysOpen: unit.alwaysOpen,
      bedCount: unit.bedCount ?? null,
    };
  }
}

const CALENDAR_KEY = /^[a-z][a-z0-9-]{1,63}$/;

export class UpdateOrgUnitBusinessTimeDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'cn-mainland',
    description: 'null = inherit',
  })
  @IsOptional()
  @Matches(CALENDAR_KEY, {
    message: 'calendarKey must be the key of a calendar (GET /api/calendars) or null',
  })
  calendarKey?: string | null;

  @ApiPropertyOptional({ description: 'Open 24×7' })
  @IsOptional()
  @IsBoolean()
  alwaysOpen?: boolean;
}

export class CreateOrgUnitDto {
  @ApiProperty({ type: String, nullable: true, required: false })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({ example: 'B区（二层）' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind: OrgUnitKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'cn-mainland',
    description: 'null = inherit',
  })
  @IsOptional()
  @Matches(CALENDAR_KEY, {
    message: 'calendarKey must be the key of a calendar (GET /api/calendars) or null',
  })
  calendarKey?: string | null;

  @ApiPropertyOptional({ description: 'Open 24×7' })
  @IsOptional()
  @IsBoolean()
  alwaysOpen?: boolean;
}

/** Capacity of a unit for occupancy: its beds, or null to use the sum of the units below it. */
export class UpdateOrgUnitCapacityDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100000, example: 40 })
  @ValidateIf((body: { bedCount?: unknown }) => body.bedCount !== null)
  @IsInt({ message: 'bedCount must be a whole number of beds, or null to use the units below' })
  @Min(0, { message: 'bedCount cannot be negative' })
  @Max(100000, { message: 'bedCount must be at most 100000' })
  bedCount: number | null;
}
