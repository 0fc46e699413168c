/** A registered machine; dates are calendar days, `YYYY-MM-DD`. */
export interface Device {
  sn: string;
  model: string;
  shippedOn: string;
  warrantyEndsOn: string;
}

export interface WarrantyStatus extends Device {
  inWarranty: boolean;
}

/** A machine is in warranty through the last day of its warranty, inclusive. */
export function warrantyStatus(device: Device, today: string): WarrantyStatus {
  return { ...device, inWarranty: today <= device.warrantyEndsOn };
}
