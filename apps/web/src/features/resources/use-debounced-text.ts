import { useEffect, useState } from 'react';

/** Text typed into a box reaches `commit` (the URL) after a short pause, not on every key. */
export function useDebouncedText(value: string, commit: (v: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const t = window.setTimeout(() => commit(text), delay);
    return () => window.clearTimeout(t);
  }, [text, value, commit, delay]);
  return [text, setText] as const;
}
