import type { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '../src/database/schema-drift';
import { testDataSource } from './test-context';

describe(pendingSchemaChanges.name, () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await testDataSource();
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it('should find nothing to change: the migrations build exactly the schema the entities describe', async () => {
    const { up } = await pendingSchemaChanges(ds);
    expect(up.map((q) => q.query)).toEqual([]);
  });

  it('should have applied every migration', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });
});
