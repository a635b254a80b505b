import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/auth.decorators.js';
import { DATABASE_INFO, type DatabaseInfo } from '../../database/database-info.js';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty() embedded: boolean;
  @ApiProperty({ type: String, nullable: true }) version: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ type: DatabaseHealthDto }) database: DatabaseHealthDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_INFO) private readonly databaseInfo: DatabaseInfo,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    try {
      const rows: { version: string }[] = await this.dataSource.query(
        'SELECT current_setting($1) AS version',
        ['server_version'],
      );
      return {
        status: 'ok',
        database: {
          status: 'up',
          embedded: this.databaseInfo.embedded,
          version: rows[0]?.version ?? null,
          error: null,
        },
      };
    } catch (error) {
      return {
        status: 'degraded',
        database: {
          status: 'down',
          embedded: this.databaseInfo.embedded,
          version: null,
          error: String(error),
        },
      };
    }
  }
}
