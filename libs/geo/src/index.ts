export * from './lat-lng';
export * from './distance';
export * from './distance-bucket';
export * from './bbox';
export * from './snap';
export * from './approximate-location';
export * from './geojson';
export * from './cluster';
