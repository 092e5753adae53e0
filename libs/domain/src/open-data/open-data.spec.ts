import {
  csvField,
  gridCellBounds,
  gridCellId,
  gridCellPolygon,
  publishable,
  toCsv,
} from './open-data';

describe('open data grid', () => {
  it.each([
    [{ lat: 48.45, lng: -2.05 }, '4845:-137'],
    [{ lat: 48.4554, lng: -2.0503 }, '4845:-137'],
    [{ lat: 48.4075, lng: 2.7862 }, '4840:185'],
    [{ lat: -0.001, lng: 0 }, '-1:0'],
  ])('should put %o in cell %s', (point, id) => {
    expect(gridCellId(point)).toBe(id);
  });

  it('should give cell bounds that hold the point, and a closed polygon', () => {
    const p = { lat: 48.4554, lng: -2.0503 };
    const b = gridCellBounds(gridCellId(p))!;
    expect(p.lat).toBeGreaterThanOrEqual(b.south);
    expect(p.lat).toBeLessThan(b.north);
    expect(p.lng).toBeGreaterThanOrEqual(b.west);
    expect(p.lng).toBeLessThan(b.east);
    const ring = gridCellPolygon(b).coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
  });

  it('should refuse a forged cell id', () => {
    expect(gridCellBounds('1;DROP')).toBeNull();
    expect(gridCellBounds('1:2:3')).toBeNull();
  });
});

describe('publishable', () => {
  it('should leave out rows under five exchanges', () => {
    const rows = [{ exchanges: 4 }, { exchanges: 5 }, { exchanges: 12 }];
    expect(publishable(rows)).toEqual([{ exchanges: 5 }, { exchanges: 12 }]);
  });
});

describe('toCsv', () => {
  it('should escape as RFC 4180 says, with CRLF line ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(4.5)).toBe('4.5');
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 1],
          ['Café', null],
        ],
      ),
    ).toBe('a,b\r\n"x,y",1\r\nCafé,\r\n');
  });
});
