import { Module } from '@nestjs/common';
import { DatabaseSettingsCheck } from './database-settings.check.js';
import { HealthController } from './health.controller.js';

@Module({ controllers: [HealthController], providers: [DatabaseSettingsCheck] })
export class HealthModule {}
