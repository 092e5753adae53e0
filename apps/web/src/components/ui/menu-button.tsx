import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/**
 * A button that shows and hides a list of links below it (the disclosure pattern: a button with
 * `aria-expanded` and `aria-controls`, plain links inside, so screen readers and keyboards need
 * nothing special). Escape closes it and gives the focus back to the button; so do a click
 * outside and a navigation.
 */
export function MenuButton({
  label,
  children,
  className,
}: {
  label: ReactNode;
  /** The `<li>` items of the list. */
  children: ReactNode;
  className?: string;
}) {
  const { pathname } = useLocation();
  // Open on the page where it was opened: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      ref={root}
      className={['menu', className ?? ''].join(' ').trim()}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--ghost menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span aria-hidden="true" className="menu__caret">
          ▾
        </span>
      </button>
      <ul id={id} className="menu__list" hidden={!open}>
        {children}
      </ul>
    </div>
  );
}
