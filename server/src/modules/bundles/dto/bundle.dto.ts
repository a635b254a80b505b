import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../forms/dto/form.dto.js';
import type { BundleInstallationEntity } from '../bundle-installation.entity.js';

export class BundleUploadDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The bundle as path → file text (manifest.json, forms/…json, processes/…bpmn, rules/…json)',
  })
  @IsObject({ message: 'files must map paths to file contents' })
  files: Record<string, string>;
}

export class BundleDto {
  @ApiProperty() key: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: [String] }) formKeys: string[];
  @ApiProperty() installedAt: string;

  static from(b: BundleInstallationEntity): BundleDto {
    return {
      key: b.key,
      version: b.version,
      title: b.manifest.title,
      formKeys: b.formKeys,
      installedAt: b.installedAt.toISOString(),
    };
  }
}

export class ImportedItemDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] }) action: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] }) version: number | string;
}

export class ImportReportDto {
  @ApiProperty() key: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: String, nullable: true }) previousVersion: string | null;
  @ApiProperty({ type: [ImportedItemDto] }) forms: ImportedItemDto[];
  @ApiProperty({ type: [ImportedItemDto] }) processes: ImportedItemDto[];
  @ApiProperty({ type: [ImportedItemDto] }) rules: ImportedItemDto[];
  @ApiProperty({ type: [ImportedItemDto] }) reports: ImportedItemDto[];
  @ApiProperty({ type: [ImportedItemDto] }) dashboards: ImportedItemDto[];
}

export class BundleCheckDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() key: string;
  @ApiProperty() version: string;
  @ApiProperty() forms: number;
  @ApiProperty() processes: number;
  @ApiProperty() rules: number;
  @ApiProperty() reports: number;
  @ApiProperty() dashboards: number;
}

export class ExportBundleDto {
  @ApiProperty({ example: 'my-home-setup' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'key must be kebab-case' })
  key: string;

  @ApiProperty({ example: '1.0.0' })
  @Matches(/^\d+\.\d+\.\d+$/, { message: 'version must be like 1.0.0' })
  version: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) forms: string[];
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) processes: string[];
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) rules: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  reports?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  dashboards?: string[];
}
