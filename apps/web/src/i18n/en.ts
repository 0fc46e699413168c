import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    title: 'After-sales support',
    language: '中文',
  },
  nav: { startTicket: 'Start a ticket' },
  warranty: {
    heading: 'Start a ticket',
    intro: "Enter the machine's serial number (SN) to see its model and warranty end date.",
    snLabel: 'Serial number (SN)',
    snPlaceholder: 'e.g. ZH10014510045',
    lookUp: 'Look up',
    lookingUp: 'Looking up…',
    invalidSn: 'An SN has 6 to 32 letters and digits, such as ZH10014510045.',
    notFound: 'No machine with SN {{sn}} is registered. Please check the SN and try again.',
    failed: 'The lookup failed: {{message}}',
    model: 'Model',
    sn: 'Serial number',
    shippedOn: 'Shipped on',
    warrantyEndsOn: 'Warranty end date',
    inWarranty: 'In warranty',
    outOfWarranty: 'Out of warranty',
    inWarrantyNote: 'This machine is in warranty; you can contact support.',
    outOfWarrantyNote:
      'This machine is out of warranty; it can only be repaired, at your cost, by a third-party repair point.',
  },
};
