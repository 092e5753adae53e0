import { L } from './leaflet-setup';

/**
 * A `divIcon` whose element carries an accessible name (`aria-label`), e.g. a cluster circle
 * "12 annonces": Leaflet only names `<img>` icons (through `alt`).
 */
class LabelledDivIcon extends L.DivIcon {
  constructor(
    options: L.DivIconOptions,
    private readonly label: string,
  ) {
    super(options);
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const el = super.createIcon(oldIcon);
    el.setAttribute('aria-label', this.label);
    return el;
  }
}

/** A round count badge for a cluster of `count` items, named `label` for screen readers. */
export function clusterIcon(count: number, label: string): L.DivIcon {
  const size = count < 10 ? 36 : count < 100 ? 42 : 50;
  return new LabelledDivIcon(
    {
      html: `<span aria-hidden="true">${String(count)}</span>`,
      className: 'cluster-icon',
      iconSize: L.point(size, size),
    },
    label,
  );
}
