import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { NotificationDto, NotificationQueryDto } from './dto/task.dto.js';
import { toNotificationDto } from './tasks.mapper.js';
import { TasksService } from './tasks.service.js';

/** In-app notifications for the current user (written by `notify` service tasks). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<NotificationDto[]> {
    const items = await this.tasks.notificationsOf(actor, query.unread === 'true');
    return items.map((n) => toNotificationDto(n, actor.userId));
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.tasks.markRead(actor, id);
  }
}
