/** Request/reply subjects the warranty service answers on NATS. */
export const warrantySubjects = {
  lookup: 'aftersales.warranty.lookup',
  lookupBatch: 'aftersales.warranty.lookup-batch',
  listRepairPoints: 'aftersales.warranty.list-repair-points',
  getRepairPoint: 'aftersales.warranty.get-repair-point',
  registerRepairPoint: 'aftersales.warranty.register-repair-point',
  changeRepairPoint: 'aftersales.warranty.change-repair-point',
  listPolicies: 'aftersales.warranty.list-policies',
  setPolicy: 'aftersales.warranty.set-policy',
  grantExtension: 'aftersales.warranty.grant-extension',
  startImport: 'aftersales.warranty.start-import',
  importRows: 'aftersales.warranty.import-rows',
  finishImport: 'aftersales.warranty.finish-import',
  getImport: 'aftersales.warranty.get-import',
  importRejections: 'aftersales.warranty.import-rejections',
  deviceHistory: 'aftersales.warranty.device-history',
} as const;

/** Events the warranty service publishes on its stream, `aftersales.warranty.<type>`. */
export const warrantyEventTypes = ['RepairPointRegistered', 'RepairPointChanged'] as const;
