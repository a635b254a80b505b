import { Global, Module } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events.js';
import { Clock } from '../time/clock.js';
import { SharedCaches } from './shared-cache.js';
import { Transactions } from './transaction.js';

/** Cross-cutting providers every module may inject: transactions, the clock, domain events and shared caches. */
@Global()
@Module({
  providers: [Transactions, Clock, DomainEvents, SharedCaches],
  exports: [Transactions, Clock, DomainEvents, SharedCaches],
})
export class DatabaseModule {}
