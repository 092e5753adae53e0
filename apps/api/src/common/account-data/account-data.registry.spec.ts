import { AccountDataRegistry, type ErasureStep } from './account-data.registry';

const step = (name: string, order: number): ErasureStep => ({
  name,
  order,
  erase: () => Promise.resolve(),
});

describe(AccountDataRegistry.name, () => {
  it('should run the erasure steps by order, then name, whatever the registration order', () => {
    const registry = new AccountDataRegistry();
    for (const s of [step('users', 1000), step('listings', 300), step('b', 100), step('a', 100)]) {
      registry.addErasureStep(s);
    }
    expect(registry.erasureSteps().map((s) => s.name)).toEqual(['a', 'b', 'listings', 'users']);
  });

  it('should refuse a step or a contributor registered twice', () => {
    const registry = new AccountDataRegistry();
    registry.addErasureStep(step('listings', 300));
    expect(() => registry.addErasureStep(step('listings', 10))).toThrow(/twice/);
    registry.addExportContributor({ name: 'reviews' });
    expect(() => registry.addExportContributor({ name: 'reviews' })).toThrow(/twice/);
  });
});
