import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession, useSignedInSession } from './session-context.ts';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/** The avatar button in the top bar, opening My account and Sign out. */
export function UserMenu() {
  const session = useSignedInSession();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        triggerRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    rootRef.current?.querySelector<HTMLElement>('.user-menu__item')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="user-menu__trigger"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(session.user.name)}
        </span>
        <span className="visually-hidden">Account menu for {session.user.name}</span>
        <span aria-hidden="true" className="subtle">
          ▾
        </span>
      </button>
      {open && (
        <div className="user-menu__popover" id={menuId}>
          <div className="user-menu__who">
            <p className="user-menu__name">{session.user.name}</p>
            <p className="user-menu__email">{session.user.email}</p>
          </div>
          <Link className="user-menu__item" to="/account" onClick={() => setOpen(false)}>
            My account
          </Link>
          <button
            type="button"
            className="user-menu__item"
            onClick={async () => {
              setOpen(false);
              await signOut();
              navigate('/sign-in', { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
