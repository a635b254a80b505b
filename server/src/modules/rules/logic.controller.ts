import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EvaluateLogicDto, EvaluateLogicResultDto } from './dto/rule.dto.js';
import { RulesService } from './rules.service.js';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('logic')
export class LogicController {
  constructor(private readonly rules: RulesService) {}

  /** Evaluates a bare JSON Logic expression (the designer's preview); a refused one gets 400 with the reason. */
  @Post('evaluate')
  @HttpCode(200)
  @ApiOkResponse({ type: EvaluateLogicResultDto })
  evaluate(@Body() body: EvaluateLogicDto): EvaluateLogicResultDto {
    return { result: this.rules.evaluateLogic(body.logic, body.data) };
  }
}
