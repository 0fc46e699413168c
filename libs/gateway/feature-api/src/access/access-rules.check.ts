import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE } from './access.decorator.js';

/** Refuses to start a gateway with a route that declares no access rule. */
@Injectable()
export class AccessRulesCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !Reflect.hasMetadata(PATH_METADATA, controller)) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        if (!Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        if (!this.reflector.getAllAndOverride(ACCESS_RULE, [handler, controller])) {
          missing.push(`${controller.name}.${name}`);
        }
      }
    }
    if (missing.length > 0) throw new Error(`Routes without an access rule: ${missing.join(', ')}`);
  }
}
