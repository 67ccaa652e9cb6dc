/**
 * Letter spacing of headline type, in em: capitals read better opened up a little, mixed case
 * set large looks better a touch tight.
 */
export function headlineTracking(uppercase: boolean): number {
  return uppercase ? 0.012 : -0.015;
}
