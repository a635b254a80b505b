import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompiledQuery } from './dataset-sql.util.js';
import {
  DashboardEntity,
  DashboardVersionEntity,
  ReportEntity,
  ReportVersionEntity,
} from './report.entity.js';

export type SpecKind = 'report' | 'dashboard';
type Head = ReportEntity | DashboardEntity;
type Version = ReportVersionEntity | DashboardVersionEntity;

const HEAD = { report: ReportEntity, dashboard: DashboardEntity } as const;
const VERSION = { report: ReportVersionEntity, dashboard: DashboardVersionEntity } as const;
const OWNER = { report: 'reportId', dashboard: 'dashboardId' } as const;

@Injectable()
export class ReportsRepository {
  list(manager: EntityManager, kind: SpecKind, tenantId: string): Promise<Head[]> {
    return manager.getRepository<Head>(HEAD[kind]).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  findByKey(
    manager: EntityManager,
    kind: SpecKind,
    tenantId: string,
    key: string,
    lock = false,
  ): Promise<Head | null> {
    return manager.getRepository<Head>(HEAD[kind]).findOne({
      where: { tenantId, key },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  insert(manager: EntityManager, kind: SpecKind, head: Partial<Head>): Promise<Head> {
    const repository = manager.getRepository<Head>(HEAD[kind]);
    return repository.save(repository.create(head));
  }

  save(manager: EntityManager, kind: SpecKind, head: Head): Promise<Head> {
    return manager.getRepository<Head>(HEAD[kind]).save(head);
  }

  versions(manager: EntityManager, kind: SpecKind, ownerId: string): Promise<Version[]> {
    return manager
      .getRepository<Version>(VERSION[kind])
      .find({ where: { [OWNER[kind]]: ownerId }, order: { version: 'DESC' } });
  }

  version(manager: EntityManager, kind: SpecKind, ownerId: string, version: number): Promise<Version | null> {
    return manager
      .getRepository<Version>(VERSION[kind])
      .findOne({ where: { [OWNER[kind]]: ownerId, version } });
  }

  async insertVersion(
    manager: EntityManager,
    kind: SpecKind,
    ownerId: string,
    version: Omit<Partial<Version>, 'reportId' | 'dashboardId'>,
  ): Promise<void> {
    await manager.getRepository<Version>(VERSION[kind]).insert({ ...version, [OWNER[kind]]: ownerId });
  }

  /** Latest specs of the tenant's reports with these keys (a dashboard's items). */
  async currentReports(
    manager: EntityManager,
    tenantId: string,
    keys: readonly string[],
  ): Promise<{ key: string; version: number; spec: ReportVersionEntity['spec'] }[]> {
    if (keys.length === 0) {
      return [];
    }
    const rows: { key: string; version: number; spec: ReportVersionEntity['spec'] }[] = await manager.query(
      `SELECT r.key, v.version, v.spec FROM report r
         JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
        WHERE r.tenant_id = $1 AND r.key = ANY($2::text[])`,
      [tenantId, keys],
    );
    return rows;
  }

  async timeZone(manager: EntityManager, tenantId: string): Promise<string> {
    const rows: { time_zone: string }[] = await manager.query('SELECT time_zone FROM tenant WHERE id = $1', [
      tenantId,
    ]);
    return rows[0]?.time_zone ?? 'Asia/Shanghai';
  }

  /** Runs a compiled dataset or drill statement (read-only; compiled from a checked spec). */
  run<T>(manager: EntityManager, query: CompiledQuery): Promise<T[]> {
    return manager.query(query.sql, query.params);
  }
}
