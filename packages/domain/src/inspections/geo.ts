// Distance between the inspector's GPS fix and the store (打卡定位): great-circle (haversine) distance on a
// sphere of the mean Earth radius; accurate to well under 1 % at the distances that matter here.

const EARTH_RADIUS_M = 6_371_008.8;

/** A fix farther than this from the store's coordinates is flagged 'far from store'. */
export const FAR_FROM_STORE_M = 500;

export interface LatLng {
  lat: number;
  lng: number;
}

export function haversineMeters(a: LatLng, b: LatLng): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Placement {
  /** Whole metres, or null when the store has no coordinates. */
  distanceM: number | null;
  farFromStore: boolean | null;
}

/** Where a fix lies relative to a store; unknown (nulls) when the store has no coordinates. */
export function placeFix(
  fix: LatLng,
  store: { lat: number | null; lng: number | null },
  farM = FAR_FROM_STORE_M,
): Placement {
  if (store.lat === null || store.lng === null) return { distanceM: null, farFromStore: null };
  const distanceM = Math.round(haversineMeters(fix, { lat: store.lat, lng: store.lng }));
  return { distanceM, farFromStore: distanceM > farM };
}
