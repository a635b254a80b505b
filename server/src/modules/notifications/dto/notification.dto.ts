import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { NotificationEntity } from '../notification.entity.js';

export class NotificationQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) processInstanceId: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty() read: boolean;
  @ApiProperty() createdAt: string;

  static from(n: NotificationEntity, userId: string): NotificationDto {
    return {
      id: n.id,
      title: n.title,
      body: n.body,
      payload: n.payload,
      processInstanceId: n.instanceId,
      role: n.role,
      read: n.readBy.includes(userId),
      createdAt: n.createdAt.toISOString(),
    };
  }
}
