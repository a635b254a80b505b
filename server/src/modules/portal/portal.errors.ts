import { ConflictError, ValidationFailedError } from '../../common/errors/domain.errors.js';

/** A notice's input breaks a rule the DTO cannot express (target, amount): nothing was stored. */
export class InvalidNoticeError extends ValidationFailedError {
  constructor(path: string, message: string) {
    super([{ path, message }], message);
  }
}

export class NoticeAlreadyPublishedError extends ConflictError {
  constructor() {
    super(
      'Notice already published',
      'This notice is already published and families may have read it; write a new notice to correct it.',
    );
    this.inChinese('这条公告已发布，家属可能已经看过；如需更正，请另发一条新公告。');
  }
}
