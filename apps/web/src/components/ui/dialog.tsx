import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * The elements Tab stops on inside `root`, in order: a radio group is one stop (its checked radio,
 * or its first one when none is checked).
 */
function tabStops(root: HTMLElement): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const radios = all.filter(
    (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'radio',
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = radios.filter((r) => r.name === el.name);
    return el === (group.find((r) => r.checked) ?? group[0]);
  });
}

export interface DialogProps {
  /** The heading, and the dialog's accessible name. */
  title: string;
  /** The text that says what the dialog is about (its accessible description). */
  description?: ReactNode;
  /** The rest of the dialog (a form, a status line). */
  children?: ReactNode;
  /** Buttons shown at the end, in `.dialog__actions`. */
  actions?: ReactNode;
  /** Escape calls it; the caller unmounts the dialog to close it. */
  onClose: () => void;
  /** `alertdialog` for a confirmation that interrupts. */
  role?: 'dialog' | 'alertdialog';
  /** Extra classes for the dialog box (`dialog` is always there). */
  className?: string;
  /** What takes the focus when it opens (a `useRef`); by default its first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where the focus goes back when it closes (a `useRef`); by default what had the focus when
   * it opened. */
  returnFocus?: RefObject<HTMLElement | null>;
}

/**
 * A modal dialog (`aria-modal`, labelled by its title and described by its description): the
 * focus moves in when it opens, Tab and Shift+Tab stay inside, Escape calls `onClose`, and the
 * focus goes back to the opener when it unmounts (unless the caller already moved it elsewhere).
 */
export function Dialog({
  title,
  description,
  children,
  actions,
  onClose,
  role = 'dialog',
  className,
  initialFocus,
  returnFocus,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = box.current;
    const opener =
      returnFocus?.current ??
      (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    const first = initialFocus?.current ?? (node ? tabStops(node)[0] : null);
    first?.focus();
    return () => {
      const active = document.activeElement;
      const lost =
        !active || active === document.body || !active.isConnected || !!node?.contains(active);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [initialFocus, returnFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const stops = tabStops(box.current);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className={className ? `dialog ${className}` : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {description ? <div id={descriptionId}>{description}</div> : null}
        {children}
        {actions ? <div className="dialog__actions">{actions}</div> : null}
      </div>
    </div>
  );
}
