import type { ExportColumn } from '../../api/exports.ts';

/** The earned-value columns every EVM table shows and exports (money in major units). */
export const EVM_COLUMNS: ExportColumn[] = [
  { key: 'bac', label: 'BAC', kind: 'money' },
  { key: 'pv', label: 'PV', kind: 'money' },
  { key: 'ev', label: 'EV', kind: 'money' },
  { key: 'ac', label: 'AC', kind: 'money' },
  { key: 'sv', label: 'SV', kind: 'money' },
  { key: 'cv', label: 'CV', kind: 'money' },
  { key: 'spi', label: 'SPI', kind: 'number' },
  { key: 'cpi', label: 'CPI', kind: 'number' },
  { key: 'eac', label: 'EAC', kind: 'money' },
  { key: 'etc', label: 'ETC', kind: 'money' },
  { key: 'vac', label: 'VAC', kind: 'money' },
  { key: 'tcpi', label: 'TCPI', kind: 'number' },
  { key: 'eacMethod', label: 'EAC method' },
];

type Figures = {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: number;
  etc: number;
  vac: number;
  tcpi: number | null;
  eacMethod: string;
};

/** A row of EVM figures for a table or an export: money in major units, indices as they are. */
export function evmRow(f: Figures) {
  const m = (v: number) => v / 100;
  return {
    bac: m(f.bac),
    pv: m(f.pv),
    ev: m(f.ev),
    ac: m(f.ac),
    sv: m(f.sv),
    cv: m(f.cv),
    spi: f.spi,
    cpi: f.cpi,
    eac: m(f.eac),
    etc: m(f.etc),
    vac: m(f.vac),
    tcpi: f.tcpi,
    eacMethod: f.eacMethod,
  };
}
