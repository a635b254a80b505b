import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export const APPROVAL_ACTIONS = [
  'transfer',
  'delegate',
  'resolve',
  'add-signer',
  'send-back',
  'withdraw',
  'cc',
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const SIGNER_POSITIONS = ['before', 'after'] as const;

export class TransferTaskDto {
  @ApiProperty({ description: 'The user (id or username) who gets the task' })
  @IsString()
  @IsNotEmpty({ message: 'toUserId: choose the person who gets the task' })
  @MaxLength(200)
  toUserId: string;

  @ApiPropertyOptional({ description: 'Why (shown on the instance history)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** Delegate: the task goes to `toUserId` and comes back to you when they resolve it. */
export class DelegateTaskDto {
  @ApiPropertyOptional({ description: 'The user (id or username) who works on the task for you' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toUserId?: string;

  @ApiPropertyOptional({ description: 'Older spelling of toUserId', deprecated: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  userId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ResolveTaskDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The delegate's answer: the owner's form starts with it",
  })
  @IsOptional()
  @IsObject({ message: 'data must be a JSON object' })
  data?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class AddSignerDto {
  @ApiProperty({ description: 'The user (id or username) added to the countersign' })
  @IsString()
  @IsNotEmpty({ message: 'userId: choose the person to add' })
  @MaxLength(200)
  userId: string;

  @ApiProperty({
    enum: SIGNER_POSITIONS,
    description: 'before: they sign before you (your task waits); after: right after you',
  })
  @IsIn(SIGNER_POSITIONS, { message: 'position must be "before" or "after"' })
  position: (typeof SIGNER_POSITIONS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class SendBackDto {
  @ApiPropertyOptional({
    description: 'An earlier completed user task of this instance (element id); default: the previous one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toElementId?: string;

  @ApiProperty({ description: 'Why it goes back (required)' })
  @IsString()
  @IsNotEmpty({ message: 'reason: say why the step goes back' })
  @MaxLength(2000)
  reason: string;
}

export class WithdrawDto {
  @ApiProperty({ description: 'Why you take your submission back (required)' })
  @IsString()
  @IsNotEmpty({ message: 'reason: say why you withdraw' })
  @MaxLength(2000)
  reason: string;
}

export class CopyTaskDto {
  @ApiPropertyOptional({ type: [String], description: 'Users (ids or usernames)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  userIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Role keys (every holder is notified)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  roles?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CopyResultDto {
  @ApiProperty({ type: [String], description: 'Usernames copied' }) users: string[];
  @ApiProperty({ type: [String], description: 'Role keys copied' }) roles: string[];
}

export class ColleagueDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String], description: 'Role keys' }) roles: string[];
}
