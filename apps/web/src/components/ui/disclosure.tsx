import { useId, useState, type ReactNode } from 'react';

export interface DisclosureProps {
  /** The button's text, also the heading of the opened panel. */
  label: string;
  children: ReactNode;
  buttonClassName?: string;
}

/**
 * A button that shows or hides a panel (`aria-expanded`); the panel's content mounts only when
 * opened, so a closed form costs no request.
 */
export function Disclosure({ label, children, buttonClassName }: DisclosureProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="disclosure">
      <button
        type="button"
        className={buttonClassName ?? 'button button--secondary'}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {label}
      </button>
      {open ? (
        <div id={id} className="disclosure__panel">
          <h3>{label}</h3>
          {children}
        </div>
      ) : null}
    </div>
  );
}
