import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LintIssue } from '@careloom/forms';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import {
  CreateFormDto,
  FormDto,
  FormQueryDto,
  FormSummaryDto,
  FormVersionDto,
  UpdateFormDraftDto,
  ValidateFormDto,
  ValidationResultDto,
  type LintIssueDto,
} from './dto/form.dto.js';
import { FormsService, type FormDetail } from './forms.service.js';

const lintDto = (issues: LintIssue[], locale: RequestLocale): LintIssueDto[] =>
  issues.map((i) => ({ severity: i.severity, code: i.code, path: i.path, message: i.messages[locale] }));
const detailDto = ({ form, versions, lint }: FormDetail, locale: RequestLocale): FormDto =>
  FormDto.from(form, versions, lintDto(lint, locale));

@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(
    private readonly forms: FormsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: [FormSummaryDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: FormQueryDto): Promise<FormSummaryDto[]> {
    return (await this.forms.list(actor, query.status)).map((f) => FormSummaryDto.from(f));
  }

  @Post()
  @ApiCreatedResponse({ type: FormDto })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateFormDto,
    @Locale() locale: RequestLocale,
  ): Promise<FormDto> {
    return detailDto(await this.forms.create(actor, body), locale);
  }

  /** What the form designer calls on every edit. */
  @Post('validate')
  @HttpCode(200)
  @ApiOkResponse({ type: ValidationResultDto })
  validate(@Body() body: ValidateFormDto, @Locale() locale: RequestLocale): ValidationResultDto {
    const result = this.forms.validate(body.schema, body.data, locale, this.clock.iso());
    return { ...result, lint: lintDto(result.lint, locale) };
  }

  @Get(':id')
  @ApiOkResponse({ type: FormDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Locale() locale: RequestLocale,
  ): Promise<FormDto> {
    return detailDto(await this.forms.get(actor, id, locale), locale);
  }

  @Put(':id/draft')
  @ApiOkResponse({ type: FormDto })
  async updateDraft(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() { version, ...change }: UpdateFormDraftDto,
    @Locale() locale: RequestLocale,
  ): Promise<FormDto> {
    return detailDto(await this.forms.updateDraft(actor, id, change, version), locale);
  }

  @Post(':id/publish')
  @ApiCreatedResponse({ type: FormVersionDto })
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Locale() locale: RequestLocale,
  ): Promise<FormVersionDto> {
    const { form, version } = await this.forms.publish(actor, id, locale);
    return FormVersionDto.from(form.key, version);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @ApiOkResponse({ type: FormDto })
  async retire(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Locale() locale: RequestLocale,
  ): Promise<FormDto> {
    return detailDto(await this.forms.retire(actor, id), locale);
  }

  @Get(':id/versions/:version')
  @ApiOkResponse({ type: FormVersionDto })
  async version(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<FormVersionDto> {
    const found = await this.forms.version(actor, id, version);
    return FormVersionDto.from(found.form.key, found.version);
  }
}
