import { useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SideNav } from './SideNav.tsx';
import { TopBar } from './TopBar.tsx';

export function AppLayout() {
  const location = useLocation();
  // On narrow screens the navigation is a drawer, open only for the page it was opened on:
  // going anywhere closes it.
  const [navOpenAt, setNavOpenAt] = useState<string | null>(null);
  const navOpen = navOpenAt === location.key;
  return (
    <div className="shell">
      <TopBar navOpen={navOpen} onToggleNav={() => setNavOpenAt(navOpen ? null : location.key)} />
      <SideNav open={navOpen} />
      <main className="content" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
