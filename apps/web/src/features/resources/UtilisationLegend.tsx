import { BAND_LABELS, type UtilisationBand } from './utilisation.ts';

const SHOWN: readonly UtilisationBand[] = ['under', 'full', 'over', 'critical', 'none'];

export function UtilisationLegend() {
  return (
    <ul className="util-legend" aria-label="Colour legend">
      {SHOWN.map((band) => (
        <li key={band} className={`util--${band}`}>
          <span className="util-swatch" aria-hidden="true" />
          {BAND_LABELS[band]}
        </li>
      ))}
      <li>Cells read “utilisation · demand/capacity hours”; ▲ marks over 100 %.</li>
    </ul>
  );
}
