import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UserActivityService } from '../../common/auth/user-activity.service.js';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { SessionsRepository } from './sessions.repository.js';

@Module({
  imports: [UsersModule, AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    UserActivityService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
