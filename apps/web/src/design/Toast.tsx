import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Button } from './Button.tsx';
import { joinClassNames } from './class-names.ts';

export type ToastTone = 'info' | 'success' | 'error';
export type ToastInput = { title: string; text?: string; tone?: ToastTone };
type ToastItem = ToastInput & { id: number };

type ToastApi = { showToast: (toast: ToastInput) => void };
const ToastContext = createContext<ToastApi | null>(null);

/** Holds the toasts and announces them politely to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const showToast = useCallback(
    (toast: ToastInput) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), toast.tone === 'error' ? 8000 : 5000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ showToast }), [showToast]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="b-toasts" aria-live="polite" aria-label="Notifications">
        {toasts.map((t) => (
          <div key={t.id} className={joinClassNames('b-toast', t.tone && `b-toast--${t.tone}`)} role="status">
            <div className="b-toast__body">
              <p className="b-toast__title">{t.title}</p>
              {t.text && <p className="b-toast__text">{t.text}</p>}
            </div>
            <Button
              variant="ghost"
              size="sm"
              iconOnly
              aria-label="Dismiss notification"
              onClick={() => dismiss(t.id)}
            >
              <span aria-hidden="true">✕</span>
            </Button>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider> above it');
  return api;
}
