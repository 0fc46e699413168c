/** Where support reads a repair order, by its diagnosis code. */
export const agentOrderPath = (diagnosisCode: string) => `/agent/orders/${encodeURIComponent(diagnosisCode)}`;
