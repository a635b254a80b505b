import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TaskReportIndex. Written by hand: task reports (first response, SLA compliance) narrow by element and
 * period; without this index they read every task of the tenant.
 */
export class TaskReportIndex1795900000006 implements MigrationInterface {
  name = 'TaskReportIndex1795900000006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "task_report_idx" ON "task" ("tenant_id", "element_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."task_report_idx"`);
  }
}
