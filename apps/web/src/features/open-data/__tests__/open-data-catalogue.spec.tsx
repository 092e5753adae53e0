import { screen, within } from '@testing-library/react';
import { mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { OpenDataCatalogue } from '../components/open-data-catalogue';

const catalogue = {
  municipality: { slug: 'dinan', name: 'Dinan', inseeCode: '22050' },
  publisher: 'Mairie de Dinan, via Partagora',
  licence: {
    name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
    spdx: 'etalab-2.0',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  minimumCount: 5,
  grid: {
    latStepDeg: 0.01,
    lngStepDeg: 0.015,
    description: { fr: 'Grille fixe', en: 'Fixed grid' },
  },
  generatedAt: '2026-12-02T10:00:00.000Z',
  datasets: [
    {
      id: 'exchanges',
      title: { fr: 'Échanges entre voisins', en: 'Exchanges between neighbours' },
      description: { fr: 'Par mois et maille', en: 'By month and cell' },
      files: [
        {
          name: 'exchanges.csv',
          format: 'csv',
          mediaType: 'text/csv; charset=utf-8',
          url: 'http://x/exchanges.csv',
        },
      ],
      fields: [
        { name: 'month', type: 'string (YYYY-MM)', description: { fr: 'Mois', en: 'Month' } },
      ],
    },
  ],
};

describe(OpenDataCatalogue.name, () => {
  it('should document each dataset, its fields, its download links and the licence', async () => {
    mockFetch((call) =>
      pathOf(call.url) === '/api/v1/municipalities/dinan/open-data'
        ? { status: 200, body: catalogue }
        : { status: 404 },
    );
    renderWithProviders(<OpenDataCatalogue slug="dinan" townName="Dinan" />);
    const section = await screen.findByRole(
      'region',
      { name: 'Échanges entre voisins' },
      { timeout: 5000 },
    );
    const link = within(section).getByRole('link', { name: 'Télécharger exchanges.csv (CSV)' });
    expect(link.getAttribute('href')).toBe('/api/v1/municipalities/dinan/open-data/exchanges.csv');
    const fields = within(section).getByRole('table', {
      name: 'Champs du jeu « Échanges entre voisins »',
    });
    expect(fields.textContent).toContain('month');
    expect(fields.textContent).toContain('Mois');
    expect(screen.getByRole('link', { name: /Licence Ouverte/ }).getAttribute('href')).toContain(
      'etalab.gouv.fr',
    );
    expect(screen.getByText(/moins de 5 échanges est omise/)).toBeTruthy();
  });
});
