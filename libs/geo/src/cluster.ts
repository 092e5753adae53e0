/** Zoom levels of web-mercator tiles the map clusters at. */
const MIN_ZOOM = 0;
const MAX_ZOOM = 22;

/**
 * Width in degrees of longitude of the grid cells the server clusters public points into at a
 * web-mercator zoom level: a quarter of a tile's width, `360 / 2^zoom / 4`.
 * The zoom is clamped to [0, 22]; fractional zooms are allowed.
 *
 * @throws RangeError when `zoom` is not a number.
 */
export function clusterCellDegrees(zoom: number): number {
  if (Number.isNaN(zoom)) throw new RangeError('zoom must be a number');
  const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
  return 360 / 2 ** z / 4;
}
