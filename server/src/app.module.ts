import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from './common/database/database.module.js';
import { ProblemFilter } from './common/http/problem.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DATABASE_INFO, type DatabaseInfo } from './database/database-info.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BenchModule } from './modules/bench/bench.module.js';
import { BundlesModule } from './modules/bundles/bundles.module.js';
import { CalendarsModule } from './modules/calendars/calendars.module.js';
import { FormsModule } from './modules/forms/forms.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OrgUnitsModule } from './modules/org-units/org-units.module.js';
import { PortalModule } from './modules/portal/portal.module.js';
import { ProcessesModule } from './modules/processes/processes.module.js';
import { TestClockModule } from './modules/jobs/test-clock.module.js';
import { TasksModule } from './modules/tasks/tasks.module.js';
import { RecordsModule } from './modules/records/records.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { ResidentsModule } from './modules/residents/residents.module.js';
import { RulesModule } from './modules/rules/rules.module.js';
import { SetupModule } from './modules/setup/setup.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WorkOrdersModule } from './modules/work-orders/work-orders.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseInfo): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(database.url)),
        DatabaseModule,
        HealthModule,
        AuditModule,
        AuthModule,
        UsersModule,
        OrgUnitsModule,
        CalendarsModule,
        ResidentsModule,
        FormsModule,
        RecordsModule,
        NotificationsModule,
        RulesModule,
        ReportsModule,
        BundlesModule,
        SetupModule,
        ...(config.benchRoutes ? [BenchModule] : []),
        ProcessesModule,
        TasksModule,
        WorkOrdersModule,
        PortalModule,
        ...(config.testClock ? [TestClockModule] : []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_INFO, useValue: database },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [APP_CONFIG, DATABASE_INFO],
    };
  }
}
