import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PartialInstanceIndexes. Written by hand: an instance's parent and resident are looked up by equality only (a
 * call activity's children, a resident's processes), and most instances have no parent (many no resident). Partial
 * indexes leave those rows out, so starting and ending such an instance (its status is indexed: the end is not a
 * HOT update) writes two index entries fewer.
 */
export class PartialInstanceIndexes1795900000011 implements MigrationInterface {
  name = 'PartialInstanceIndexes1795900000011';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."process_instance_parent_idx"`);
    await queryRunner.query(
      `CREATE INDEX "process_instance_parent_idx" ON "process_instance" ("parent_instance_id") WHERE "parent_instance_id" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."process_instance_resident_idx"`);
    await queryRunner.query(
      `CREATE INDEX "process_instance_resident_idx" ON "process_instance" ("resident_id") WHERE "resident_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."process_instance_resident_idx"`);
    await queryRunner.query(
      `CREATE INDEX "process_instance_resident_idx" ON "process_instance" ("resident_id")`,
    );
    await queryRunner.query(`DROP INDEX "public"."process_instance_parent_idx"`);
    await queryRunner.query(
      `CREATE INDEX "process_instance_parent_idx" ON "process_instance" ("parent_instance_id")`,
    );
  }
}
