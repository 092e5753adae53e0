import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { BBox } from '@partagora/geo';

export interface Viewport {
  bbox: BBox;
  /** Integer zoom level. */
  zoom: number;
}

/** Degrees rounded to ~10 m so tiny pans do not make a new query key. */
const round = (deg: number) => Math.round(deg * 1e4) / 1e4;
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** Reports the map's viewport (bbox in degrees, zoom) once mounted and after every move. */
export function ViewportWatcher({ onChange }: { onChange: (viewport: Viewport) => void }) {
  const map = useMap();
  useEffect(() => {
    const report = () => {
      const b = map.getBounds();
      onChange({
        bbox: {
          west: round(clamp(b.getWest(), -180, 180)),
          south: round(clamp(b.getSouth(), -90, 90)),
          east: round(clamp(b.getEast(), -180, 180)),
          north: round(clamp(b.getNorth(), -90, 90)),
        },
        zoom: Math.round(map.getZoom()),
      });
    };
    report();
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map, onChange]);
  return null;
}
