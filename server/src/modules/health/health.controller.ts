import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/auth.decorators.js';
import { DATABASE_INFO, type DatabaseInfo } from '../../database/database-info.js';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty() embedded: boolean;
  @ApiProperty({ type: String, nullable: true }) version: string | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Whether PostgreSQL keeps table statistics fresh on its own (autovacuum); off makes lists slow down',
  })
  autovacuum: boolean | null;
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
      const rows: { version: string; autovacuum: boolean }[] = await this.dataSource.query(
        `SELECT current_setting('server_version') AS version, current_setting('autovacuum') = 'on' AS autovacuum`,
      );
      return {
        status: 'ok',
        database: {
          status: 'up',
          embedded: this.databaseInfo.embedded,
          version: rows[0]?.version ?? null,
          autovacuum: rows[0]?.autovacuum ?? null,
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
          autovacuum: null,
          error: String(error),
        },
      };
    }
  }
}
