import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../common/database/transaction.js';
import { AuditService, type SystemActor } from '../audit/audit.service.js';
import { generatePassword } from '../auth/password.util.js';
import type { OrgUnitEntity } from '../org-units/org-unit.entity.js';
import { OrgUnitsService } from '../org-units/org-units.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import { UsersService } from '../users/users.service.js';
import {
  DEMO_RESIDENTS,
  DEMO_TENANT,
  DEMO_UNITS,
  DEMO_USERS,
  type DemoUnitKey,
} from './demo-home.constants.js';

export type FirstStartCredentials = {
  admin: { username: string; password: string; generated: boolean };
  demo: { usernames: string[]; password: string; generated: boolean };
};

/** First start: an empty database gets a tenant, its org units, the built-in roles, an admin and demo staff. */
@Injectable()
export class SetupService {
  private readonly logger = new Logger(SetupService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
  ) {}

  /** Returns the logins to print, or null when the database was already set up (printed once only). */
  async ensureSetUp(): Promise<FirstStartCredentials | null> {
    return this.transactions.run(async (manager) => {
      // Several server processes may start at once on one database: only one sets up.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', ['careloom:first-start']);
      const existing: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM tenant');
      if ((existing[0]?.n ?? 0) > 0) {
        return null;
      }
      const adminPassword = this.config.adminPassword ?? generatePassword();
      const demoPassword = this.config.demoPassword ?? generatePassword();
      const rows: { id: string }[] = await manager.query(
        'INSERT INTO tenant (name, time_zone) VALUES ($1, $2) RETURNING id',
        [DEMO_TENANT.name, DEMO_TENANT.timeZone],
      );
      const tenantId = rows[0]!.id;
      const system: SystemActor = { tenantId, system: 'first-start' };
      await this.users.seedRoles(manager, tenantId);

      const units = new Map<DemoUnitKey, OrgUnitEntity>();
      const add = async (key: DemoUnitKey, parent: DemoUnitKey | null, kind: OrgUnitEntity['kind']) => {
        units.set(
          key,
          await this.orgUnits.createIn(manager, system, {
            parentId: parent ? units.get(parent)!.id : null,
            name: DEMO_UNITS[key],
            kind,
          }),
        );
      };
      await add('institution', null, 'institution');
      await add('branch', 'institution', 'branch');
      await add('building', 'branch', 'building');
      await add('wingA', 'building', 'wing');
      await add('wingB', 'building', 'wing');

      await this.users.createIn(manager, system, {
        username: 'admin',
        displayName: '系统管理员',
        password: adminPassword,
        memberships: [{ role: 'admin', orgUnitId: units.get('institution')!.id }],
      });
      const userIds = new Map<string, string>();
      for (const demo of DEMO_USERS) {
        const user = await this.users.createIn(manager, system, {
          username: demo.username,
          displayName: demo.displayName,
          password: demoPassword,
          memberships: [{ role: demo.role, orgUnitId: units.get(demo.unit)!.id }],
        });
        userIds.set(demo.username, user.id);
      }
      for (const demo of DEMO_RESIDENTS) {
        await this.residents.seed(manager, tenantId, {
          orgUnitId: units.get(demo.unit)!.id,
          name: demo.name,
          gender: demo.gender,
          birthDate: demo.birthDate,
          room: demo.room,
          bed: demo.bed,
          careLevel: demo.careLevel,
          admitted: demo.admitted,
          ...(demo.family
            ? {
                family: {
                  userId: userIds.get(demo.family.username)!,
                  relationship: demo.family.relationship,
                },
              }
            : {}),
        });
      }
      await this.audit.record(manager, system, {
        action: 'setup.first-start',
        entityType: 'tenant',
        entityId: tenantId,
        details: { users: DEMO_USERS.length + 1, residents: DEMO_RESIDENTS.length },
      });
      this.logger.log({ msg: 'first start: demo home created', tenantId });
      return {
        admin: { username: 'admin', password: adminPassword, generated: this.config.adminPassword === null },
        demo: {
          usernames: DEMO_USERS.map((u) => u.username),
          password: demoPassword,
          generated: this.config.demoPassword === null,
        },
      };
    });
  }
}
