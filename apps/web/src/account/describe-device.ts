import type { TFunction } from 'i18next';

// Order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux.
const browsers: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

const firstMatch = (userAgent: string, table: [RegExp, string][]) =>
  table.find(([pattern]) => pattern.test(userAgent))?.[1];

/** A person's name for the device a session was signed in from, such as "Chrome · Windows". */
export function describeDevice(userAgent: string | undefined, t: TFunction): string {
  const parts = userAgent ? [firstMatch(userAgent, browsers), firstMatch(userAgent, systems)] : [];
  const known = parts.filter((part) => part !== undefined);
  return known.length > 0 ? known.join(' · ') : t('sessions.unknownDevice');
}
