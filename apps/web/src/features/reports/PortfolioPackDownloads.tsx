import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import { downloadPortfolioPack, type PackFileFormat, type PackFilters } from '../../api/reports.ts';
import { Button } from '../../design/Button.tsx';
import { useToast } from '../../design/Toast.tsx';

export type PortfolioPackDownloadsProps = {
  /** The filters of the view the pack is downloaded from. */
  filters: PackFilters;
  disabled?: boolean;
};

const FORMATS: readonly PackFileFormat[] = ['csv', 'xlsx', 'pdf'];

/**
 * "CSV", "XLSX" and "PDF" buttons that download the portfolio pack for the given filters, built by
 * the server from live figures. For any page that shows the portfolio (the pack page, dashboards).
 */
export function PortfolioPackDownloads({ filters, disabled = false }: PortfolioPackDownloadsProps) {
  const { showToast } = useToast();
  const [busy, setBusy] = useState<PackFileFormat | null>(null);
  const run = async (format: PackFileFormat) => {
    setBusy(format);
    try {
      await downloadPortfolioPack(format, filters);
    } catch (e) {
      showToast({
        title: `The ${format.toUpperCase()} portfolio pack could not be made`,
        text: describeError(e),
        tone: 'error',
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="b-export">
      <legend className="b-export__legend">Portfolio pack</legend>
      {FORMATS.map((f) => (
        <Button
          key={f}
          size="sm"
          variant="ghost"
          loading={busy === f}
          disabled={disabled || busy !== null}
          aria-label={`Download the portfolio pack as ${f.toUpperCase()}`}
          onClick={() => void run(f)}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </fieldset>
  );
}
