import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Public, Roles } from '../../common/auth/auth.decorators.js';
import { AuthService } from './auth.service.js';
import {
  ApiTokenDto,
  ChangePasswordDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
} from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponseDto> {
    const result = await this.auth.login(body.username, body.password, {
      ip: request.ip,
      requestId: String(request.id),
    });
    return {
      token: result.token,
      expiresAt: result.expiresAt.toISOString(),
      user: MeDto.from(result.user, result.memberships),
    };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const { user, memberships } = await this.auth.me(actor);
    return MeDto.from(user, memberships);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Post('api-tokens')
  @Roles('admin', 'integrator')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  async createApiToken(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    const { session, token } = await this.auth.createApiToken(actor, body.name, body.expiresInDays ?? null);
    return { ...ApiTokenDto.from(session), token };
  }

  @Get('api-tokens')
  @Roles('admin', 'integrator')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [ApiTokenDto] })
  async listApiTokens(@CurrentActor() actor: Actor): Promise<ApiTokenDto[]> {
    return (await this.auth.listApiTokens(actor)).map((row) => ApiTokenDto.from(row));
  }

  @Delete('api-tokens/:id')
  @HttpCode(204)
  @Roles('admin', 'integrator')
  @ApiBearerAuth()
  @ApiNoContentResponse()
  revokeApiToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.auth.revokeApiToken(actor, id);
  }
}
