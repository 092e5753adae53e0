import { Link, useLocation } from 'react-router';
import { Icon, type IconName } from './icons';

export interface TabBarItem {
  to: string;
  label: string;
  icon: IconName;
  /** Whether this tab is the current section for `pathname` (a detail page belongs to its list). */
  matches: (pathname: string) => boolean;
}

/**
 * The main sections as a bar of icon + label links: at the bottom of the screen on phones
 * (thumb-sized, one row), in the header on wider screens (styles.css). The current section's
 * link carries `aria-current="page"`, so it is said, not only shown.
 */
export function TabBar({ items, label }: { items: readonly TabBarItem[]; label: string }) {
  const { pathname } = useLocation();
  const current = items.find((item) => item.matches(pathname));
  return (
    <nav className="tab-bar" aria-label={label}>
      <ul className="tab-bar__list">
        {items.map((item) => (
          <li key={item.to} className="tab-bar__item">
            <Link
              to={item.to}
              className="tab-bar__link"
              aria-current={item === current ? 'page' : undefined}
            >
              <Icon name={item.icon} />
              <span className="tab-bar__label">{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
