import type { BusMessage, EventBus, PublishAck, PublishOptions } from '@aftersales/shared-messaging';

/**
 * A bus whose publish of one message waits until the test releases it: the relay's process stalls
 * (a pause of the runtime, a slow network) after it decided to publish and before the message is sent.
 */
export function stallingBus(bus: EventBus, stallsAt: (publishNumber: number) => boolean) {
  let publishes = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const stall: { message?: BusMessage; outcome?: Promise<PublishAck> } = {};
  let stalled!: () => void;
  const reached = new Promise<void>((resolve) => (stalled = resolve));

  const stalling: EventBus = {
    ensureStream: (spec) => bus.ensureStream(spec),
    lastSequence: (service) => bus.lastSequence(service),
    consume: (spec, handler) => bus.consume(spec, handler),
    close: () => bus.close(),
    publish: (message: BusMessage, options?: PublishOptions) => {
      publishes++;
      if (stall.message || !stallsAt(publishes)) return bus.publish(message, options);
      stall.message = message;
      stall.outcome = released.then(() => bus.publish(message, options));
      stalled();
      return stall.outcome;
    },
  };
  return {
    bus: stalling,
    publishes: () => publishes,
    /** Resolves once the stalled publish is waiting, with the message it holds. */
    stalled: () => reached.then(() => stall.message!),
    /** Lets the stalled publish go on; resolves or rejects as the real publish does. */
    release: () => {
      release();
      return stall.outcome!;
    },
  };
}
