import { Global, Module } from '@nestjs/common';
import { Clock } from '../time/clock.js';
import { Transactions } from './transaction.js';

/** Cross-cutting providers every module may inject: transactions and the clock. */
@Global()
@Module({ providers: [Transactions, Clock], exports: [Transactions, Clock] })
export class DatabaseModule {}
