import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import { CreateWorkOrderDto, RateWorkOrderDto, WorkOrderQueryDto } from './dto/create-work-order.dto.js';
import { WorkOrderDetailDto, WorkOrderListDto, WorkOrderSummaryDto } from './dto/work-order.dto.js';
import { toWorkOrderDetailDto, toWorkOrderSummaryDto } from './work-orders.mapper.js';
import { WorkOrdersService } from './work-orders.service.js';

@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrdersController {
  constructor(private readonly workOrders: WorkOrdersService) {}

  /** Files a complaint or service request: the intake record and the complaint-workorder instance, together. */
  @Post()
  @ApiCreatedResponse({ type: WorkOrderSummaryDto })
  async file(
    @CurrentActor() actor: Actor,
    @Body() body: CreateWorkOrderDto,
    @Locale() locale: RequestLocale,
  ): Promise<WorkOrderSummaryDto> {
    const { row, now } = await this.workOrders.file(actor, body, locale);
    return toWorkOrderSummaryDto(row, actor, now);
  }

  @Get()
  @ApiOkResponse({ type: WorkOrderListDto })
  async list(@CurrentActor() actor: Actor, @Query() q: WorkOrderQueryDto): Promise<WorkOrderListDto> {
    const page = await this.workOrders.list(actor, {
      ...(q.status ? { status: q.status } : {}),
      ...(q.type ? { complaintType: q.type } : {}),
      ...(q.role ? { role: q.role } : {}),
      ...(q.residentId ? { residentId: q.residentId } : {}),
      ...(q.q ? { q: q.q } : {}),
      overdue: q.overdue === 'true',
      limit: q.limit,
      offset: q.offset,
    });
    return {
      items: page.rows.map((row) => toWorkOrderSummaryDto(row, actor, page.now)),
      limit: q.limit,
      offset: q.offset,
      hasMore: page.hasMore,
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: WorkOrderDetailDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WorkOrderDetailDto> {
    return toWorkOrderDetailDto(await this.workOrders.detail(actor, id), actor);
  }

  /** A linked family member rates the resolved work order (completes the callback on their behalf). */
  @Post(':id/rating')
  @HttpCode(200)
  @ApiOkResponse({ type: WorkOrderSummaryDto })
  async rate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RateWorkOrderDto,
    @Locale() locale: RequestLocale,
  ): Promise<WorkOrderSummaryDto> {
    const { row, now } = await this.workOrders.rate(actor, id, body, locale);
    return toWorkOrderSummaryDto(row, actor, now);
  }
}
