import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { FormEntity, FormStatus, FormVersionEntity } from '../form.entity.js';

const STATUSES: FormStatus[] = ['draft', 'published', 'retired'];

export class LocalizedTextDto {
  @ApiProperty({ example: '巴氏指数评估' })
  @IsString()
  @MinLength(1, { message: 'the Chinese name must not be empty' })
  @MaxLength(200)
  'zh-CN': string;

  @ApiProperty({ example: 'Barthel index' })
  @IsString()
  @MaxLength(200)
  en: string;
}

export class CreateFormDto {
  @ApiProperty({ example: 'barthel-adl', description: 'Lower-case letters, digits and dashes' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, {
    message: 'key must be 2–64 lower-case letters, digits or dashes, starting with a letter',
  })
  key: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name: LocalizedTextDto;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema (2020-12, CareLoom dialect)',
  })
  @IsObject({ message: 'schema must be a JSON object' })
  schema: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'rjsf UI schema' })
  @IsOptional()
  @IsObject({ message: 'uiSchema must be a JSON object' })
  uiSchema?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: "Shared with family: family members see this form's records of their linked residents",
  })
  @IsOptional()
  @IsBoolean({ message: 'familyVisible must be true or false' })
  familyVisible?: boolean;
}

export class UpdateFormDraftDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'schema must be a JSON object' })
  schema?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'uiSchema must be a JSON object' })
  uiSchema?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: "Shared with family: family members see this form's records of their linked residents",
  })
  @IsOptional()
  @IsBoolean({ message: 'familyVisible must be true or false' })
  familyVisible?: boolean;

  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsInt()
  version: number;
}

export class FormQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: FormStatus;
}

export class LintIssueDto {
  @ApiProperty({ enum: ['error', 'warning'] }) severity: 'error' | 'warning';
  @ApiProperty() code: string;
  @ApiProperty({ description: 'JSON pointer into the schema' }) path: string;
  @ApiProperty() message: string;
}

export class FormVersionSummaryDto {
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: string;
}

export class FormDto {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: STATUSES }) status: FormStatus;
  @ApiProperty({ type: Number, nullable: true }) latestVersion: number | null;
  @ApiProperty({ description: 'The draft differs from the latest published version' }) draftChanged: boolean;
  @ApiProperty({ description: 'Shared with family (family portal)' }) familyVisible: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) draftSchema: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) draftUiSchema: object;
  @ApiProperty({ type: [FormVersionSummaryDto] }) versions: FormVersionSummaryDto[];
  @ApiProperty({ type: [LintIssueDto], description: 'Problems of the draft (publishing refuses errors)' })
  lint: LintIssueDto[];
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;

  static from(form: FormEntity, versions: FormVersionEntity[], lint: LintIssueDto[]): FormDto {
    return {
      id: form.id,
      key: form.key,
      name: form.name,
      description: form.description,
      status: form.status,
      latestVersion: form.latestVersion,
      draftChanged: form.draftChanged,
      familyVisible: form.familyVisible,
      draftSchema: form.draftSchema,
      draftUiSchema: form.draftUiSchema,
      versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
      lint,
      updatedAt: form.updatedAt.toISOString(),
      version: form.version,
    };
  }
}

export class FormSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ enum: STATUSES }) status: FormStatus;
  @ApiProperty({ type: Number, nullable: true }) latestVersion: number | null;
  @ApiProperty() draftChanged: boolean;
  @ApiProperty({ description: 'Shared with family (family portal)' }) familyVisible: boolean;
  @ApiProperty() updatedAt: string;

  static from(form: FormEntity): FormSummaryDto {
    return {
      id: form.id,
      key: form.key,
      name: form.name,
      status: form.status,
      latestVersion: form.latestVersion,
      draftChanged: form.draftChanged,
      familyVisible: form.familyVisible,
      updatedAt: form.updatedAt.toISOString(),
    };
  }
}

export class FormVersionDto {
  @ApiProperty() formId: string;
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) schema: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) uiSchema: object;
  @ApiProperty() publishedAt: string;

  static from(key: string, v: FormVersionEntity): FormVersionDto {
    return {
      formId: v.formId,
      key,
      version: v.version,
      name: v.name,
      schema: v.schema,
      uiSchema: v.uiSchema,
      publishedAt: v.publishedAt.toISOString(),
    };
  }
}

export class ValidateFormDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'schema must be a JSON object' })
  schema: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Sample data to validate against the schema' })
  @IsOptional()
  data?: unknown;
}

export class FieldErrorDto {
  @ApiProperty({ description: 'JSON pointer of the field' }) path: string;
  @ApiProperty() message: string;
}

export class ValidationResultDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
  @ApiProperty({ type: [LintIssueDto] }) lint: LintIssueDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The data after computing',
  })
  data?: Record<string, unknown>;
}
