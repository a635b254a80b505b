import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import {
  ChangeResidentStatusDto,
  CreateFamilyLinkDto,
  CreateResidentDto,
  FamilyLinkDto,
  ResidentDto,
  ResidentGetQueryDto,
  ResidentPageDto,
  ResidentQueryDto,
  UpdateResidentDto,
} from './dto/resident.dto.js';
import { ResidentsService } from './residents.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  @ApiOkResponse({ type: ResidentPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ResidentQueryDto): Promise<ResidentPageDto> {
    const { items, total } = await this.residents.list(actor, query);
    return {
      items: items.map((r) => ResidentDto.from(r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Post()
  @ApiCreatedResponse({ type: ResidentDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateResidentDto): Promise<ResidentDto> {
    return ResidentDto.from(await this.residents.create(actor, body));
  }

  @Get(':id')
  @ApiOkResponse({ type: ResidentDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ResidentGetQueryDto,
  ): Promise<ResidentDto> {
    const reveal = query.reveal === 'true';
    return ResidentDto.from(await this.residents.get(actor, id, reveal), reveal);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ResidentDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() { version, ...patch }: UpdateResidentDto,
  ): Promise<ResidentDto> {
    return ResidentDto.from(await this.residents.update(actor, id, patch, version));
  }

  @Post(':id/status')
  @ApiOkResponse({ type: ResidentDto })
  async changeStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeResidentStatusDto,
  ): Promise<ResidentDto> {
    return ResidentDto.from(await this.residents.changeStatus(actor, id, body.status, body.reason ?? null));
  }

  @Get(':id/family-links')
  @ApiOkResponse({ type: [FamilyLinkDto] })
  async familyLinks(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FamilyLinkDto[]> {
    return (await this.residents.familyLinks(actor, id)).map((row) => FamilyLinkDto.from(row));
  }

  @Post(':id/family-links')
  @ApiCreatedResponse({ type: [FamilyLinkDto] })
  async linkFamily(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateFamilyLinkDto,
  ): Promise<FamilyLinkDto[]> {
    return (await this.residents.linkFamily(actor, id, body.userId, body.relationship)).map((row) =>
      FamilyLinkDto.from(row),
    );
  }
}
