import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RecordOrderIndexes. Written by hand: record lists and a rule's context window order by
 * `created_at DESC, id DESC` (keyset paging needs the id as a tie-break). With indexes ending at
 * `created_at` PostgreSQL read every matching row and sorted them: a rule's three-record window over a
 * resident with thousands of records in the window took 14 ms per submission. Ending the indexes with
 * `id` lets both read just the rows they return.
 */
export class RecordOrderIndexes1795900000007 implements MigrationInterface {
  name = 'RecordOrderIndexes1795900000007';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."record_resident_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."record_form_created_idx"`);
    await queryRunner.query(
      `CREATE INDEX "record_resident_created_id_idx" ON "record" ("resident_id", "created_at", "id") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "record_form_created_id_idx" ON "record" ("tenant_id", "form_id", "created_at", "id") WHERE "deleted_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."record_form_created_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."record_resident_created_id_idx"`);
    await queryRunner.query(
      `CREATE INDEX "record_form_created_idx" ON "record" ("tenant_id", "form_id", "created_at") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "record_resident_created_idx" ON "record" ("resident_id", "created_at") WHERE "deleted_at" IS NULL`,
    );
  }
}
