import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  describedText,
  mockFetch,
  pathOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { OrganisationForm } from '../components/organisation-form';

const CENTRE = { lat: 48.4554, lng: -2.0503 };

describe(OrganisationForm.name, () => {
  it('should register a shop of the member’s town and hand back its id', async () => {
    const { calls } = mockFetch(() => ({
      status: 201,
      body: { id: '33333333-3333-4333-8333-333333333333', status: 'pending' },
    }));
    const onRegistered = jest.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <OrganisationForm
        municipality="dinan"
        defaultLocation={CENTRE}
        onRegistered={onRegistered}
      />,
    );
    await user.selectOptions(screen.getByLabelText('Type'), 'association');
    await user.type(screen.getByLabelText('Nom'), 'Repair Café');
    await user.type(screen.getByLabelText('Adresse'), '2 rue du Jerzual');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    await waitFor(() =>
      expect(onRegistered).toHaveBeenCalledWith('33333333-3333-4333-8333-333333333333'),
    );
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/organisations');
    expect(calls[0]!.body).toEqual({
      municipality: 'dinan',
      kind: 'association',
      name: 'Repair Café',
      address: '2 rue du Jerzual',
      location: CENTRE,
    });
  });

  it('should refuse a missing name and a latitude out of range before sending anything', async () => {
    const { fn } = mockFetch(() => ({ status: 500 }));
    const user = userEvent.setup();
    renderWithProviders(
      <OrganisationForm municipality="dinan" defaultLocation={CENTRE} onRegistered={jest.fn()} />,
    );
    const lat = screen.getByLabelText('Latitude');
    await user.clear(lat);
    await user.type(lat, '123');
    await user.type(screen.getByLabelText('Adresse'), '2 rue du Jerzual');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    const name = screen.getByLabelText('Nom');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(lat.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(name)).not.toBe('');
    expect(fn).not.toHaveBeenCalled();
  });

  it('should put the API’s field errors on their fields', async () => {
    mockFetch(() =>
      apiError(400, 'VALIDATION_FAILED', [{ path: 'address', message: 'Too short' }]),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <OrganisationForm municipality="dinan" defaultLocation={CENTRE} onRegistered={jest.fn()} />,
    );
    await user.type(screen.getByLabelText('Nom'), 'Boulangerie');
    await user.type(screen.getByLabelText('Adresse'), '1 rue X');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    const address = screen.getByLabelText('Adresse');
    await waitFor(() => expect(address.getAttribute('aria-invalid')).toBe('true'));
  });
});
