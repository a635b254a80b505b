import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { BundleManifest, BundleRequirement } from '@careloom/contracts';
import { hasRole, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { ProcessesRepository } from '../../process-runtime/processes.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService } from '../forms/forms.service.js';
import { ReportsService } from '../reports/reports.service.js';
import { RulesService } from '../rules/rules.service.js';
import { roleNamesZh } from '../users/roles.constants.js';
import type { BundleInstallationEntity } from './bundle-installation.entity.js';
import { readBundleFolder } from './bundle-folder.util.js';
import type { BundleFiles, ValidatedBundle } from './bundle-validation.types.js';
import { validateBundle } from './bundle-validation.util.js';
import { InvalidBundleError, MissingRequirementsError } from './bundles.errors.js';
import { BundlesRepository } from './bundles.repository.js';
import { readShippedBundles, unmetRequirements } from './shipped-bundles.util.js';

export const BUNDLE_MANAGERS = ['admin', 'integrator'] as const;

export type ImportedItem = {
  key: string;
  action: 'created' | 'updated' | 'unchanged';
  version: number | string;
};
export type ImportReport = {
  key: string;
  version: string;
  previousVersion: string | null;
  forms: ImportedItem[];
  processes: ImportedItem[];
  rules: ImportedItem[];
  reports: ImportedItem[];
  dashboards: ImportedItem[];
};

/** A bundle shipped with the server, with what this tenant has of it. */
export type ShippedBundleView = {
  manifest: BundleManifest;
  installedVersion: string | null;
  /** Requirements no installed bundle satisfies yet: import those first. */
  unmetRequirements: BundleRequirement[];
};

/** The exported manifest's description: each language's own text, else the other's, else the title. */
function exportDescription(
  title: BundleManifest['title'],
  given: { 'zh-CN': string; en: string } | undefined,
): BundleManifest['description'] {
  const zh = given?.['zh-CN'].trim() ?? '';
  const en = given?.en.trim() ?? '';
  return zh === '' && en === '' ? title : { 'zh-CN': zh || en, en: en || zh };
}

@Injectable()
export class BundlesService {
  constructor(
    private readonly repository: BundlesRepository,
    private readonly transactions: Transactions,
    private readonly forms: FormsService,
    private readonly rules: RulesService,
    private readonly reports: ReportsService,
    private readonly runtime: ProcessRuntimeService,
    private readonly processes: ProcessesRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private assertManager(actor: Actor): void {
    if (!hasRole(actor, BUNDLE_MANAGERS)) {
      throw new ForbiddenError(
        `Managing bundles needs one of: ${BUNDLE_MANAGERS.join(', ')}.`,
        `管理模板包需要以下角色之一：${roleNamesZh(BUNDLE_MANAGERS)}。`,
      );
    }
  }

  list(actor: Actor): Promise<BundleInstallationEntity[]> {
    return this.repository.list(this.transactions.manager, actor.tenantId);
  }

  /** Every problem of the bundle at once; throws InvalidBundleError when there are any. */
  async check(actor: Actor, files: BundleFiles): Promise<ValidatedBundle> {
    this.assertManager(actor);
    const manager = this.transactions.manager;
    const installed = await this.repository.list(manager, actor.tenantId);
    const deployed = await this.processes.latestDefinitions(manager, actor.tenantId);
    const result = await validateBundle(files, {
      available: installed.map((b) => ({ key: b.key, version: b.version, formKeys: b.formKeys })),
      processKeys: deployed.map((d) => d.key),
    });
    if (!result.ok) {
      throw new InvalidBundleError(result.problems);
    }
    return result.bundle;
  }

  /** The bundles in the server's `templates/` folder, each after those it requires, with the installed version. */
  async listShipped(actor: Actor): Promise<ShippedBundleView[]> {
    this.assertManager(actor);
    const installed = await this.repository.list(this.transactions.manager, actor.tenantId);
    return (await readShippedBundles(this.config.templatesDir)).map(({ manifest }) => ({
      manifest,
      installedVersion: installed.find((b) => b.key === manifest.key)?.version ?? null,
      unmetRequirements: unmetRequirements(manifest, installed),
    }));
  }

  /**
   * Imports one shipped bundle like an upload of its folder. A bundle whose requirements are not installed is
   * refused first with one problem per missing bundle, naming it, so the admin knows what to import before.
   */
  async importShipped(actor: Actor, key: string, locale: RequestLocale): Promise<ImportReport> {
    this.assertManager(actor);
    const all = await readShippedBundles(this.config.templatesDir);
    const shipped = all.find((b) => b.manifest.key === key);
    if (!shipped) {
      throw new NotFoundError('Shipped bundle', key);
    }
    const installed = await this.repository.list(this.transactions.manager, actor.tenantId);
    const missing = unmetRequirements(shipped.manifest, installed);
    if (missing.length > 0) {
      const title = (k: string) => {
        const other = all.find((b) => b.manifest.key === k)?.manifest.title;
        return other ? `${other[locale]} (${k})` : `"${k}"`;
      };
      throw new MissingRequirementsError(
        key,
        missing,
        missing.map((requirement) => ({
          path: `/manifest.json#/requires/${(shipped.manifest.requires ?? []).indexOf(requirement)}`,
          message:
            locale === 'en'
              ? `needs the bundle ${title(requirement.key)} ${requirement.version}: import it first`
              : `需要先导入模板包 ${title(requirement.key)}（${requirement.version}）`,
        })),
      );
    }
    return this.import(actor, await readBundleFolder(join(this.config.templatesDir, shipped.folder)), locale);
  }

  /**
   * Validates the whole bundle, then applies it in one transaction: new forms, processes and rules
   * are created, changed ones get a new version (running instances stay on theirs), identical ones
   * are left alone — so importing the same bundle twice changes nothing.
   */
  async import(actor: Actor, files: BundleFiles, locale: RequestLocale): Promise<ImportReport> {
    const bundle = await this.check(actor, files);
    const manifest = bundle.manifest;
    const report = await this.transactions.run(async (manager) => {
      const installed = (await this.repository.list(manager, actor.tenantId)).find(
        (b) => b.key === manifest.key,
      );
      const forms: ImportedItem[] = [];
      for (const form of bundle.forms) {
        forms.push(
          await this.forms.importIn(
            manager,
            actor,
            {
              ...form,
              description: form.description ? form.description[locale] || form.description['zh-CN'] : null,
            },
            locale,
          ),
        );
      }
      const processes: ImportedItem[] = [];
      for (const process of bundle.processes) {
        for (const deployed of await this.runtime.deploy(
          manager,
          actor.tenantId,
          actor.userId,
          process.xml,
          locale,
        )) {
          processes.push({
            key: deployed.key,
            action: deployed.created ? (deployed.version === 1 ? 'created' : 'updated') : 'unchanged',
            version: deployed.version,
          });
        }
      }
      const rules: ImportedItem[] = [];
      for (const rule of bundle.rules) {
        rules.push(await this.rules.importIn(manager, actor, rule));
      }
      // Reports read the forms imported above; dashboards the reports.
      const reports: ImportedItem[] = [];
      for (const file of bundle.reports) {
        reports.push(await this.reports.importIn(manager, actor, 'report', file));
      }
      const dashboards: ImportedItem[] = [];
      for (const file of bundle.dashboards) {
        dashboards.push(await this.reports.importIn(manager, actor, 'dashboard', file));
      }
      await this.repository.upsert(manager, {
        tenantId: actor.tenantId,
        key: manifest.key,
        version: manifest.version,
        manifest,
        formKeys: bundle.forms.map((f) => f.key),
        installedBy: actor.userId,
      });
      const changed = [...forms, ...processes, ...rules, ...reports, ...dashboards].filter(
        (item) => item.action !== 'unchanged',
      );
      await this.audit.record(manager, actor, {
        action: 'bundle.imported',
        entityType: 'bundle',
        entityId: manifest.key,
        details: { version: manifest.version, previous: installed?.version ?? null, changed: changed.length },
      });
      return {
        key: manifest.key,
        version: manifest.version,
        previousVersion: installed?.version ?? null,
        forms,
        processes,
        rules,
        reports,
        dashboards,
      };
    });
    // Field indexes of the published forms are built after the commit (CONCURRENTLY, outside the transaction).
    await this.forms.syncFieldIndexes(
      actor.tenantId,
      report.forms.filter((f) => f.action !== 'unchanged').map((f) => f.key),
    );
    return report;
  }

  /** A bundle (path → text) of the chosen forms, processes, rules, reports and dashboards, importable into another home. */
  async export(
    actor: Actor,
    selection: {
      key: string;
      version: string;
      title: BundleManifest['title'];
      description?: { 'zh-CN': string; en: string };
      forms: string[];
      processes: string[];
      rules: string[];
      reports?: string[];
      dashboards?: string[];
    },
  ): Promise<Record<string, string>> {
    this.assertManager(actor);
    const files: Record<string, string> = {};
    const manager = this.transactions.manager;
    for (const key of selection.forms) {
      const form = await this.forms.latestPublished(manager, actor.tenantId, key, 'read');
      files[`forms/${key}.json`] = JSON.stringify(
        {
          key,
          name: form.form.name,
          ...(form.form.description
            ? { description: { 'zh-CN': form.form.description, en: form.form.description } }
            : {}),
          schema: form.version.schema,
          uiSchema: form.version.uiSchema,
          ...(form.form.familyVisible ? { familyVisible: true } : {}),
        },
        null,
        2,
      );
    }
    for (const key of selection.processes) {
      files[`processes/${key}.bpmn`] = await this.runtime.latestXml(manager, actor.tenantId, key);
    }
    for (const key of selection.rules) {
      const rule = await this.rules.byKey(actor, key);
      files[`rules/${key}.json`] = JSON.stringify(
        { key, name: rule.rule.name, enabled: rule.rule.enabled, definition: rule.definition },
        null,
        2,
      );
    }
    for (const kind of ['report', 'dashboard'] as const) {
      for (const key of (kind === 'report' ? selection.reports : selection.dashboards) ?? []) {
        const stored = await this.reports.get(actor, kind, key);
        files[`${kind}s/${key}.json`] = JSON.stringify(stored.spec, null, 2);
      }
    }
    const manifest: BundleManifest = {
      schemaVersion: 1,
      key: selection.key,
      version: selection.version,
      title: selection.title,
      description: exportDescription(selection.title, selection.description),
      roles: [],
      contents: {
        forms: Object.keys(files).filter((f) => f.startsWith('forms/')),
        processes: Object.keys(files).filter((f) => f.startsWith('processes/')),
        rules: Object.keys(files).filter((f) => f.startsWith('rules/')),
        reports: Object.keys(files).filter((f) => f.startsWith('reports/')),
        dashboards: Object.keys(files).filter((f) => f.startsWith('dashboards/')),
      },
    };
    files['manifest.json'] = JSON.stringify(manifest, null, 2);
    return files;
  }
}
