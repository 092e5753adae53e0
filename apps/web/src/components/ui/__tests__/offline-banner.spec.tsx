import { act, render, screen } from '@testing-library/react';
import { OfflineBanner } from '../offline-banner';

function setOnline(online: boolean) {
  jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe(OfflineBanner.name, () => {
  it('should say nothing while online', () => {
    jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<OfflineBanner />);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('should announce going offline and coming back, following the browser events', () => {
    jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<OfflineBanner />);

    setOnline(false);
    expect(screen.getByRole('status').textContent).toMatch(/Vous êtes hors ligne/);

    setOnline(true);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('should show at once when the page opens offline', () => {
    jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineBanner />);
    expect(screen.getByRole('status').textContent).toMatch(/hors ligne/);
  });
});
