import type { BundleProblem } from '@careloom/contracts';
import { ValidationFailedError, type WordedFieldError } from '../../common/errors/domain.errors.js';

/** Everything wrong with a bundle, at once: `path` is `/<file>` plus the location inside it. */
export class InvalidBundleError extends ValidationFailedError {
  constructor(problems: BundleProblem[]) {
    super(
      problems.map((p) => ({
        path: `/${p.file}${p.location ? `#${p.location}` : ''}`,
        message: p.message,
        zh: p.zh,
      })),
      `The bundle has ${problems.length} problem(s); nothing was imported. See errors (file#location).`,
    );
    this.inChinese(`模板包有 ${problems.length} 处问题，未导入；请看 errors 中的提示（文件#位置）。`);
  }
}

/** An uploaded .zip the reader refused (`zh`: its reason in Chinese). */
export class InvalidArchiveError extends ValidationFailedError {
  constructor(message: string, zh: string) {
    super([{ path: '', message, zh }], `The archive was refused: ${message}`);
    this.inChinese(`压缩包被拒绝：${zh}`);
  }
}

/** A shipped bundle whose requirements are not installed: each field names one to import first. */
export class MissingRequirementsError extends ValidationFailedError {
  constructor(key: string, missing: readonly { key: string; version: string }[], errors: WordedFieldError[]) {
    super(
      errors,
      `${key} requires ${missing.map((r) => `${r.key} ${r.version}`).join(', ')}: import ${missing.length > 1 ? 'them' : 'it'} first; nothing was imported.`,
    );
    this.inChinese(
      `${key} 依赖 ${missing.map((r) => `${r.key}（${r.version}）`).join('、')}：请先导入${missing.length > 1 ? '这些模板包' : '该模板包'}；本次未导入任何内容。`,
    );
  }
}
