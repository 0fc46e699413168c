/** The search of the published guides, as the API takes it; empty values are left out. */
export function guidesPath(query: { q?: string; model?: string; category?: string; limit?: number }): string {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]],
    ),
  );
  const search = params.toString();
  return search ? `/api/guides?${search}` : '/api/guides';
}
