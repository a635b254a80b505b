import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { NotificationDto, NotificationQueryDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** In-app notifications for the current user (process notify tasks, rule alerts). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<NotificationDto[]> {
    const items = await this.notifications.list(actor, query.unread === 'true');
    return items.map((n) => NotificationDto.from(n, actor.userId));
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }
}
