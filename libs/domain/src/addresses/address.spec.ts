import { housenumberKey, normaliseAddressText, parseAddressQuery } from './address';
import { parseBanCsv } from './ban-csv';

describe('normaliseAddressText', () => {
  it.each([
    ["Rue de l'Apport", 'rue de l apport'],
    ['Place Du Guesclin', 'place du guesclin'],
    ['Rue de la Côte-Saint-Jacques', 'rue de la cote saint jacques'],
    ['  ÉGLISE   Saint-Malo ', 'eglise saint malo'],
    ['Rue du Cœur', 'rue du coeur'],
  ])('should fold %s', (input, folded) => {
    expect(normaliseAddressText(input)).toBe(folded);
  });
});

describe('parseAddressQuery', () => {
  it.each([
    ["12 rue de l'Apport", { housenumber: '12', text: 'rue de l apport' }],
    ['12 bis rue Thiers', { housenumber: '12 bis', text: 'rue thiers' }],
    ['12b rue Thiers', { housenumber: '12 bis', text: 'rue thiers' }],
    ['4, avenue Aristide Briand', { housenumber: '4', text: 'avenue aristide briand' }],
    ['Grande Rue', { housenumber: null, text: 'grande rue' }],
    ['007 rue', { housenumber: '7', text: 'rue' }],
  ])('should read %s', (q, expected) => {
    expect(parseAddressQuery(q)).toEqual(expected);
  });

  it('should key repetition indexes like the import does', () => {
    expect(housenumberKey('12', 'bis')).toBe('12 bis');
    expect(housenumberKey('012', '')).toBe('12');
    expect(housenumberKey('3', 'T')).toBe('3 ter');
  });
});

describe('parseBanCsv', () => {
  const header =
    'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles';
  const line = (
    id: string,
    numero: string,
    rep: string,
    voie: string,
    lon: number,
    lat: number,
    insee = '22050',
  ) =>
    `${id};${id.split('_').slice(0, 2).join('_')};${numero};${rep};${voie};22100;${insee};Dinan;;;0;0;${lon};${lat};entrée;;;DINAN;X;commune;commune;1;`;

  it('should read house numbers and derive one street row at their centroid', () => {
    const csv = [
      header,
      line('22050_0010_00001', '1', '', "Rue de l'Apport", -2.04, 48.45),
      line('22050_0010_00003', '3', 'bis', "Rue de l'Apport", -2.06, 48.47),
      line('22050_0020_00002', '2', '', '"Place; Duclos"', -2.05, 48.46),
    ].join('\n');
    const { addresses, skipped } = parseBanCsv(csv, '22050');
    expect(skipped).toBe(0);
    expect(addresses.filter((a) => a.kind === 'housenumber')).toHaveLength(3);
    expect(addresses[1]).toMatchObject({
      housenumber: '3 bis',
      label: "3 bis Rue de l'Apport, 22100 Dinan",
    });
    const street = addresses.find((a) => a.banId === '22050_0010')!;
    expect(street.kind).toBe('street');
    expect(street.location.lat).toBeCloseTo(48.46, 6);
    expect(street.location.lng).toBeCloseTo(-2.05, 6);
    expect(addresses.find((a) => a.banId === '22050_0020')!.street).toBe('Place; Duclos');
  });

  it('should skip lines of another town, without coordinates or with placeholder numbers', () => {
    const csv = [
      header,
      line('22050_0010_00001', '1', '', 'Rue A', -2.04, 48.45, '22051'),
      line('22050_0010_00002', '2', '', 'Rue A', Number.NaN, 48.45),
      line('22050_0010_99999', '99999', '', 'Rue A', -2.04, 48.45),
      line('22050_0010_00004', '4', '', 'Rue A', -2.04, 48.45),
    ].join('\r\n');
    const { addresses, skipped } = parseBanCsv(csv, '22050');
    expect(skipped).toBe(3);
    expect(addresses.map((a) => a.banId)).toEqual(['22050_0010_00004', '22050_0010']);
  });

  it('should refuse a file without the BAN columns', () => {
    expect(() => parseBanCsv('a;b;c\n1;2;3', '22050')).toThrow(/Not a BAN file/);
  });
});
