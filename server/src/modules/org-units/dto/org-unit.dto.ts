import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
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

  static from(unit: OrgUnitEntity): OrgUnitDto {
    return {
      id: unit.id,
      parentId: unit.parentId,
      name: unit.name,
      kind: unit.kind,
      calendarKey: unit.calendarKey,
      alwaysOpen: unit.alwaysOpen,
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
