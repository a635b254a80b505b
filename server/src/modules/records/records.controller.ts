import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import {
  CreateRecordDto,
  RecordDto,
  RecordExportQueryDto,
  RecordGetQueryDto,
  RecordPageDto,
  RecordQueryDto,
  RevisionDetailDto,
  RevisionDto,
  UpdateRecordDto,
} from './dto/record.dto.js';
import { toRecordDto, toRevisionDetailDto, toRevisionDto } from './records.mapper.js';
import { RecordsService } from './records.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @ApiOkResponse({ type: RecordPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: RecordQueryDto): Promise<RecordPageDto> {
    const { items, total, totalCapped, nextCursor } = await this.records.list(actor, query);
    return {
      items: items.map(toRecordDto),
      total,
      totalCapped,
      page: query.page,
      pageSize: query.pageSize,
      nextCursor,
    };
  }

  /** A form's records as CSV or XLSX (same filters as the list). */
  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The spreadsheet file' })
  async export(
    @CurrentActor() actor: Actor,
    @Query() { format = 'csv', reveal, ...query }: RecordExportQueryDto,
    @Locale() locale: RequestLocale,
  ): Promise<StreamableFile> {
    const file = await this.records.export(actor, query, format, reveal === 'true', locale);
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      length: file.body.length,
    });
  }

  @Post()
  @ApiCreatedResponse({ type: RecordDto })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateRecordDto,
    @Locale() locale: RequestLocale,
  ): Promise<RecordDto> {
    return toRecordDto(await this.records.create(actor, body, locale));
  }

  @Get(':id')
  @ApiOkResponse({ type: RecordDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RecordGetQueryDto,
  ): Promise<RecordDto> {
    return toRecordDto(await this.records.get(actor, id, query.reveal === 'true'));
  }

  @Patch(':id')
  @ApiOkResponse({ type: RecordDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRecordDto,
    @Locale() locale: RequestLocale,
  ): Promise<RecordDto> {
    return toRecordDto(await this.records.update(actor, id, body.data, body.revision, locale));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.records.remove(actor, id);
  }

  @Get(':id/revisions')
  @ApiOkResponse({ type: [RevisionDto] })
  async revisions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RevisionDto[]> {
    return (await this.records.revisions(actor, id)).map(toRevisionDto);
  }

  @Get(':id/revisions/:revision')
  @ApiOkResponse({ type: RevisionDetailDto })
  async revision(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('revision', ParseIntPipe) revision: number,
  ): Promise<RevisionDetailDto> {
    return toRevisionDetailDto(await this.records.revision(actor, id, revision));
  }
}
