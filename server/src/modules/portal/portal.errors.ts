import { ConflictError, ValidationFailedError } from '../../common/errors/domain.errors.js';

/**
 * A notice's input breaks a rule the DTO cannot express (target, amount): nothing was stored. `message` in English,
 * `zh` in Chinese (field and detail).
 */
export class InvalidNoticeError extends ValidationFailedError {
  constructor(path: string, message: string, zh: string) {
    super([{ path, message, zh }], message);
    this.inChinese(zh);
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
