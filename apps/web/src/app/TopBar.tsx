import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Input } from '../design/Input.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

export function TopBar({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav: () => void }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const currentQ = location.pathname === '/projects' ? (params.get('q') ?? '') : '';
  const [q, setQ] = useState(currentQ);
  useEffect(() => setQ(currentQ), [currentQ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = q.trim();
    navigate(text ? `/projects?q=${encodeURIComponent(text)}` : '/projects');
  };

  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <button
        type="button"
        className="topbar__menu"
        aria-expanded={navOpen}
        aria-controls="main-nav"
        onClick={onToggleNav}
      >
        <span aria-hidden="true">☰</span>
        <span className="visually-hidden">Navigation</span>
      </button>
      <Link to="/" className="topbar__brand" aria-label="Baton home">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span aria-hidden="true">Baton</span>
      </Link>
      <search className="topbar__search">
        <form onSubmit={submit}>
          <label htmlFor="global-search" className="visually-hidden">
            Search projects
          </label>
          <span className="topbar__search-icon" aria-hidden="true">
            ⌕
          </span>
          <Input
            id="global-search"
            type="search"
            placeholder="Search projects by code, name or description…"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
        </form>
      </search>
      <div className="topbar__end">
        <NotificationBell />
        <UserMenu />
      </div>
    </header>
  );
}
