import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  describedText,
  mockFetch,
  pathOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { getAccessToken, setAccessToken } from '../../../lib/api-client';
import { DeleteAccountPanel } from '../components/delete-account-panel';
import { ExportDataPanel } from '../components/export-data-panel';

const exported = {
  exportedAt: '2026-12-02T08:00:00.000Z',
  user: { id: 'u-1', email: 'alice@example.test', displayName: 'Alice' },
  listings: [],
  exchanges: [],
  messages: [],
  reviewsAbout: [],
  reviewsBy: [],
  notifications: [],
  alerts: [],
  attestation: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln',
};

describe(ExportDataPanel.name, () => {
  it('should download the export as a dated JSON file', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: exported }));
    let saved: Blob | undefined;
    const createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });

    renderWithProviders(<ExportDataPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger mes données' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Fichier téléchargé : partagora-export-2026-12-02.json',
      ),
    );
    expect(calls.map((c) => `${c.method} ${pathOf(c.url)}`)).toEqual(['GET /api/v1/me/export']);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('partagora-export-2026-12-02.json');
    expect(clicked[0]!.href).toBe('blob:export');
    expect(JSON.parse(await saved!.text())).toEqual(exported);
  });
});

describe(DeleteAccountPanel.name, () => {
  it('should explain what is erased and what stays in a labelled dialog, and give focus back when cancelled', async () => {
    mockFetch(() => ({ status: 500 }));
    renderWithProviders(<DeleteAccountPanel onDeleted={jest.fn()} />);
    const trigger = screen.getByRole('button', { name: 'Supprimer mon compte' });
    await userEvent.click(trigger);

    const dialog = screen.getByRole('dialog', { name: 'Supprimer définitivement votre compte ?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(describedText(dialog)).toMatch(/votre adresse e-mail, votre nom et votre domicile/);
    expect(describedText(dialog)).toMatch(/attribués à un ancien membre/);
    const password = screen.getByLabelText('Votre mot de passe, pour confirmer');
    expect(document.activeElement).toBe(password);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await userEvent.click(trigger);
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('should ask for the password, and say so when it is wrong without signing out or retrying', async () => {
    setAccessToken('token-1');
    const { calls } = mockFetch((call) =>
      call.method === 'DELETE' ? apiError(401, 'INVALID_CREDENTIALS') : { status: 500 },
    );
    const onDeleted = jest.fn();
    renderWithProviders(<DeleteAccountPanel onDeleted={onDeleted} />);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer mon compte' }));

    await userEvent.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));
    expect(calls).toHaveLength(0);
    const password = screen.getByLabelText('Votre mot de passe, pour confirmer');
    expect(password.getAttribute('aria-invalid')).toBe('true');

    await userEvent.type(password, 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));
    await waitFor(() => expect(describedText(password)).toBe('⚠ Mot de passe incorrect.'));
    expect(calls.map((c) => `${c.method} ${pathOf(c.url)}`)).toEqual(['DELETE /api/v1/me']);
    expect(calls[0]!.body).toEqual({ password: 'wrong password' });
    expect(getAccessToken()).toBe('token-1');
    expect(onDeleted).not.toHaveBeenCalled();
  });
});
