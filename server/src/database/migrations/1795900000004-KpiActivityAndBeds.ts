import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KpiActivityAndBeds. Written by hand: `user_activity` (who used CareLoom on which day, for monthly active
 * users) and `org_unit.bed_count` (capacity, for occupancy).
 */
export class KpiActivityAndBeds1795900000004 implements MigrationInterface {
  name = 'KpiActivityAndBeds1795900000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_activity" ("user_id" uuid NOT NULL, "day" date NOT NULL, "tenant_id" uuid NOT NULL, CONSTRAINT "user_activity_pk" PRIMARY KEY ("user_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "user_activity_tenant_day_idx" ON "user_activity" ("tenant_id", "day") `,
    );
    await queryRunner.query(`ALTER TABLE "org_unit" ADD "bed_count" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "org_unit" DROP COLUMN "bed_count"`);
    await queryRunner.query(`DROP INDEX "public"."user_activity_tenant_day_idx"`);
    await queryRunner.query(`DROP TABLE "user_activity"`);
  }
}
