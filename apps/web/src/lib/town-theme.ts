import type { CSSProperties } from 'react';

/** The app's own green: the fallback for a town colour that is missing or unreadable. */
export const DEFAULT_TOWN_COLOUR = '#1f5f3f';

function channels(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance of an sRGB colour (0 black – 1 white). */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of `hex` against white (1–21); 0 when `hex` is not a colour. */
export function contrastWithWhite(hex: string): number {
  const c = channels(hex);
  return c ? 1.05 / (luminance(c) + 0.05) : 0;
}

/**
 * The town's `branding.primaryColor` when white text on it (and it as text on white) meets
 * WCAG AA (4.5:1); otherwise the app's green, so a pale brand colour never makes text unreadable.
 */
export function readableTownColour(primaryColor: string | null | undefined): string {
  return primaryColor && contrastWithWhite(primaryColor) >= 4.5
    ? primaryColor.trim()
    : DEFAULT_TOWN_COLOUR;
}

/** `style` for an element whose descendants use `var(--town-primary)`. */
export function townThemeStyle(primaryColor: string | null | undefined): CSSProperties {
  return { '--town-primary': readableTownColour(primaryColor) } as CSSProperties;
}
