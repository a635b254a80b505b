import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import {
  CreateOrgUnitDto,
  OrgUnitDto,
  UpdateOrgUnitBusinessTimeDto,
  UpdateOrgUnitCapacityDto,
} from './dto/org-unit.dto.js';
import { OrgUnitsService } from './org-units.service.js';

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  @Get()
  @ApiOkResponse({ type: [OrgUnitDto] })
  async list(@CurrentActor() actor: Actor): Promise<OrgUnitDto[]> {
    return (await this.orgUnits.list(actor)).map((row) => OrgUnitDto.from(row));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: OrgUnitDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return OrgUnitDto.from(
      await this.orgUnits.create(actor, {
        parentId: body.parentId ?? null,
        name: body.name,
        kind: body.kind,
        ...(body.calendarKey !== undefined ? { calendarKey: body.calendarKey } : {}),
        ...(body.alwaysOpen !== undefined ? { alwaysOpen: body.alwaysOpen } : {}),
      }),
    );
  }

  /** Business time of a unit: its calendar (null = inherit) and whether it is open 24×7. */
  @Patch(':id/business-time')
  @Roles('admin')
  @ApiOkResponse({ type: OrgUnitDto })
  async updateBusinessTime(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrgUnitBusinessTimeDto,
  ): Promise<OrgUnitDto> {
    return OrgUnitDto.from(await this.orgUnits.updateBusinessTime(actor, id, body));
  }

  /** Beds of a unit (occupancy capacity); null = the sum of the units below. */
  @Patch(':id/capacity')
  @Roles('admin')
  @ApiOkResponse({ type: OrgUnitDto })
  async updateCapacity(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrgUnitCapacityDto,
  ): Promise<OrgUnitDto> {
    return OrgUnitDto.from(await this.orgUnits.updateCapacity(actor, id, body.bedCount ?? null));
  }
}
