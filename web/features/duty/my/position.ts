export interface Position {
  lat: number;
  lng: number;
  accuracy: number;
}

/** Long enough for a phone's first fix outdoors, short enough that a volunteer is not left waiting at the gate. */
const WAIT_MS = 8_000;
/** The server's bound on a reported accuracy, in metres. */
const MAX_ACCURACY = 100_000;

/**
 * The phone's position, or null when it is refused, unavailable or slow. The own timer also
 * covers a permission prompt left unanswered, which the geolocation timeout does not count.
 */
export function currentPosition(): Promise<Position | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => resolve(null), WAIT_MS);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        clearTimeout(timer);
        resolve({ lat: coords.latitude, lng: coords.longitude, accuracy: Math.min(Math.round(coords.accuracy), MAX_ACCURACY) });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: WAIT_MS, maximumAge: 60_000 },
    );
  });
}
