import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { ApiErrorAlert } from './api-error-alert';

export interface DownloadCardProps {
  title: string;
  description: string;
  button: string;
  pending: string;
  /** Said once saved, with the file's name. */
  done: (filename: string) => string;
  /** Fetches and saves the file; resolves with its name. */
  download: () => Promise<string>;
  /** Fields that shape the file (a month…), shown above the button. */
  children?: ReactNode;
}

/** A staff-console card that downloads one file (an archive, a bulletin), with progress and errors. */
export function DownloadCard({
  title,
  description,
  button,
  pending,
  done,
  download,
  children,
}: DownloadCardProps) {
  const run = useMutation({ mutationFn: download });
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p>{description}</p>
      {children}
      {run.isError ? <ApiErrorAlert error={run.error} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={run.isPending}
        aria-busy={run.isPending}
        onClick={() => run.mutate()}
      >
        {run.isPending ? pending : button}
      </button>
      <p role="status" aria-live="polite">
        {run.isSuccess ? done(run.data) : ''}
      </p>
    </section>
  );
}
