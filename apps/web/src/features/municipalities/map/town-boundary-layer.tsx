import { useEffect, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
import type { GeoJSON as LeafletGeoJSON } from 'leaflet';
import type { Municipality } from '@partagora/domain';
import { useMunicipality } from '../api/municipalities.api';

export interface TownBoundaryProps {
  boundary: Municipality['boundary'];
  /** Zoom the map to the whole town once drawn. */
  fit?: boolean;
}

/** The town's boundary (GeoJSON MultiPolygon, `[lng, lat]`; Leaflet reads that order itself). */
export function TownBoundary({ boundary, fit = false }: TownBoundaryProps) {
  const map = useMap();
  const layer = useRef<LeafletGeoJSON>(null);
  useEffect(() => {
    const bounds = layer.current?.getBounds();
    if (fit && bounds?.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
  }, [map, boundary, fit]);
  return (
    <GeoJSON
      ref={layer}
      data={boundary}
      interactive={false}
      style={{ color: '#1f5f3f', weight: 3, dashArray: '6 4', fillOpacity: 0.06 }}
    />
  );
}

/** Loads a town and draws its boundary: for maps outside the town page (sign-up). */
export function TownBoundaryLayer({ slug, fit = false }: { slug: string; fit?: boolean }) {
  const town = useMunicipality(slug);
  if (!town.data) return null;
  return <TownBoundary key={slug} boundary={town.data.boundary} fit={fit} />;
}
