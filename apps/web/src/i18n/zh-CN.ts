export const zhCN = {
  app: {
    title: '售后支持',
    language: 'English',
  },
  nav: { startTicket: '发起工单' },
  warranty: {
    heading: '发起工单',
    intro: '输入设备 SN 码，查询型号和保修截止日期。',
    snLabel: '设备SN码',
    snPlaceholder: '例如 ZH10014510045',
    lookUp: '查询',
    lookingUp: '查询中…',
    invalidSn: 'SN 码应为 6 到 32 位字母或数字，例如 ZH10014510045。',
    notFound: '没有找到 SN 码为 {{sn}} 的设备，请核对后重试。',
    failed: '查询失败：{{message}}',
    model: '设备型号',
    sn: '设备SN码',
    shippedOn: '出货日期',
    warrantyEndsOn: '保修截止日期',
    inWarranty: '在保',
    outOfWarranty: '已过保',
    inWarrantyNote: '该设备在保修期内，可以联系客服发起咨询。',
    outOfWarrantyNote: '该设备已过保修期，只能在第三方维修服务点自费维修。',
  },
};

export type Messages = typeof zhCN;
