import { hasRole, type Role, type RoleGrant } from './user';

describe(hasRole.name, () => {
  const resident: RoleGrant = { municipality: 'dinan', role: 'resident' };
  const staff: RoleGrant = { municipality: 'dinan', role: 'staff' };
  const moderatorElsewhere: RoleGrant = {
    municipality: 'lanvallay',
    role: 'moderator',
  };
  const admin: RoleGrant = { municipality: 'dinan', role: 'admin' };

  it.each<[string, RoleGrant[], string, Role, boolean]>([
    ['no grants', [], 'dinan', 'resident', false],
    ['a resident of the town', [resident], 'dinan', 'resident', true],
    ['a resident of another town', [resident], 'lanvallay', 'resident', false],
    ['a resident asking for staff', [resident], 'dinan', 'staff', false],
    ['staff asking for resident (no hierarchy)', [staff], 'dinan', 'resident', false],
    ['staff among several grants', [resident, staff], 'dinan', 'staff', true],
    ['a moderator of another town', [moderatorElsewhere], 'dinan', 'moderator', false],
    ['a moderator of that town', [resident, moderatorElsewhere], 'lanvallay', 'moderator', true],
    ['an admin, in any town', [admin], 'lanvallay', 'moderator', true],
    ['an admin, for admin', [admin], 'saint-malo', 'admin', true],
    ['a non-admin asking for admin', [resident, staff], 'dinan', 'admin', false],
  ])('should decide %s', (_, grants, municipality, role, expected) => {
    expect(hasRole(grants, municipality, role)).toBe(expected);
  });
});
