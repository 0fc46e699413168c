import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { AccessGuard } from './access/access.guard.js';
import { AccessRulesCheck } from './access/access-rules.check.js';
import { Authenticator } from './access/authenticator.js';
import { Ownership } from './access/ownership.js';
import { SessionsHttpController } from './sessions.http.controller.js';
import { AdminHttpController } from './admin.http.controller.js';
import { AdminWarrantyHttpController } from './admin-warranty.http.controller.js';
import { AttachmentsHttpController } from './attachments.http.controller.js';
import { MessageUpload } from './attachments/message-upload.js';
import { AgentsHttpController } from './agents.http.controller.js';
import { AuthHttpController } from './auth.http.controller.js';
import { CannedRepliesHttpController } from './canned-replies.http.controller.js';
import { ConsultationsHttpController } from './consultations.http.controller.js';
import { RepairOrdersHttpController } from './repair-orders.http.controller.js';
import { DeviceCsvImport } from './device-csv-import.js';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options.js';
import { GuideImageUpload } from './attachments/guide-image-upload.js';
import { OrderPhotos } from './attachments/order-photos.js';
import { GuideImagesHttpController } from './guide-images.http.controller.js';
import { GuidesHttpController } from './guides.http.controller.js';
import { HealthHttpController } from './health.http.controller.js';
import { LiveFollowers } from './live/live-followers.js';
import { LiveWsGateway } from './live/live.ws.gateway.js';
import { AdminCarriersHttpController, LogisticsHttpController } from './logistics.http.controller.js';
import { RepairPointHttpController } from './repair-point.http.controller.js';
import { TicketsHttpController } from './tickets.http.controller.js';
import { WarrantyHttpController } from './warranty.http.controller.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/**
 * The HTTP API and the live chat's socket.io namespace; it owns no data, reaches every service over the bus,
 * and checks access on every route and socket event.
 */
@Module({})
export class GatewayModule {
  static register(options: GatewayOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [DiscoveryModule],
      controllers: [
        HealthHttpController,
        AuthHttpController,
        SessionsHttpController,
        ConsultationsHttpController,
        CannedRepliesHttpController,
        GuidesHttpController,
        GuideImagesHttpController,
        AgentsHttpController,
        AttachmentsHttpController,
        RepairOrdersHttpController,
        AdminHttpController,
        AdminWarrantyHttpController,
        RepairPointHttpController,
        TicketsHttpController,
        LogisticsHttpController,
        AdminCarriersHttpController,
        WarrantyHttpController,
      ],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        AccessRulesCheck,
        Authenticator,
        Ownership,
        DeviceCsvImport,
        MessageUpload,
        GuideImageUpload,
        OrderPhotos,
        LiveFollowers,
        LiveWsGateway,
      ],
    };
  }
}
