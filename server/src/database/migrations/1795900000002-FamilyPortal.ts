import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Family portal: forms shared with family members, and notices and bills for families. */
export class FamilyPortal1795900000002 implements MigrationInterface {
  name = 'FamilyPortal1795900000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "form" ADD "family_visible" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "portal_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "org_unit_id" uuid, "resident_id" uuid, "category" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "amount_fen" integer, "currency" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_38edf53ad00ab8ae311f0c739a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "portal_notice_tenant_published_idx" ON "portal_notice"  ("tenant_id", "published_at") `,
    );
    await queryRunner.query(`CREATE INDEX "portal_notice_resident_idx" ON "portal_notice"  ("resident_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."portal_notice_resident_idx"`);
    await queryRunner.query(`DROP INDEX "public"."portal_notice_tenant_published_idx"`);
    await queryRunner.query(`DROP TABLE "portal_notice"`);
    await queryRunner.query(`ALTER TABLE "form" DROP COLUMN "family_visible"`);
  }
}
