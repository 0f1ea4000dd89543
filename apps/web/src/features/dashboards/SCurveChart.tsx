import type { SCurve } from '../../api/dashboards.ts';
import { formatDate } from '../../design/format.ts';
import { Legend, XYChart } from './charts.tsx';
import { FigureDetails } from './DataTable.tsx';
import { exportName, money, monthLabel, weekLabel } from './dashboard-model.ts';

/** Cumulative PV, EV and AC per period, the status date marked, with its figures as a table. */
export function SCurveChart({ curve, currency, name }: { curve: SCurve; currency: string; name: string }) {
  const label = (start: string) => (curve.granularity === 'month' ? monthLabel(start) : weekLabel(start));
  const labels = curve.points.map((p) => label(p.start));
  return (
    <figure className="dash-figure">
      <XYChart
        title={`S-curve of ${name}: cumulative planned value, earned value and actual cost per ${curve.granularity}, status date ${formatDate(curve.statusDate)}`}
        labels={labels}
        lines={[
          { label: 'Planned value (PV)', tone: 's1', values: curve.points.map((p) => p.pv), dashed: true },
          { label: 'Earned value (EV)', tone: 's3', values: curve.points.map((p) => p.ev) },
          { label: 'Actual cost (AC)', tone: 's2', values: curve.points.map((p) => p.ac) },
        ]}
        format={(v) => money(v, currency)}
        maxLabels={8}
        marker={curve.statusIndex}
        markerLabel={`Status date ${formatDate(curve.statusDate)}`}
      />
      <Legend
        series={[
          { label: 'Planned value (PV), dashed', tone: 's1', line: true },
          { label: 'Earned value (EV)', tone: 's3', line: true },
          { label: 'Actual cost (AC)', tone: 's2', line: true },
        ]}
      />
      <FigureDetails
        caption={`S-curve figures of ${name}`}
        fileName={exportName('s-curve', curve.statusDate)}
        what="the S-curve"
        table={{
          columns: [
            { key: 'start', label: curve.granularity === 'month' ? 'Month' : 'Week of', kind: 'date' },
            { key: 'pv', label: 'PV', kind: 'money' },
            { key: 'ev', label: 'EV', kind: 'money' },
            { key: 'ac', label: 'AC', kind: 'money' },
          ],
          rows: curve.points.map((p) => ({
            start: p.start,
            pv: p.pv / 100,
            ev: p.ev === null ? null : p.ev / 100,
            ac: p.ac === null ? null : p.ac / 100,
          })),
        }}
      />
    </figure>
  );
}
