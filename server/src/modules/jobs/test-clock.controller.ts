import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClockDto, MoveClockDto } from './dto/test-clock.dto.js';
import { TestClockService } from './test-clock.service.js';

/** Only registered with CARELOOM_TEST_CLOCK=1 (refused in production). */
@ApiTags('test')
@ApiBearerAuth()
@Controller('test/clock')
export class TestClockController {
  constructor(private readonly testClock: TestClockService) {}

  /** Moves server time and answers once every timer, service and cascade that became due is applied. */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: ClockDto })
  async move(@Body() body: MoveClockDto): Promise<ClockDto> {
    return { now: await this.testClock.move(body) };
  }
}
