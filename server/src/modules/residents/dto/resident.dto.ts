import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging.dto.js';
import type { Gender, ResidentStatus } from '../resident.entity.js';
import { maskIdNumber, maskPhone } from '../mask.util.js';
import { RESIDENT_TRANSITIONS } from '../resident-status.util.js';
import type { FamilyLinkRow, ResidentRow } from '../residents.repository.js';

const STATUSES: ResidentStatus[] = ['inquiry', 'trial', 'admitted', 'discharged', 'deceased'];
const GENDERS: Gender[] = ['male', 'female'];
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ResidentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ example: '1941-03-08' }) birthDate: string;
  @ApiProperty({ enum: STATUSES }) status: ResidentStatus;
  @ApiProperty({ enum: STATUSES, isArray: true, description: 'Statuses this resident may move to next' })
  allowedTransitions: ResidentStatus[];
  @ApiProperty() orgUnitId: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true }) bed: string | null;
  @ApiProperty({ type: String, nullable: true }) careLevel: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked unless requested with reveal=true' })
  idNumber: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked unless requested with reveal=true' })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true }) admittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) leftAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;

  static from(row: ResidentRow, reveal = false): ResidentDto {
    return {
      id: row.id,
      name: row.name,
      gender: row.gender,
      birthDate: row.birthDate,
      status: row.status,
      allowedTransitions: [...RESIDENT_TRANSITIONS[row.status]],
      orgUnitId: row.orgUnitId,
      orgUnitName: row.orgUnitName,
      room: row.room,
      bed: row.bed,
      careLevel: row.careLevel,
      idNumber: reveal ? row.idNumber : maskIdNumber(row.idNumber),
      phone: reveal ? row.phone : maskPhone(row.phone),
      admittedAt: row.admittedAt?.toISOString() ?? null,
      leftAt: row.leftAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  }
}

export class ResidentPageDto {
  @ApiProperty({ type: [ResidentDto] }) items: ResidentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ResidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name, room or bed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ResidentStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  careLevel?: string;

  @ApiPropertyOptional({ description: 'This org unit and everything below it' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class ResidentGetQueryDto {
  @ApiPropertyOptional({
    description: 'Show ID and phone numbers unmasked (audited; admin, head-nurse, front-desk, doctor)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  reveal?: 'true' | 'false';
}

export class CreateResidentDto {
  @ApiProperty({ example: '王秀英' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS, { message: 'gender must be male or female' })
  gender: Gender;

  @ApiProperty({ example: '1941-03-08' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date like 1941-03-08' })
  @IsISO8601({ strict: true }, { message: 'birthDate is not a real date' })
  birthDate: string;

  @ApiProperty()
  @IsUUID('all', { message: 'orgUnitId must be the id of an org unit' })
  orgUnitId: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2-203' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(20)
  room?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'A' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(20)
  bed?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '二级护理' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(50)
  careLevel?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '18-character resident ID number' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be 18 characters: 17 digits and a digit or X' })
  idNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be an 11-digit mainland mobile number' })
  phone?: string | null;
}

export class UpdateResidentDto extends PartialType(CreateResidentDto) {
  @ApiPropertyOptional({ description: 'The version you read; a mismatch gets 409 instead of overwriting' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  version?: number;
}

export class ChangeResidentStatusDto {
  @ApiProperty({ enum: STATUSES })
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status: ResidentStatus;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class FamilyLinkDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: '女儿' }) relationship: string;
  @ApiProperty() createdAt: string;

  static from(row: FamilyLinkRow): FamilyLinkDto {
    return {
      id: row.id,
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      relationship: row.relationship,
      createdAt: new Date(row.createdAt).toISOString(),
    };
  }
}

export class CreateFamilyLinkDto {
  @ApiProperty()
  @IsUUID()
  userId: string;

  @ApiProperty({ example: '女儿' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  relationship: string;
}
