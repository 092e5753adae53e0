import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import type { ListingMap } from '@partagora/domain';
import { clusterIcon } from '../../../components/map/labelled-div-icon';
import { L } from '../../../components/map/leaflet-setup';

export interface ListingsMarkersLayerProps {
  data: ListingMap;
  /** The listing to emphasise (hovered/focused card or chosen marker). */
  activeId: string | null;
  onSelect: (id: string) => void;
}

const ACTIVE_CLASS = 'marker--active';

/**
 * Draws `GET /listings/map` on the parent map. Server clusters (`mode: 'clusters'`) become count
 * circles that zoom in when activated; points are clustered on the client by
 * leaflet.markercluster. Markers are keyboard-focusable (Enter = click) and named by their title.
 */
export function ListingsMarkersLayer({ data, activeId, onSelect }: ListingsMarkersLayerProps) {
  const map = useMap();
  const { t } = useTranslation();
  const onSelectRef = useRef(onSelect);
  const markers = useRef(new Map<string, L.Marker>());
  const pointsGroup = useRef<L.MarkerClusterGroup | null>(null);

  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const clusterLabel = (count: number) => t('map.clusterLabel', { count });
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      // Public points are already 150–400 m from home: fold only real overlaps, never at street level.
      maxClusterRadius: 40,
      disableClusteringAtZoom: 17,
      iconCreateFunction: (cluster) => {
        const count = cluster.getChildCount();
        return clusterIcon(count, clusterLabel(count));
      },
    });
    const registry = new Map<string, L.Marker>();
    for (const point of data.points) {
      const marker = L.marker(point.approxLocation, {
        title: point.title,
        alt: point.title,
        keyboard: true,
      });
      marker.on('click', () => onSelectRef.current(point.id));
      registry.set(point.id, marker);
      group.addLayer(marker);
    }
    const serverClusters = L.layerGroup(
      data.clusters.map((cluster) => {
        const label = clusterLabel(cluster.count);
        const marker = L.marker(cluster.location, {
          icon: clusterIcon(cluster.count, label),
          title: label,
          keyboard: true,
        });
        marker.on('click', () =>
          map.setView(cluster.location, Math.min(map.getZoom() + 2, map.getMaxZoom())),
        );
        return marker;
      }),
    );
    group.addTo(map);
    serverClusters.addTo(map);
    markers.current = registry;
    pointsGroup.current = group;
    return () => {
      group.remove();
      serverClusters.remove();
      markers.current = new Map();
      pointsGroup.current = null;
    };
  }, [map, data, t]);

  useEffect(() => {
    const marker = activeId ? markers.current.get(activeId) : undefined;
    if (!marker) return;
    // A marker folded into a client cluster has no element: emphasise the cluster instead.
    const visible = (pointsGroup.current?.getVisibleParent(marker) as L.Marker | null) ?? marker;
    const el = visible.getElement();
    visible.setZIndexOffset(1000);
    el?.classList.add(ACTIVE_CLASS);
    return () => {
      visible.setZIndexOffset(0);
      el?.classList.remove(ACTIVE_CLASS);
    };
  }, [activeId, data]);

  return null;
}
