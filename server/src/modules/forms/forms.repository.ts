import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FormEntity, FormVersionEntity, type FormStatus } from './form.entity.js';

@Injectable()
export class FormsRepository {
  list(manager: EntityManager, tenantId: string, status?: FormStatus): Promise<FormEntity[]> {
    return manager.getRepository(FormEntity).find({
      where: { tenantId, ...(status ? { status } : {}) },
      order: { key: 'ASC' },
    });
  }

  findById(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<FormEntity | null> {
    return manager.getRepository(FormEntity).findOne({
      where: { tenantId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findByKey(manager: EntityManager, tenantId: string, key: string): Promise<FormEntity | null> {
    return manager.getRepository(FormEntity).findOne({ where: { tenantId, key } });
  }

  insert(manager: EntityManager, form: Partial<FormEntity>): Promise<FormEntity> {
    return manager.getRepository(FormEntity).save(manager.getRepository(FormEntity).create(form));
  }

  save(manager: EntityManager, form: FormEntity): Promise<FormEntity> {
    return manager.getRepository(FormEntity).save(form);
  }

  versions(manager: EntityManager, formId: string): Promise<FormVersionEntity[]> {
    return manager.getRepository(FormVersionEntity).find({ where: { formId }, order: { version: 'DESC' } });
  }

  version(manager: EntityManager, formId: string, version: number): Promise<FormVersionEntity | null> {
    return manager.getRepository(FormVersionEntity).findOne({ where: { formId, version } });
  }

  insertVersion(manager: EntityManager, version: Partial<FormVersionEntity>): Promise<FormVersionEntity> {
    return manager
      .getRepository(FormVersionEntity)
      .save(manager.getRepository(FormVersionEntity).create(version));
  }
}
