import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators.js';
import { CreateUserDto, RoleDto, UserDto, UserListDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: UserListDto })
  async list(@CurrentActor() actor: Actor): Promise<UserListDto> {
    return { items: (await this.users.list(actor)).map((row) => UserDto.from(row)) };
  }

  @Post('users')
  @Roles('admin')
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(actor, body));
  }

  @Get('roles')
  @ApiOkResponse({ type: [RoleDto] })
  async roles(@CurrentActor() actor: Actor): Promise<RoleDto[]> {
    return (await this.users.roles(actor)).map((row) => RoleDto.from(row));
  }
}
