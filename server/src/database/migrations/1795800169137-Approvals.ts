import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Approvals: task delegation owner, draft and countersign index; who/why on history rows; copied viewers. */
export class Approvals1795800169137 implements MigrationInterface {
  name = 'Approvals1795800169137';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "process_instance_viewer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "user_id" uuid, "role" text, "added_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_152846dab05e1c1de4310367fbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "process_instance_viewer_instance_idx" ON "process_instance_viewer"  ("instance_id") `,
    );
    await queryRunner.query(`ALTER TABLE "process_history" ADD "actor_id" uuid`);
    await queryRunner.query(`ALTER TABLE "process_history" ADD "actor_name" text`);
    await queryRunner.query(`ALTER TABLE "process_history" ADD "reason" text`);
    await queryRunner.query(`ALTER TABLE "process_history" ADD "details" jsonb`);
    await queryRunner.query(`ALTER TABLE "task" ADD "loop_index" integer`);
    await queryRunner.query(`ALTER TABLE "task" ADD "owner" text`);
    await queryRunner.query(`ALTER TABLE "task" ADD "draft" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "draft"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "owner"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "loop_index"`);
    await queryRunner.query(`ALTER TABLE "process_history" DROP COLUMN "details"`);
    await queryRunner.query(`ALTER TABLE "process_history" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "process_history" DROP COLUMN "actor_name"`);
    await queryRunner.query(`ALTER TABLE "process_history" DROP COLUMN "actor_id"`);
    await queryRunner.query(`DROP INDEX "public"."process_instance_viewer_instance_idx"`);
    await queryRunner.query(`DROP TABLE "process_instance_viewer"`);
  }
}
