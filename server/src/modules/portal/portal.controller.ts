import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import {
  CreateNoticeDto,
  NoticeDto,
  NoticePageDto,
  NoticeQueryDto,
  PortalHomeDto,
  PortalUpdatePageDto,
  PortalUpdatesQueryDto,
  UpdateNoticeDto,
} from './dto/portal.dto.js';
import { toNoticeDto, toPortalResidentDto, toUpdateDto } from './portal.mapper.js';
import { PortalService } from './portal.service.js';

/** The family portal: a family member's relatives and their shared updates; notices and bills. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('home')
  @Roles('family')
  @ApiOkResponse({ type: PortalHomeDto })
  async home(@CurrentActor() actor: Actor, @Locale() locale: RequestLocale): Promise<PortalHomeDto> {
    const { residents, notices } = await this.portal.home(actor, locale);
    return { residents: residents.map(toPortalResidentDto), notices: notices.map(toNoticeDto) };
  }

  @Get('residents/:id/updates')
  @Roles('family')
  @ApiOkResponse({ type: PortalUpdatePageDto })
  async updates(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PortalUpdatesQueryDto,
    @Locale() locale: RequestLocale,
  ): Promise<PortalUpdatePageDto> {
    const page = await this.portal.updates(actor, id, query, locale);
    return { items: page.items.map(toUpdateDto), nextBefore: page.nextBefore };
  }

  /** Family members: published notices for them; admin, front desk, steward: all in their scope, drafts too. */
  @Get('notices')
  @ApiOkResponse({ type: NoticePageDto })
  async notices(@CurrentActor() actor: Actor, @Query() query: NoticeQueryDto): Promise<NoticePageDto> {
    const { items, total } = await this.portal.notices(actor, query);
    return { items: items.map(toNoticeDto), total, page: query.page, pageSize: query.pageSize };
  }

  @Post('notices')
  @ApiCreatedResponse({ type: NoticeDto })
  async createNotice(@CurrentActor() actor: Actor, @Body() body: CreateNoticeDto): Promise<NoticeDto> {
    return toNoticeDto(await this.portal.createNotice(actor, body));
  }

  @Patch('notices/:id')
  @ApiOkResponse({ type: NoticeDto })
  async updateNotice(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateNoticeDto,
  ): Promise<NoticeDto> {
    return toNoticeDto(await this.portal.updateNotice(actor, id, body));
  }

  @Post('notices/:id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeDto })
  async publishNotice(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<NoticeDto> {
    return toNoticeDto(await this.portal.publishNotice(actor, id));
  }
}
