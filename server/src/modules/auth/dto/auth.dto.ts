import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MembershipDto } from '../../users/dto/user.dto.js';
import type { UserEntity } from '../../users/user.entity.js';
import type { MembershipView } from '../../users/users.repository.js';
import type { SessionEntity } from '../session.entity.js';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale: 'zh-CN' | 'en';
  @ApiProperty({ type: [MembershipDto] }) roles: MembershipDto[];

  static from(user: UserEntity, memberships: MembershipView[]): MeDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      tenantId: user.tenantId,
      locale: user.locale,
      roles: memberships.map((m) => ({ role: m.role, orgUnitId: m.orgUnitId, orgUnitName: m.orgUnitName })),
    };
  }
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <token>' }) token: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: MeDto }) user: MeDto;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8, { message: 'newPassword must be at least 8 characters' })
  @MaxLength(200)
  newPassword: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'HIS integration' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    description: 'Days until it expires; omit for no expiry',
    minimum: 1,
    maximum: 3650,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ApiTokenDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt: string | null;

  static from(session: SessionEntity): ApiTokenDto {
    return {
      id: session.id,
      name: session.name ?? '',
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt?.toISOString() ?? null,
      lastUsedAt: session.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) token: string;
}
