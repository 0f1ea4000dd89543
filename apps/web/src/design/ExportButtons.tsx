import { useState } from 'react';
import { describeError } from '../api/client.ts';
import { type ExportColumn, type ExportFormat, type ExportRow, exportTable } from '../api/exports.ts';
import { Button } from './Button.tsx';
import { useToast } from './Toast.tsx';

export type ExportButtonsProps = {
  /** The file's name without extension, e.g. "projects-2026-12-07". */
  fileName: string;
  /** What is exported, for the buttons' accessible names ("Export projects as CSV"). */
  what: string;
  columns: ExportColumn[];
  /** The rows shown, or a function fetching every row of the list (all pages). */
  rows: ExportRow[] | (() => Promise<ExportRow[]>);
  disabled?: boolean;
};

/** "CSV" and "XLSX" buttons that export a list or a dashboard table as the screen shows it. */
export function ExportButtons({ fileName, what, columns, rows, disabled = false }: ExportButtonsProps) {
  const { showToast } = useToast();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const data = typeof rows === 'function' ? await rows() : rows;
      await exportTable(format, { fileName, columns, rows: data });
    } catch (e) {
      showToast({
        title: `The ${format.toUpperCase()} export failed`,
        text: describeError(e),
        tone: 'error',
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="b-export">
      <legend className="b-export__legend">Export</legend>
      {(['csv', 'xlsx'] as const).map((f) => (
        <Button
          key={f}
          size="sm"
          variant="ghost"
          loading={busy === f}
          disabled={disabled || busy !== null}
          aria-label={`Export ${what} as ${f.toUpperCase()}`}
          onClick={() => void run(f)}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </fieldset>
  );
}
