import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../forms/dto/form.dto.js';
import type { BundleContents } from '@careloom/contracts';
import type { BundleInstallationEntity } from '../bundle-installation.entity.js';
import type { ShippedBundleView } from '../bundles.service.js';

/** Keys of a manifest's content lists (file names without folder and extension). */
function contentKeys(contents: BundleContents): BundleContentsDto {
  const keys = (paths: string[] | undefined) =>
    (paths ?? []).map((path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''));
  return {
    forms: keys(contents.forms),
    processes: keys(contents.processes),
    rules: keys(contents.rules),
    reports: keys(contents.reports),
    dashboards: keys(contents.dashboards),
  };
}

export class BundleContentsDto {
  @ApiProperty({ type: [String], description: 'Form keys' }) forms: string[];
  @ApiProperty({ type: [String], description: 'Process keys (BPMN process ids)' }) processes: string[];
  @ApiProperty({ type: [String], description: 'Rule keys' }) rules: string[];
  @ApiProperty({ type: [String], description: 'Report keys' }) reports: string[];
  @ApiProperty({ type: [String], description: 'Dashboard keys' }) dashboards: string[];
}

export class BundleRequirementDto {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Version range: *, 1.2.3, ^1.2.3, ~1.2.3 or >=1.2.3' }) version: string;
}

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
  @ApiProperty({ type: LocalizedTextDto }) description: LocalizedTextDto;
  @ApiProperty({ description: 'Id of the user who installed this version' }) installedBy: string;
  @ApiProperty({ type: BundleContentsDto }) contents: BundleContentsDto;

  static from(b: BundleInstallationEntity): BundleDto {
    return {
      key: b.key,
      version: b.version,
      title: b.manifest.title,
      formKeys: b.formKeys,
      installedAt: b.installedAt.toISOString(),
      description: b.manifest.description,
      installedBy: b.installedBy,
      contents: contentKeys(b.manifest.contents ?? {}),
    };
  }
}

/** A bundle shipped with the server (`templates/<key>`), with the version this tenant has installed. */
export class ShippedBundleDto {
  @ApiProperty() key: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) description: LocalizedTextDto;
  @ApiProperty({ type: [BundleRequirementDto] }) requires: BundleRequirementDto[];
  @ApiProperty({ type: BundleContentsDto }) contents: BundleContentsDto;
  @ApiProperty({ type: String, nullable: true, description: 'null when not installed' })
  installedVersion: string | null;
  @ApiProperty({
    type: [BundleRequirementDto],
    description: 'Requirements no installed bundle satisfies: import those first',
  })
  unmetRequirements: BundleRequirementDto[];

  static from(view: ShippedBundleView): ShippedBundleDto {
    const { manifest } = view;
    return {
      key: manifest.key,
      version: manifest.version,
      title: manifest.title,
      description: manifest.description,
      requires: (manifest.requires ?? []).map((r) => ({ key: r.key, version: r.version })),
      contents: contentKeys(manifest.contents),
      installedVersion: view.installedVersion,
      unmetRequirements: view.unmetRequirements.map((r) => ({ key: r.key, version: r.version })),
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

/** What a bundle is for, in both languages (either may be empty: it falls back to the other, then to the title). */
export class BundleDescriptionDto {
  @ApiProperty({ example: '本院的跌倒上报表单、复核流程与提醒规则' })
  @IsString()
  @MaxLength(2000)
  'zh-CN': string;

  @ApiProperty({ example: 'Our fall reports, their review process and the reminder rules' })
  @IsString()
  @MaxLength(2000)
  en: string;
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

  @ApiPropertyOptional({
    type: BundleDescriptionDto,
    description: "The manifest's description (default: the title)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BundleDescriptionDto)
  description?: BundleDescriptionDto;

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
