import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { Locale, type RequestLocale } from '../../common/http/locale.decorator.js';
import { CalendarDto, CalendarYearDto, PutCalendarDto } from './dto/calendar.dto.js';
import { CalendarsService } from './calendars.service.js';

/** Business-time calendars: working hours, statutory holidays and make-up workdays (调休) per year. */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @ApiOkResponse({ type: [CalendarDto] })
  async list(@CurrentActor() actor: Actor, @Locale() locale: RequestLocale): Promise<CalendarDto[]> {
    return (await this.calendars.list(actor)).map((c) =>
      CalendarDto.from(c, this.calendars.warnings(c, locale)),
    );
  }

  @Get(':key')
  @ApiOkResponse({ type: CalendarDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Locale() locale: RequestLocale,
  ): Promise<CalendarDto> {
    const calendar = await this.calendars.get(actor, key);
    return CalendarDto.from(calendar, this.calendars.warnings(calendar, locale));
  }

  /** Creates or replaces a calendar (admin). */
  @Put(':key')
  @ApiOkResponse({ type: CalendarDto })
  async put(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: PutCalendarDto,
    @Locale() locale: RequestLocale,
  ): Promise<CalendarDto> {
    const calendar = await this.calendars.put(actor, key, body);
    return CalendarDto.from(calendar, this.calendars.warnings(calendar, locale));
  }

  /** Loads one year's official arrangement, e.g. the State Council notice (admin). */
  @Put(':key/years/:year')
  @ApiOkResponse({ type: CalendarDto })
  async putYear(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Param('year') year: string,
    @Body() body: CalendarYearDto,
    @Locale() locale: RequestLocale,
  ): Promise<CalendarDto> {
    const calendar = await this.calendars.putYear(actor, key, year, body);
    return CalendarDto.from(calendar, this.calendars.warnings(calendar, locale));
  }
}
