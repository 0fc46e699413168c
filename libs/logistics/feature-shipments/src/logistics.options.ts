export const LOGISTICS_OPTIONS = Symbol('LogisticsOptions');

export interface LogisticsOptions {
  /** The AfterShip webhook's secret; without it every push is refused. */
  aftershipWebhookSecret?: string;
}
