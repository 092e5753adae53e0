import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { ReportButton } from '../components/report-button';

describe(ReportButton.name, () => {
  it('should open a labelled dialog, send the reason and comment, and thank the member', async () => {
    const { calls } = mockFetch(() => ({ status: 201, body: { id: 'r-1' } }));
    renderWithProviders(<ReportButton targetType="listing" targetId="l-1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Signaler cette annonce' }));
    const dialog = screen.getByRole('dialog', { name: 'Signaler cette annonce' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Focus moves into the dialog, on the first reason.
    expect(document.activeElement).toBe(screen.getByLabelText('Indésirable ou publicitaire'));
    await userEvent.click(screen.getByLabelText('Arnaque ou fraude'));
    await userEvent.type(
      screen.getByLabelText('Précisions (facultatif)'),
      '  Demande un acompte  ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));
    await screen.findByText('Merci, votre signalement a été transmis à la modération.');
    // The focus stays in the dialog, on its Close button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Fermer' }));
    expect(calls).toHaveLength(1);
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/reports');
    expect(calls[0]!.body).toEqual({
      targetType: 'listing',
      targetId: 'l-1',
      reason: 'fraud',
      comment: 'Demande un acompte',
    });
  });

  it('should say so when the member already reported it', async () => {
    mockFetch(() => apiError(409, 'ALREADY_REPORTED'));
    renderWithProviders(<ReportButton targetType="message" targetId="m-1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Signaler ce message' }));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Vous avez déjà signalé');
  });

  it('should close on Escape and give the focus back to the button', async () => {
    mockFetch(() => ({ status: 201, body: { id: 'r-1' } }));
    renderWithProviders(<ReportButton targetType="user" targetId="u-1" label="Signaler Léa" />);
    const button = screen.getByRole('button', { name: 'Signaler Léa' });
    await userEvent.click(button);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });
});
