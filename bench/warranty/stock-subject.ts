/**
 * The subject the stock pair talks on, given by `startStock`: namespaced per run, like the services'
 * `BUS_NAMESPACE`, so that two runs on one NATS server never answer each other's requests.
 */
export function stockSubject(): string {
  const subject = process.env.STOCK_SUBJECT;
  if (!subject) throw new Error('STOCK_SUBJECT is not set: start the stock processes through startStock');
  return subject;
}
