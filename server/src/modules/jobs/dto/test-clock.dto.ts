import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

export class MoveClockDto {
  @ApiPropertyOptional({ example: 'P3D', description: 'ISO 8601 duration to move forward' })
  @IsOptional()
  @IsString()
  @Matches(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, {
    message: 'advance must be an ISO 8601 duration such as P3D or PT2H',
  })
  advance?: string;

  @ApiPropertyOptional({ description: 'ISO instant to jump to (never backwards)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  set?: string;
}

export class ClockDto {
  @ApiProperty() now: string;
}
