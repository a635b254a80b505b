import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Work orders: the projection of complaint-workorder instances the list, detail and KPIs read. */
export class WorkOrders1795900000001 implements MigrationInterface {
  name = 'WorkOrders1795900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "work_order" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "business_key" text NOT NULL, "resident_id" uuid NOT NULL, "intake_record_id" uuid NOT NULL, "complaint_type" text NOT NULL, "urgency" text NOT NULL, "channel" text, "filed_by" uuid NOT NULL, "filed_by_name" text NOT NULL, "filed_by_family" boolean NOT NULL DEFAULT false, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_responded_at" TIMESTAMP WITH TIME ZONE, "resolution_due_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "satisfaction_score" integer, "nps_score" integer, "rated_at" TIMESTAMP WITH TIME ZONE, "reopen_count" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_0730e63dd523d397530859cb6d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_order_tenant_filed_idx" ON "work_order" ("tenant_id", "filed_at") `,
    );
    await queryRunner.query(`CREATE INDEX "work_order_resident_idx" ON "work_order" ("resident_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "work_order_business_key_uq" ON "work_order" ("tenant_id", "business_key") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."work_order_business_key_uq"`);
    await queryRunner.query(`DROP INDEX "public"."work_order_resident_idx"`);
    await queryRunner.query(`DROP INDEX "public"."work_order_tenant_filed_idx"`);
    await queryRunner.query(`DROP TABLE "work_order"`);
  }
}
