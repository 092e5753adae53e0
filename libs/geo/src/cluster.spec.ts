import { clusterCellDegrees } from './cluster';

describe(clusterCellDegrees.name, () => {
  it.each<[number, number]>([
    [0, 90],
    [1, 45],
    [10, 360 / 1024 / 4],
    [15, 360 / 2 ** 15 / 4],
    [22, 360 / 2 ** 22 / 4],
    [12.5, 360 / 2 ** 12.5 / 4],
    [-3, 90],
    [30, 360 / 2 ** 22 / 4],
    [Number.POSITIVE_INFINITY, 360 / 2 ** 22 / 4],
  ])('should give a quarter tile at zoom %d', (zoom, degrees) => {
    expect(clusterCellDegrees(zoom)).toBeCloseTo(degrees, 15);
  });

  it('should halve the cell at each zoom level', () => {
    for (let z = 0; z < 22; z += 1) {
      expect(clusterCellDegrees(z + 1)).toBeCloseTo(clusterCellDegrees(z) / 2, 15);
    }
  });

  it('should throw a RangeError on NaN', () => {
    expect(() => clusterCellDegrees(Number.NaN)).toThrow(RangeError);
  });
});
