import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Module,
  NotFoundException,
  type OnApplicationBootstrap,
  Param,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { firstValueFrom } from 'rxjs';
import { stockSubject } from './stock-subject.js';

const WARRANTY = Symbol('warranty service');
const subject = stockSubject();

/**
 * The HTTP half of the stock baseline: a Nest app on the Fastify adapter, as our gateway is, whose route asks
 * the stock service through the stock `ClientProxy.send` over `Transport.NATS`. No authentication and no
 * validation: what is left is Nest's HTTP layer and its NATS transport on both ends.
 */
@Controller('api/warranty')
class WarrantyController implements OnApplicationBootstrap {
  constructor(@Inject(WARRANTY) private readonly warranty: ClientProxy) {}

  /** Connected before the "Ready" line, so that the first measured request does not pay for it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.warranty.connect();
  }

  @Get(':sn')
  async find(@Param('sn') sn: string): Promise<unknown> {
    const device = await firstValueFrom(this.warranty.send<unknown>(subject, sn));
    if (device === null) throw new NotFoundException(`No machine with SN ${sn}`);
    return device;
  }
}

@Module({
  imports: [
    ClientsModule.register([
      { name: WARRANTY, transport: Transport.NATS, options: { servers: [process.env.NATS_URL!] } },
    ]),
  ],
  controllers: [WarrantyController],
})
class StockGatewayModule {}

const app = await NestFactory.create<NestFastifyApplication>(StockGatewayModule, new FastifyAdapter(), {
  logger: ['error', 'warn'],
});
app.enableShutdownHooks();
await app.listen(0, '127.0.0.1');
console.log(`Ready: open ${await app.getUrl()}`);
