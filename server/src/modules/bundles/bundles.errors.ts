import type { BundleProblem } from '@careloom/contracts';
import { ValidationFailedError } from '../../common/errors/domain.errors.js';

/** Everything wrong with a bundle, at once: `path` is `/<file>` plus the location inside it. */
export class InvalidBundleError extends ValidationFailedError {
  constructor(problems: BundleProblem[]) {
    super(
      problems.map((p) => ({ path: `/${p.file}${p.location ? `#${p.location}` : ''}`, message: p.message })),
      `The bundle has ${problems.length} problem(s); nothing was imported. See errors (file#location).`,
    );
    this.inChinese(`模板包有 ${problems.length} 处问题，未导入；请看 errors 中的提示（文件#位置）。`);
  }
}
