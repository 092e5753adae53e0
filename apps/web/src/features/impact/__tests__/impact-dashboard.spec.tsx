import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  type FakeCall,
  mockFetch,
  pathOf,
  queryOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { ImpactDashboard } from '../components/impact-dashboard';

// Leaflet and canvas are not the subject here: the map is a plain region, uPlot a spy.
jest.mock('../../../components/map/base-map', () => ({
  BaseMap: ({ label, children }: { label: string; children?: unknown }) => (
    <div role="region" aria-label={label}>
      {children as never}
    </div>
  ),
}));
jest.mock('../map/impact-areas-layer', () => ({ ImpactAreasLayer: () => null }));
const plots: Array<{ data: unknown[] }> = [];
jest.mock('uplot', () => ({
  __esModule: true,
  default: class {
    constructor(_opts: unknown, data: unknown[]) {
      plots.push({ data });
    }
    destroy() {}
  },
}));

const impact = {
  municipality: { slug: 'dinan', name: 'Dinan' },
  from: '2025-12-01T00:00:00.000Z',
  to: '2026-12-02T10:00:00.000Z',
  members: 40,
  activeMembers: 23,
  exchanges: { loan: 30, gift: 6, swap: 2, answer: 1, total: 39 },
  itemsLent: 12,
  itemsGiven: 6,
  moneySavedEur: 612,
  wasteAvoidedKg: 48.5,
  co2eAvoidedKg: 310.2,
  factors: [
    {
      category: 'tools',
      itemKg: 2.5,
      itemCo2eKg: 25,
      hireEur: 15,
      secondHandEur: 20,
      moneySavedPerLoanEur: 15,
      moneySavedPerGiftEur: 20,
      wasteKgPerLoan: 0.3,
      wasteKgPerGift: 2.5,
      co2eKgPerLoan: 2.5,
      co2eKgPerGift: 15,
      estimate: true,
      source: 'Typical object: a corded drill. Footprint: ADEME, Impact CO2.',
    },
  ],
  method: { loanAvoidedPurchaseShare: 0.1, reuseSubstitutionRate: 0.6, note: '…' },
  monthly: [
    { month: '2026-10', loan: 12, gift: 2, swap: 1, answer: 0, total: 15 },
    { month: '2026-11', loan: 18, gift: 4, swap: 1, answer: 1, total: 24 },
  ],
  areas: {
    minimumCount: 5,
    grid: { latStepDeg: 0.01, lngStepDeg: 0.015 },
    cells: [
      {
        id: '4845:-137',
        exchanges: 21,
        bounds: { south: 48.45, west: -2.055, north: 48.46, east: -2.04 },
      },
    ],
    neighbourhoods: [
      {
        id: 'n1',
        name: 'Le Port',
        exchanges: 17,
        geometry: { type: 'MultiPolygon', coordinates: [] },
      },
    ],
  },
};

function api(calls: FakeCall[] = []) {
  return (call: FakeCall) => {
    calls.push(call);
    if (pathOf(call.url) === '/api/v1/municipalities/dinan/impact')
      return { status: 200, body: impact };
    return { status: 404 };
  };
}

describe(ImpactDashboard.name, () => {
  beforeEach(() => {
    plots.length = 0;
  });

  it('should show the key figures, the monthly chart with its table, and the areas in French', async () => {
    mockFetch(api());
    renderWithProviders(
      <ImpactDashboard slug="dinan" townName="Dinan" centre={{ lat: 48.45, lng: -2.05 }} />,
    );
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Impact du partage à Dinan' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    const figures = await screen.findByRole('region', { name: 'Chiffres clés' }, { timeout: 5000 });
    const text = figures.textContent ?? '';
    expect(text).toContain('Membres actifs');
    expect(text).toContain('23');
    expect(text).toContain('612');
    expect(text).toMatch(/48,5\s?kg/);
    expect(text).toMatch(/310,2\s?kg CO2e/);
    const table = screen.getByRole('table', { name: 'Échanges terminés par mois et par type' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]!.textContent).toContain('novembre 2026');
    expect(rows[2]!.textContent).toContain('24');
    await waitFor(() => expect(plots).toHaveLength(1));
    expect(plots[0]!.data[1]).toEqual([12, 18]);
    const areas = screen.getByRole('table', { name: 'Échanges terminés par zone' });
    expect(areas.textContent).toContain('Le Port');
    expect(areas.textContent).toContain('17');
    expect(screen.getByRole('region', { name: "Carte de l'activité à Dinan" })).toBeTruthy();
  });

  it('should ask the API for another period and show the sources on demand', async () => {
    const calls: FakeCall[] = [];
    mockFetch(api(calls));
    const user = userEvent.setup();
    renderWithProviders(
      <ImpactDashboard slug="dinan" townName="Dinan" centre={{ lat: 48.45, lng: -2.05 }} />,
    );
    await screen.findByRole('region', { name: 'Chiffres clés' }, { timeout: 5000 });
    await user.selectOptions(screen.getByLabelText('Période'), '6');
    await waitFor(() => expect(calls.length).toBe(2));
    const from6 = queryOf(calls[1]!.url).get('from')!;
    const from12 = queryOf(calls[0]!.url).get('from')!;
    expect(from6 > from12).toBe(true);
    await user.click(screen.getByRole('button', { name: /Méthode et sources/ }));
    const factors = screen.getByRole('table', { name: "Facteurs par catégorie d'objet" });
    expect(factors.textContent).toContain('Outils');
    expect(factors.textContent).toContain('ADEME');
    expect(factors.textContent).toContain('Estimation');
  });

  it('should say so when the API fails', async () => {
    mockFetch(() => ({
      status: 404,
      body: { error: { code: 'MUNICIPALITY_NOT_FOUND', message: 'x', requestId: 'r' } },
    }));
    renderWithProviders(
      <ImpactDashboard slug="dinan" townName="Dinan" centre={{ lat: 48.45, lng: -2.05 }} />,
    );
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toBeTruthy();
  });
});
