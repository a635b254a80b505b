import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CreatedRevisionData. Written by hand: a record's first revision no longer copies the record's data while the
 * record is unchanged (most records are never edited: the copy doubled what each stored, and its compression was
 * the largest single function in PostgreSQL's profile of a submission). NULL there means "the record's data"; the record's first
 * change writes the data into the first revision before it replaces it (RecordsRepository.insertRevision). Rows
 * written before keep theirs.
 */
export class CreatedRevisionData1795900000013 implements MigrationInterface {
  name = 'CreatedRevisionData1795900000013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "record_revision" ALTER COLUMN "data" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "record_revision" rv SET "data" = rec."data" FROM "record" rec WHERE rec."id" = rv."record_id" AND rv."data" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "record_revision" ALTER COLUMN "data" SET NOT NULL`);
  }
}
