import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { RoleEntity } from '../user.entity.js';
import type { UserWithMemberships } from '../users.service.js';

export class MembershipDto {
  @ApiProperty({ example: 'nurse' }) role: string;
  @ApiProperty() orgUnitId: string;
  @ApiProperty() orgUnitName: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale: 'zh-CN' | 'en';
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [MembershipDto] }) roles: MembershipDto[];

  static from({ user, memberships }: UserWithMemberships): UserDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      locale: user.locale,
      active: user.active,
      roles: memberships.map((m) => ({ role: m.role, orgUnitId: m.orgUnitId, orgUnitName: m.orgUnitName })),
    };
  }
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
}

export class NewMembershipDto {
  @ApiProperty({ example: 'nurse' })
  @IsString()
  @MaxLength(50)
  role: string;

  @ApiProperty()
  @IsUUID()
  orgUnitId: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'nurse.zhang' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    message: 'username must be 3–40 characters: lower-case letters, digits, dot, dash or underscore',
  })
  username: string;

  @ApiProperty({ example: '张护士' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  @ApiProperty({ type: [NewMembershipDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NewMembershipDto)
  memberships: NewMembershipDto[];
}

export class RoleDto {
  @ApiProperty() key: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;

  static from(role: RoleEntity): RoleDto {
    return { key: role.key, nameZh: role.nameZh, nameEn: role.nameEn };
  }
}
