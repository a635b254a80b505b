import { Global, Module } from '@nestjs/common';
import { Transactions } from './transaction.js';

@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class DatabaseModule {}
