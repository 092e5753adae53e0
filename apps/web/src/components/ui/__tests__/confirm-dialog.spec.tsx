import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../confirm-dialog';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={opener} type="button" onClick={() => setOpen(true)}>
        Supprimer
      </button>
      {open ? (
        <ConfirmDialog
          title="Supprimer l'annonce"
          confirmLabel="Supprimer"
          cancelLabel="Annuler"
          danger
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            onConfirm();
            setOpen(false);
          }}
        >
          <p>Supprimer définitivement cette annonce ?</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

describe(ConfirmDialog.name, () => {
  it('should be a named, described alert dialog with the focus on the safe choice', async () => {
    const user = userEvent.setup();
    render(<Harness onConfirm={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Supprimer' }));

    const dialog = screen.getByRole('alertdialog', { name: "Supprimer l'annonce" });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(
      document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Supprimer définitivement cette annonce ?');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));
  });

  it('should cancel with Escape, do nothing and give the focus back to the opener', async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Supprimer' });
    await user.click(opener);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('should keep Tab inside and confirm with its own button', async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Supprimer' }));
    const dialog = screen.getByRole('alertdialog');

    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));

    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
