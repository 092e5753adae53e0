import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { Dialog } from '../dialog';

function Opener({ withInitialFocus = false }: { withInitialFocus?: boolean }) {
  const [open, setOpen] = useState(false);
  const safe = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir
      </button>
      {open ? (
        <Dialog
          title="Choisir"
          description={<p>Une seule réponse.</p>}
          onClose={() => setOpen(false)}
          initialFocus={withInitialFocus ? safe : undefined}
          actions={
            <>
              <button ref={safe} type="button" onClick={() => setOpen(false)}>
                Annuler
              </button>
              <button type="button">Valider</button>
            </>
          }
        >
          <fieldset>
            <legend>Couleur</legend>
            <input type="radio" id="c-red" name="colour" defaultChecked />
            <label htmlFor="c-red">Rouge</label>
            <input type="radio" id="c-blue" name="colour" />
            <label htmlFor="c-blue">Bleu</label>
          </fieldset>
        </Dialog>
      ) : null}
    </>
  );
}

describe(Dialog.name, () => {
  it('should be a modal dialog named by its title and described by its text', async () => {
    render(<Opener />);
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    const dialog = screen.getByRole('dialog', { name: 'Choisir' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('Une seule réponse.');
  });

  it('should focus its first control and keep Tab and Shift+Tab inside', async () => {
    render(<Opener />);
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    const red = screen.getByLabelText('Rouge');
    const validate = screen.getByRole('button', { name: 'Valider' });
    expect(document.activeElement).toBe(red);
    // The radio group is one stop; Shift+Tab from the first stop goes to the last.
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(validate);
    await userEvent.tab();
    expect(document.activeElement).toBe(red);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Annuler' }));
  });

  it('should focus the control it is told to, close on Escape and give the focus back', async () => {
    render(<Opener withInitialFocus />);
    const opener = screen.getByRole('button', { name: 'Ouvrir' });
    await userEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Annuler' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('should give the focus back when a button inside closes it', async () => {
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Ouvrir' });
    await userEvent.click(opener);
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
