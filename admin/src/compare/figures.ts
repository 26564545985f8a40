/*
 * The key figures of two versions side by side (fees, surcharge, windows), for orientation above the
 * list of changes. Pure: the page fetches `policyVersion(id)` with FIGURES_FIELDS and renders the rows.
 */

import { dateRangeText, dateText, moneyText, optionText, statusText, waitingText, type Lang } from '../format';
import type { VersionHeader } from '../versions/types';

export const FIGURES_FIELDS = `id year status title documentNumber issuedOn jurisdiction { name }
  fees { individual government governmentBasis totalFinancing lateSurcharge { from amountDue } }
  windows { code kind name from to benefitStart waiting { kind days months nthMonth } }`;

export interface VersionFigures extends VersionHeader {
  fees: {
    individual: string;
    government: string;
    governmentBasis: string;
    totalFinancing: string | null;
    lateSurcharge: { from: string; amountDue: string } | null;
  };
  windows: {
    code: string;
    kind: string;
    name: string;
    from: string;
    to: string;
    benefitStart: string;
    waiting: { kind: string; days: number | null; months: number | null; nthMonth: number | null };
  }[];
}

type Tr = (zh: string, en: string) => string;

export interface FigureRow {
  label: string;
  a: string;
  b: string;
  /** The two sides differ. */
  differs: boolean;
}

/** Rows of key figures for versions a and b (either may still be loading: null). Windows are matched by code. */
export function figureRows(a: VersionFigures | null, b: VersionFigures | null, tr: Tr, lang: Lang = 'zh'): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (label: string, f: (v: VersionFigures) => string) => {
    const x = a ? f(a) : '';
    const y = b ? f(b) : '';
    rows.push({ label, a: x, b: y, differs: !!a && !!b && x !== y });
  };
  const yuan = (m: string | null) => (m === null ? '—' : moneyText(m));
  add(tr('统筹地区', 'Jurisdiction'), (v) => v.jurisdiction.name);
  add(tr('待遇年度', 'Coverage year'), (v) => String(v.year));
  add(tr('状态', 'Status'), (v) => statusText(v.status, lang));
  add(tr('文号', 'Document number'), (v) => v.documentNumber);
  add(tr('发文日期', 'Issued on'), (v) => dateText(v.issuedOn, lang));
  add(tr('个人缴费标准', 'Individual fee'), (v) => yuan(v.fees.individual));
  add(tr('财政补助标准', 'Government subsidy'), (v) =>
    `${v.fees.governmentBasis === 'FLOOR' ? tr('不低于', 'at least ') : ''}${yuan(v.fees.government)}`,
  );
  add(tr('筹资总额', 'Total financing'), (v) => yuan(v.fees.totalFinancing));
  add(tr('补缴加收', 'Late surcharge'), (v) =>
    v.fees.lateSurcharge
      ? tr(`${dateText(v.fees.lateSurcharge.from)}起应缴${yuan(v.fees.lateSurcharge.amountDue)}`, `from ${dateText(v.fees.lateSurcharge.from, lang)}: ${yuan(v.fees.lateSurcharge.amountDue)}`)
      : tr('无', 'none'),
  );
  // windows: in a's order, then b's windows that a lacks
  const codes: string[] = [];
  for (const v of [a, b]) for (const w of v?.windows ?? []) if (!codes.includes(w.code)) codes.push(w.code);
  for (const code of codes) {
    const wa = a?.windows.find((w) => w.code === code);
    const wb = b?.windows.find((w) => w.code === code);
    const name = (wb ?? wa)!.name;
    const text = (w: VersionFigures['windows'][number] | undefined) => {
      if (!w) return tr('（无此缴费期）', '(no such window)');
      const startText = optionText('windows.benefitStart', w.benefitStart, lang);
      const waiting = w.waiting.kind === 'NONE' ? '' : `，${waitingText(w.waiting, lang)}`;
      return `${dateRangeText(w.from, w.to, lang)}；${tr('待遇起始', 'benefits from')}：${startText}${waiting}`;
    };
    const x = a ? text(wa) : '';
    const y = b ? text(wb) : '';
    rows.push({ label: `${tr('缴费期', 'Window')}「${name}」`, a: x, b: y, differs: !!a && !!b && x !== y });
  }
  return rows;
}
