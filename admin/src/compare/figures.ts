/*
 * The key figures of two versions side by side (fees, surcharge, windows), for orientation above the
 * list of changes. Pure: the page fetches `policyVersion(id)` with FIGURES_FIELDS and renders the rows.
 */

export const FIGURES_FIELDS = `id year status title documentNumber issuedOn jurisdiction { name }
  fees { individual government governmentBasis totalFinancing lateSurcharge { from amountDue } }
  windows { code kind name from to benefitStart waiting { kind days months nthMonth } }`;

export interface VersionFigures {
  id: string;
  year: number;
  status: string;
  title: string;
  documentNumber: string;
  issuedOn: string;
  jurisdiction: { name: string };
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

/** As the console's status chips name them (admin/src/status.tsx). */
export const STATUS_NAMES: Record<string, [string, string]> = {
  DRAFT: ['草案', 'Draft'],
  IN_REVIEW: ['审核中', 'In review'],
  APPROVED: ['已审核', 'Approved'],
  PUBLISHED: ['已发布', 'Published'],
  SUPERSEDED: ['已被取代', 'Superseded'],
};

/** Status in the reader's language; accepts the enum (DRAFT) and the lower-case form (draft, in_review). */
export function statusText(status: string, tr: Tr): string {
  const n = STATUS_NAMES[status.toUpperCase()];
  return n ? tr(n[0], n[1]) : status;
}

const BENEFIT_START: Record<string, [string, string]> = {
  COVERAGE_START: ['待遇年度起始日', 'start of the coverage year'],
  PAYMENT_DAY: ['缴费当日', 'payment day'],
  DAY_AFTER_PAYMENT: ['缴费次日', 'day after payment'],
  BIRTH_DATE: ['出生之日', 'birth date'],
  FIXED_DATE: ['固定日期', 'a fixed date'],
  AFTER_WAITING: ['等待期满', 'after the waiting period'],
};

export function waitingText(w: VersionFigures['windows'][number]['waiting'], tr: Tr): string {
  switch (w.kind) {
    case 'NONE':
      return tr('无等待期', 'no waiting');
    case 'DAYS':
      return tr(`等待期${w.days}天`, `waiting ${w.days} days`);
    case 'MONTHS':
      return tr(`等待期${w.months}个月`, `waiting ${w.months} months`);
    case 'NTH_MONTH':
      return tr(`缴费当月起第${w.nthMonth}个月起享受`, `from month ${w.nthMonth} counting the payment month`);
    default:
      return w.kind;
  }
}

/** Money as printed in notices: "400.00" → "400", "390.50" → "390.50". */
export function yuanShort(money: string | null | undefined): string {
  if (money === null || money === undefined) return '—';
  return money.replace(/\.00$/, '');
}

export interface FigureRow {
  label: string;
  a: string;
  b: string;
  /** The two sides differ. */
  differs: boolean;
}

/** Rows of key figures for versions a and b (either may still be loading: null). Windows are matched by code. */
export function figureRows(a: VersionFigures | null, b: VersionFigures | null, tr: Tr): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (label: string, f: (v: VersionFigures) => string) => {
    const x = a ? f(a) : '';
    const y = b ? f(b) : '';
    rows.push({ label, a: x, b: y, differs: !!a && !!b && x !== y });
  };
  const yuan = (m: string | null) => (m === null ? '—' : `${yuanShort(m)} ${tr('元', 'CNY')}`);
  add(tr('统筹地区', 'Jurisdiction'), (v) => v.jurisdiction.name);
  add(tr('待遇年度', 'Coverage year'), (v) => String(v.year));
  add(tr('状态', 'Status'), (v) => statusText(v.status, tr));
  add(tr('文号', 'Document number'), (v) => v.documentNumber);
  add(tr('发文日期', 'Issued on'), (v) => v.issuedOn);
  add(tr('个人缴费标准', 'Individual fee'), (v) => yuan(v.fees.individual));
  add(tr('财政补助标准', 'Government subsidy'), (v) =>
    `${v.fees.governmentBasis === 'FLOOR' ? tr('不低于 ', 'at least ') : ''}${yuan(v.fees.government)}`,
  );
  add(tr('筹资总额', 'Total financing'), (v) => yuan(v.fees.totalFinancing));
  add(tr('补缴加收', 'Late surcharge'), (v) =>
    v.fees.lateSurcharge ? tr(`${v.fees.lateSurcharge.from} 起应缴 ${yuan(v.fees.lateSurcharge.amountDue)}`, `from ${v.fees.lateSurcharge.from}: ${yuan(v.fees.lateSurcharge.amountDue)}`) : tr('无', 'none'),
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
      const start = BENEFIT_START[w.benefitStart];
      const startText = start ? tr(start[0], start[1]) : w.benefitStart;
      const waiting = w.waiting.kind === 'NONE' ? '' : `，${waitingText(w.waiting, tr)}`;
      return `${w.from} – ${w.to}；${tr('待遇起始', 'benefits from')}：${startText}${waiting}`;
    };
    const x = a ? text(wa) : '';
    const y = b ? text(wb) : '';
    rows.push({ label: `${tr('缴费期', 'Window')}「${name}」`, a: x, b: y, differs: !!a && !!b && x !== y });
  }
  return rows;
}
