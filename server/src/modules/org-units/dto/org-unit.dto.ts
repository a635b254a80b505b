import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { OrgUnitEntity, OrgUnitKind } from '../org-unit.entity.js';

const KINDS: OrgUnitKind[] = ['institution', 'branch', 'building', 'wing'];

export class OrgUnitDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: KINDS }) kind: OrgUnitKind;

  static from(unit: OrgUnitEntity): OrgUnitDto {
    return { id: unit.id, parentId: unit.parentId, name: unit.name, kind: unit.kind };
  }
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
}
