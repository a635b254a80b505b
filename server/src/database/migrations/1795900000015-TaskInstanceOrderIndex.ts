import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TaskInstanceOrderIndex. Written by hand: an instance's tasks are listed after each start and step
 * (`GET /api/tasks?processInstanceId=`, a prepared statement) in creation order. With an index on the instance alone
 * the generic plan was chosen by estimates: with statistics taken while the table was small it read the tenant's
 * tasks through `task_report_idx` and filtered the instance (cost growing with every task of the home). This index
 * (the instance, then the list's order) replaces the instance's one; every lookup by instance uses its first column.
 */
export class TaskInstanceOrderIndex1795900000015 implements MigrationInterface {
  name = 'TaskInstanceOrderIndex1795900000015';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "task_instance_created_id_idx" ON "task" ("instance_id", "created_at", "id")`,
    );
    await queryRunner.query(`DROP INDEX "public"."task_instance_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "task_instance_idx" ON "task" ("instance_id")`);
    await queryRunner.query(`DROP INDEX "public"."task_instance_created_id_idx"`);
  }
}
