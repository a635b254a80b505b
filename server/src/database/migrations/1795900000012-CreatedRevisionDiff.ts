import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CreatedRevisionDiff. Written by hand: a record's first revision no longer stores its diff (every field added, 2–3
 * times the size of the data it already stores): NULL there, derived from the revision's data when read. Rows
 * written before keep theirs.
 */
export class CreatedRevisionDiff1795900000012 implements MigrationInterface {
  name = 'CreatedRevisionDiff1795900000012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "record_revision" ALTER COLUMN "diff" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "record_revision" r SET "diff" = COALESCE((SELECT jsonb_agg(jsonb_build_object('op', 'add', 'path', '/' || replace(replace(e.key, '~', '~0'), '/', '~1'), 'value', e.value)) FROM jsonb_each(r."data") e), '[]'::jsonb) WHERE "diff" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "record_revision" ALTER COLUMN "diff" SET NOT NULL`);
  }
}
