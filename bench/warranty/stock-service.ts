import 'reflect-metadata';
import { Controller, Module, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import pg from 'pg';
import { FIND_BY_SN_SQL } from '@aftersales/warranty-data-access';
import { stockSubject } from './stock-subject.js';

/**
 * The service half of the stock baseline: what a NestJS team ships without our kit, a microservice on the
 * stock `Transport.NATS` server whose `@MessagePattern` handler sends the warranty service's lookup query
 * (the same SQL text, as the same named prepared statement, as the bare baseline) through a pg pool of the
 * services' size. Nothing of ours but the SQL.
 */
@Controller()
class WarrantyLookupController implements OnApplicationShutdown {
  private readonly pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

  constructor() {
    // The teardown drops the database under an idle pool; without a listener that would end the process loudly.
    this.pool.on('error', () => undefined);
  }

  @MessagePattern(stockSubject())
  async findBySn(@Payload() sn: string): Promise<unknown> {
    const query = { name: 'warranty_find_by_sn', text: FIND_BY_SN_SQL, values: [sn] };
    return (await this.pool.query(query)).rows[0] ?? null;
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.end();
  }
}

@Module({ controllers: [WarrantyLookupController] })
class StockServiceModule {}

const app = await NestFactory.createMicroservice<MicroserviceOptions>(StockServiceModule, {
  transport: Transport.NATS,
  options: { servers: [process.env.NATS_URL!] },
  logger: ['error', 'warn'],
});
app.enableShutdownHooks();
await app.listen();
console.log(`Ready: answering ${stockSubject()} on ${process.env.NATS_URL}`);
