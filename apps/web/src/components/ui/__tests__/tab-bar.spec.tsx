import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { TabBar, type TabBarItem } from '../tab-bar';

const items: TabBarItem[] = [
  {
    to: '/listings',
    label: 'Annonces',
    icon: 'search',
    matches: (p) => p === '/listings' || (/^\/listings\//.test(p) && p !== '/listings/new'),
  },
  { to: '/listings/new', label: 'Publier', icon: 'plus', matches: (p) => p === '/listings/new' },
  { to: '/messages', label: 'Messages', icon: 'chat', matches: (p) => p.startsWith('/messages') },
];

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <TabBar items={items} label="Navigation principale" />
      <Routes>
        <Route path="*" element={null} />
      </Routes>
    </MemoryRouter>,
  );
}

const current = () =>
  within(screen.getByRole('navigation', { name: 'Navigation principale' }))
    .getAllByRole('link')
    .filter((a) => a.getAttribute('aria-current') === 'page')
    .map((a) => a.textContent);

describe(TabBar.name, () => {
  it('should name every tab by its visible label, the icon being decoration', () => {
    renderAt('/');
    const links = within(screen.getByRole('navigation')).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Annonces', 'Publier', 'Messages']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/listings',
      '/listings/new',
      '/messages',
    ]);
    for (const a of links) expect(a.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(current()).toEqual([]);
  });

  it('should mark exactly one current section, a detail page belonging to its list', () => {
    renderAt('/listings/abc');
    expect(current()).toEqual(['Annonces']);
  });

  it('should not mark the listings tab on the publish page', () => {
    renderAt('/listings/new');
    expect(current()).toEqual(['Publier']);
  });

  it('should move the current mark when a tab is followed', async () => {
    const user = userEvent.setup();
    renderAt('/listings');
    await user.click(screen.getByRole('link', { name: 'Messages' }));
    expect(current()).toEqual(['Messages']);
  });
});
