import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditEventPageDto, AuditQueryDto, ChainVerificationDto } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventPageDto> {
    return AuditEventPageDto.from(await this.audit.list(actor, query), query);
  }

  @Get('verify')
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(@CurrentActor() actor: Actor): Promise<ChainVerificationDto> {
    return this.audit.verify(actor);
  }
}
