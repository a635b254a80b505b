import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '../../forms/dto/form.dto.js';
import type { RuleDetail } from '../rules.service.js';
import type { RuleFiringEntity, RuleEntity } from '../rule.entity.js';

export class CreateRuleDto {
  @ApiProperty({ example: 'high-fasting-glucose' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, {
    message: 'key must be 2–64 lower-case letters, digits or dashes, starting with a letter',
  })
  key: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name: LocalizedTextDto;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '{trigger, context?, condition (JSON Logic), actions}',
  })
  @IsObject({ message: 'definition must be a JSON object' })
  definition: Record<string, unknown>;
}

export class UpdateRuleDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'definition must be a JSON object' })
  definition: Record<string, unknown>;

  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsInt()
  version: number;
}

export class RuleSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty() enabled: boolean;
  @ApiProperty() triggerType: string;
  @ApiProperty({ type: String, nullable: true }) triggerFormKey: string | null;
  @ApiProperty() currentVersion: number;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;

  static from(rule: RuleEntity): RuleSummaryDto {
    return {
      id: rule.id,
      key: rule.key,
      name: rule.name,
      enabled: rule.enabled,
      triggerType: rule.triggerType,
      triggerFormKey: rule.triggerFormKey,
      currentVersion: rule.currentVersion,
      version: rule.version,
      updatedAt: rule.updatedAt.toISOString(),
    };
  }
}

export class RuleVersionSummaryDto {
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class RuleDto extends RuleSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) definition: Record<string, unknown>;
  @ApiProperty({ type: [RuleVersionSummaryDto] }) versions: RuleVersionSummaryDto[];

  static fromDetail({ rule, definition, versions }: RuleDetail): RuleDto {
    return {
      ...RuleSummaryDto.from(rule),
      definition,
      versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
    };
  }
}

export class DryRunDto {
  @ApiPropertyOptional({ description: 'A saved rule to run' })
  @IsOptional()
  @IsUUID('all', { message: 'ruleId must be a rule id' })
  ruleId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'An unsaved definition' })
  @IsOptional()
  @IsObject()
  definition?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Evaluate against this resident (and their records in the context windows)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be a resident id' })
  residentId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The triggering record data',
  })
  @IsOptional()
  @IsObject()
  record?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Evaluate the condition on exactly this data instead' })
  @IsOptional()
  data?: unknown;
}

export class DryRunResultDto {
  @ApiProperty() matched: boolean;
  @ApiPropertyOptional() result?: unknown;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  explanation: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiPropertyOptional({ description: 'What the condition saw' }) data?: unknown;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  actions: Record<string, unknown>[];
}

export class EvaluateLogicDto {
  @ApiProperty({ description: 'A JSON Logic expression' })
  @IsDefined({ message: 'logic is required: send a JSON Logic expression' })
  logic: unknown;

  @ApiPropertyOptional({ description: 'The data it reads' })
  @IsOptional()
  data?: unknown;
}

export class EvaluateLogicResultDto {
  @ApiPropertyOptional() result?: unknown;
}

export class FiringQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be a resident id' })
  residentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'ruleId must be a rule id' })
  ruleId?: string;
}

export class RuleFiringDto {
  @ApiProperty() id: string;
  @ApiProperty() ruleId: string;
  @ApiProperty() ruleVersion: number;
  @ApiProperty({ enum: ['matched', 'failed', 'depth-limit'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) residentId: string | null;
  @ApiProperty({ type: String, nullable: true }) recordId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) event: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) context: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  explanation: Record<string, unknown> | null;
  @ApiProperty({ type: [String], description: 'The explanation as readable lines, outermost first' })
  why: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  actions: Record<string, unknown>[];
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() depth: number;
  @ApiProperty() at: string;

  static from(f: RuleFiringEntity): RuleFiringDto {
    const why: string[] = [];
    const walk = (node: { text: string; children: unknown[] } | null, indent: string) => {
      if (!node || why.length >= 50) {
        return;
      }
      why.push(`${indent}${node.text}`);
      for (const child of node.children) {
        walk(child as { text: string; children: unknown[] }, `${indent}  `);
      }
    };
    walk(f.explanation, '');
    return {
      id: f.id,
      ruleId: f.ruleId,
      ruleVersion: f.ruleVersion,
      status: f.status,
      residentId: f.residentId,
      recordId: f.recordId,
      event: f.event,
      context: f.context,
      explanation: f.explanation as unknown as Record<string, unknown> | null,
      why,
      actions: f.actions,
      error: f.error,
      depth: f.depth,
      at: f.at.toISOString(),
    };
  }
}
