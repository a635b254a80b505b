import { Global, Module } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events.js';
import { Clock } from '../time/clock.js';
import { Transactions } from './transaction.js';

/** Cross-cutting providers every module may inject: transactions, the clock and domain events. */
@Global()
@Module({ providers: [Transactions, Clock, DomainEvents], exports: [Transactions, Clock, DomainEvents] })
export class DatabaseModule {}
