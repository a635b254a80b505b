import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TaskResidentIndex. Written by hand: a resident's timeline lists the tasks about them (GET /api/tasks?residentId),
 * newest first; without this index that reads every task of the tenant. Partial: most tasks of a busy home are
 * about a resident, but a work order or a standalone task may not be.
 */
export class TaskResidentIndex1795900000009 implements MigrationInterface {
  name = 'TaskResidentIndex1795900000009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "task_resident_created_idx" ON "task" ("resident_id", "created_at") WHERE "resident_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."task_resident_created_idx"`);
  }
}
