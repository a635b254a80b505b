import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { ValidationFailedError } from '../../common/errors/domain.errors.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import type { BundleFiles } from './bundle-validation.types.js';
import {
  BundleCheckDto,
  BundleDto,
  BundleUploadDto,
  ExportBundleDto,
  ImportReportDto,
  ShippedBundleDto,
} from './dto/bundle.dto.js';
import { InvalidArchiveError } from './bundles.errors.js';
import { BundlesService } from './bundles.service.js';
import { BadArchiveError, readZip } from './zip-reader.util.js';

/** A bundle arrives as JSON {files} or as a .zip body (application/zip). */
function filesOf(request: FastifyRequest): BundleFiles {
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) {
    try {
      return readZip(body);
    } catch (error) {
      if (error instanceof BadArchiveError) {
        throw new InvalidArchiveError(error.message, error.zh);
      }
      throw error;
    }
  }
  const files = (body as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new ValidationFailedError([{ path: '/files', message: 'files must map paths to file contents' }]);
  }
  const entries = Object.entries(files as Record<string, unknown>);
  const bad = entries.find(([, content]) => typeof content !== 'string');
  if (bad) {
    throw new ValidationFailedError([
      { path: `/files/${bad[0]}`, message: 'file contents must be text', zh: '文件内容须为文本' },
    ]);
  }
  return new Map(entries as [string, string][]);
}

@ApiTags('bundles')
@ApiBearerAuth()
@Controller('bundles')
export class BundlesController {
  constructor(private readonly bundles: BundlesService) {}

  @Get()
  @ApiOkResponse({ type: [BundleDto] })
  async list(@CurrentActor() actor: Actor): Promise<BundleDto[]> {
    return (await this.bundles.list(actor)).map((b) => BundleDto.from(b));
  }

  @Get('shipped')
  @ApiOperation({
    summary:
      'The template bundles shipped with the server, in the order their requirements need (admins, integrators)',
  })
  @ApiOkResponse({ type: [ShippedBundleDto] })
  async shipped(@CurrentActor() actor: Actor): Promise<ShippedBundleDto[]> {
    return (await this.bundles.listShipped(actor)).map((b) => ShippedBundleDto.from(b));
  }

  @Post('shipped/:key/import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Imports a shipped bundle (400 naming the bundles to import first when its requirements are missing)',
  })
  @ApiParam({ name: 'key', example: 'elder-archive' })
  @ApiOkResponse({ type: ImportReportDto })
  importShipped(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Locale() locale: RequestLocale,
  ): Promise<ImportReportDto> {
    return this.bundles.importShipped(actor, key, locale);
  }

  /** Checks a bundle without importing it: 200 when it would import, 400 with every problem otherwise. */
  @Post('validate')
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/zip')
  @ApiBody({ type: BundleUploadDto })
  @ApiOkResponse({ type: BundleCheckDto })
  async validate(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<BundleCheckDto> {
    const bundle = await this.bundles.check(actor, filesOf(request));
    return {
      valid: true,
      key: bundle.manifest.key,
      version: bundle.manifest.version,
      forms: bundle.forms.length,
      processes: bundle.processes.length,
      rules: bundle.rules.length,
      reports: bundle.reports.length,
      dashboards: bundle.dashboards.length,
    };
  }

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/zip')
  @ApiBody({ type: BundleUploadDto })
  @ApiOkResponse({ type: ImportReportDto })
  import(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Locale() locale: RequestLocale,
  ): Promise<ImportReportDto> {
    return this.bundles.import(actor, filesOf(request), locale);
  }

  @Post('export')
  @HttpCode(200)
  @ApiOkResponse({ type: BundleUploadDto })
  async export(@CurrentActor() actor: Actor, @Body() body: ExportBundleDto): Promise<BundleUploadDto> {
    return { files: await this.bundles.export(actor, body) };
  }
}
