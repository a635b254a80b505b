import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/paging.dto.js';
import type { AuditEventEntity } from '../audit-event.entity.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() hash: string;

  static from(row: AuditEventEntity): AuditEventDto {
    return {
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      ip: row.ip,
      requestId: row.requestId,
      details: row.details,
      hash: row.hash,
    };
  }
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;

  static from(result: { items: AuditEventEntity[]; total: number }, query: PageQueryDto): AuditEventPageDto {
    return {
      items: result.items.map((row) => AuditEventDto.from(row)),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

export class ChainVerificationDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ type: String, nullable: true }) brokenAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}
