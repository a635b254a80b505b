import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { FormsAndRecords1795790325020 } from './1795790325020-FormsAndRecords.js';
import { ProcessRuntime1795791880694 } from './1795791880694-ProcessRuntime.js';
import { RulesAndOrderedForms1795792823759 } from './1795792823759-RulesAndOrderedForms.js';
import { BundleInstallations1795794216219 } from './1795794216219-BundleInstallations.js';

/** Every migration, in order. Never edit one that has been committed: add a new one. */
export const MIGRATIONS = [
  Foundation1764000000000,
  FormsAndRecords1795790325020,
  ProcessRuntime1795791880694,
  RulesAndOrderedForms1795792823759,
  BundleInstallations1795794216219,
];
