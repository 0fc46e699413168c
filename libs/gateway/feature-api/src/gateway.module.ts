import { Module } from '@nestjs/common';
import { HealthHttpController } from './health.http.controller.js';
import { WarrantyHttpController } from './warranty.http.controller.js';

/** The HTTP API; it owns no data and reaches every service over the bus. */
@Module({
  controllers: [HealthHttpController, WarrantyHttpController],
})
export class GatewayModule {}
