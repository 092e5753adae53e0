import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeocodeResult } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { apiFetch } from '../../lib/api-client';

/** What the search hands back: a label to show and the point it stands for. */
export interface AddressChoice {
  label: string;
  location: LatLng;
}

/** Looks addresses up in a town (`GET /geocode`); replaceable in tests. */
export type AddressLookup = (
  q: string,
  municipality: string,
  signal: AbortSignal,
) => Promise<GeocodeResult[]>;

export const geocodeLookup: AddressLookup = async (q, municipality, signal) =>
  (
    await apiFetch<{ items: GeocodeResult[] }>('/geocode', {
      query: { q, municipality, limit: 8 },
      signal,
    })
  ).items;

/** Pause after the last keystroke before asking (one request per pause, not per letter). */
export const ADDRESS_DEBOUNCE_MS = 250;
const MIN_CHARS = 3;

type Phase = 'idle' | 'loading' | 'ready' | 'error';
type Locating = 'idle' | 'busy' | 'denied' | 'unavailable';

export interface AddressSearchProps {
  label: string;
  /** Slug of the town searched; the field is disabled without one. */
  municipality: string | undefined;
  onSelect: (choice: AddressChoice) => void;
  hint?: string;
  error?: string;
  /** Text shown at first (the current address, when known). */
  initialValue?: string;
  /** Offer "use my location" (the browser's geolocation). */
  allowGeolocation?: boolean;
  lookup?: AddressLookup;
}

/**
 * Address search as an ARIA 1.2 combobox: the input owns a listbox of suggestions (best first),
 * ↑/↓ move the active option, Enter picks it, Escape closes the list. Requests wait for a pause
 * in typing and the previous one is aborted. "Use my location" asks the browser for the
 * position once, on request only. The map stays an optional refinement next to it.
 */
export function AddressSearch({
  label,
  municipality,
  onSelect,
  hint,
  error,
  initialValue = '',
  allowGeolocation = true,
  lookup = geocodeLookup,
}: AddressSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState(initialValue);
  const [items, setItems] = useState<GeocodeResult[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [locating, setLocating] = useState<Locating>('idle');
  const [chosen, setChosen] = useState<string | null>(initialValue || null);

  const query = text.trim();
  const searchable = Boolean(municipality) && query.length >= MIN_CHARS && query !== chosen;

  useEffect(() => {
    if (!searchable || !municipality) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setPhase('loading');
      lookup(query, municipality, controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setItems(found);
          setActive(found.length > 0 ? 0 : -1);
          setPhase('ready');
          setOpen(true);
        },
        () => {
          if (controller.signal.aborted) return;
          setItems([]);
          setPhase('error');
          setOpen(true);
        },
      );
    }, ADDRESS_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [searchable, query, municipality, lookup]);

  const choose = (item: GeocodeResult) => {
    setText(item.label);
    setChosen(item.label);
    setOpen(false);
    setItems([]);
    setActive(-1);
    setPhase('idle');
    onSelect({ label: item.label, location: item.location });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && items.length > 0) setOpen(true);
      setActive((i) => (items.length === 0 ? -1 : (i + 1) % items.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (items.length === 0 ? -1 : (i - 1 + items.length) % items.length));
    } else if (e.key === 'Enter') {
      const item = open ? items[active] : undefined;
      // Enter picks the active suggestion instead of submitting the surrounding form.
      if (item) {
        e.preventDefault();
        choose(item);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('unavailable');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        const here = t('addresses.search.myPosition');
        setText(here);
        setChosen(here);
        setOpen(false);
        onSelect({
          label: here,
          location: {
            lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
            lng: Math.round(pos.coords.longitude * 1e6) / 1e6,
          },
        });
      },
      (err) => setLocating(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const expanded = open && (items.length > 0 || phase === 'ready' || phase === 'error');
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : '', `${id}-status`]
      .filter(Boolean)
      .join(' ') || undefined;
  const status =
    phase === 'loading'
      ? t('addresses.search.searching')
      : phase === 'error'
        ? t('addresses.search.error')
        : phase === 'ready' && open
          ? items.length === 0
            ? t('addresses.search.noResults')
            : t('addresses.search.resultCount', { count: items.length })
          : '';

  return (
    <div className={['field', 'address-search', error ? 'field--invalid' : ''].join(' ').trim()}>
      <label htmlFor={inputId}>{label}</label>
      <div className="address-search__control">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          disabled={!municipality}
          placeholder={t('addresses.search.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setChosen(null);
            if (e.target.value.trim().length < MIN_CHARS) {
              setItems([]);
              setOpen(false);
              setPhase('idle');
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('addresses.search.suggestions')}
          className="address-search__list"
          hidden={!expanded || items.length === 0}
        >
          {items.map((item, i) => (
            <li
              key={`${item.label}-${i}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={
                i === active
                  ? 'address-search__option address-search__option--active'
                  : 'address-search__option'
              }
              // mousedown, not click: picking must happen before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(item);
              }}
            >
              {item.label}
              <span className="visually-hidden"> ({t(`addresses.kind.${item.kind}`)})</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="address-search__status" id={`${id}-status`} role="status">
        {status}
      </p>
      {allowGeolocation ? (
        <p className="address-search__locate">
          <button
            type="button"
            className="button button--ghost"
            onClick={locate}
            disabled={locating === 'busy' || !municipality}
            aria-busy={locating === 'busy' || undefined}
          >
            {locating === 'busy'
              ? t('addresses.search.locating')
              : t('addresses.search.useMyLocation')}
          </button>
          {locating === 'denied' || locating === 'unavailable' ? (
            <span className="field__error" role="alert">
              {t(`addresses.search.locate_${locating}`)}
            </span>
          ) : null}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
