import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  className?: string;
}

function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      {children}
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

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface BaseProps {
  label: string;
  registration: UseFormRegisterReturn;
  hint?: string;
  error?: string;
  required?: boolean;
  className?: string;
}

export interface TextFieldProps extends BaseProps {
  type?: 'text' | 'email' | 'password' | 'number' | 'search' | 'date' | 'time';
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  step?: string;
  /** A number, or a `YYYY-MM-DD` / `HH:MM` bound for date and time inputs. */
  min?: number | string;
  max?: number | string;
}

/** A labelled input wired to react-hook-form, with hint and error announced to assistive tech. */
export function TextField({
  label,
  registration,
  hint,
  error,
  className,
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        {...input}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends BaseProps {
  rows?: number;
  maxLength?: number;
}

export function TextAreaField({
  label,
  registration,
  hint,
  error,
  className,
  ...rest
}: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        rows={rest.rows ?? 4}
        required={rest.required}
        maxLength={rest.maxLength}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends BaseProps {
  options: readonly SelectOption[];
  /** A first, empty choice ("Choose…"). */
  placeholder?: string;
}

export function SelectField({
  label,
  registration,
  hint,
  error,
  className,
  options,
  placeholder,
  required,
}: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        required={required}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ label, registration, hint, error, className }: BaseProps) {
  const id = useId();
  return (
    <div className={['field', 'field--checkbox', className ?? ''].join(' ').trim()}>
      <input
        id={id}
        type="checkbox"
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
