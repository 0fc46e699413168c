/** Where a customer is: a two-letter country, optionally with a region. */
export interface Place {
  country?: string;
  region?: string;
}

/** Parses `CN` or `CN/Guangdong`. */
export function parsePlace(near: string | undefined): Place {
  if (!near) return {};
  const [country, region] = near.split('/', 2).map((part) => part.trim());
  return { ...(country ? { country: country.toUpperCase() } : {}), ...(region ? { region } : {}) };
}

/** Points in the customer's region first, then the rest of the country, then everywhere else; stable. */
export function nearestFirst<P extends { country: string; region: string }>(points: P[], near: Place): P[] {
  const distance = (p: P) =>
    p.country !== near.country
      ? 2
      : near.region && p.region.toLowerCase() === near.region.toLowerCase()
        ? 0
        : 1;
  return points
    .map((point, index) => ({ point, index, distance: distance(point) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ point }) => point);
}
