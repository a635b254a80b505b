import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { CreateOrgUnitDto, OrgUnitDto } from './dto/org-unit.dto.js';
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
      }),
    );
  }
}
