import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './Button.tsx';
import { joinClassNames } from './class-names.ts';

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** When given, the body and footer form one <form> submitted by a submit button in the footer. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** Element to focus first; defaults to the first focusable control. */
  initialFocusSelector?: string;
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> element: the rest of the page is inert while it is open,
 * Tab cycles inside it, Esc closes it, and focus returns to where it was.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  wide = false,
  onSubmit,
  initialFocusSelector,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first =
      (initialFocusSelector ? dialog.querySelector<HTMLElement>(initialFocusSelector) : null) ??
      dialog.querySelector<HTMLElement>(`.b-dialog__body ${FOCUSABLE}`) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      previouslyFocused?.focus();
    };
  }, [open, initialFocusSelector]);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  if (!open) return null;
  const inner = (
    <>
      <header className="b-dialog__header">
        <div>
          <h2 className="b-dialog__title" id={titleId}>
            {title}
          </h2>
          {description && (
            <p className="b-dialog__description" id={descriptionId}>
              {description}
            </p>
          )}
        </div>
        <Button variant="ghost" size="sm" iconOnly aria-label="Close dialog" onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </Button>
      </header>
      <div className="b-dialog__body">{children}</div>
      {footer && <footer className="b-dialog__footer">{footer}</footer>}
    </>
  );
  return (
    <dialog
      ref={ref}
      className={joinClassNames('b-dialog', wide && 'b-dialog--wide')}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={trapTab}
    >
      {onSubmit ? (
        <form
          className="b-dialog__inner"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
        >
          {inner}
        </form>
      ) : (
        <div className="b-dialog__inner">{inner}</div>
      )}
    </dialog>
  );
}
