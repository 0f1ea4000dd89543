import { type KeyboardEvent, useState } from 'react';

/** Tags as chips; Enter or a comma adds what was typed, Backspace on an empty box removes the last. */
export function TagInput({
  id,
  value,
  onChange,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
}: {
  id?: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const parts = raw
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0 && t.length <= 40);
    const next = [...value];
    for (const t of parts) if (!next.includes(t)) next.push(t);
    if (next.length !== value.length) onChange(next.slice(0, 30));
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && text.trim()) {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className="tag-input" aria-invalid={invalid || undefined}>
      {value.map((t) => (
        <span key={t} className="b-tag">
          {t}
          <button
            type="button"
            aria-label={`Remove tag ${t}`}
            onClick={() => onChange(value.filter((x) => x !== t))}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      ))}
      <input
        id={id}
        className="tag-input__box"
        value={text}
        placeholder={value.length === 0 ? 'Type a tag and press Enter' : 'Add tag'}
        onChange={(e) => {
          if (e.target.value.includes(',')) add(e.target.value);
          else setText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      />
    </div>
  );
}
