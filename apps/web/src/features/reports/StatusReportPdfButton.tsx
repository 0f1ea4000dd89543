import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import { downloadStatusReportPdf } from '../../api/reports.ts';
import { Button } from '../../design/Button.tsx';
import { useToast } from '../../design/Toast.tsx';

/** "Download PDF" of one status report: narrative, reported against computed RAG, figures, review. */
export function StatusReportPdfButton({ reportId }: { reportId: string }) {
  const { showToast } = useToast();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadStatusReportPdf(reportId);
    } catch (e) {
      showToast({ title: 'The PDF could not be made', text: describeError(e), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} disabled={busy} onClick={() => void run()}>
      Download PDF
    </Button>
  );
}
