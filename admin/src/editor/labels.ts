import { nearestLabel, pathValueLabel } from '../../../policy-schemas/registry';
import { date, money } from '../../../policy-schemas/format';
import { patternOf, type Path } from './paths';

/*
 * Labels of fields and of option values, read from the registry of policy-schemas (registry.ts), which
 * the comparison and the API's descriptions read too: a field is called the same in the form, in a
 * diff and in the API. Where a path is not the document's (an unknown key in an issue), its last key
 * is labelled as that key is elsewhere, else written out in words.
 */

export type Lang = 'zh' | 'en';

/** A camelCase key in words: `amountFen` → "Amount (yuan)", `waitingExempt` → "Waiting exempt". */
export function humanise(key: string): string {
  const fen = /Fen$/.test(key);
  const words = (fen ? key.slice(0, -3) : key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .trim();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return fen ? `${text || 'Amount'} (yuan)` : text;
}

/** The Chinese label of a path, if one is known (without falling back to the English key). */
export function chineseLabel(pattern: string): string | undefined {
  return nearestLabel(pattern, 'zh');
}

/** The label of a field: `['fees', 'individual', 'amountFen']` → 个人缴费标准 / "Individual fee". */
export function fieldLabel(path: Path, lang: Lang): string {
  const pattern = patternOf(path);
  const key = pattern.split('.').pop() ?? '';
  const label = nearestLabel(pattern, lang) ?? humanise(key);
  // an item of a list of single values: 发文机关 2
  const last = path[path.length - 1];
  return typeof last === 'number' ? `${label} ${last + 1}` : label;
}

// ---------------------------------------------------------------- option values

export function valueLabel(pattern: string, value: unknown, lang: Lang): string {
  const v = String(value);
  if (lang === 'en') return typeof value === 'string' ? (pathValueLabel(pattern, v, 'en') ?? humanise(v)) : v;
  return pathValueLabel(pattern, v, 'zh') ?? v;
}

/** Is there a Chinese label for this option value (for the tests)? */
export function hasValueLabelZh(pattern: string, value: unknown): boolean {
  return pathValueLabel(pattern, String(value), 'zh') !== undefined;
}

// ---------------------------------------------------------------- titles of list items

const TITLE_KEYS = ['name', 'label', 'title', 'term', 'topic', 'phase', 'department', 'unit', 'payer', 'fund', 'item', 'actor', 'text', 'code'];

/** The title of a card: the item's name, label, title … or its number. */
export function itemTitle(item: unknown, index: number, pattern: string, lang: Lang): string {
  const n = `${index + 1}. `;
  if (!item || typeof item !== 'object') return `${n}${item ?? ''}`;
  const o = item as Record<string, unknown>;
  if (pattern === 'leadGroup.members' && typeof o.name === 'string')
    return `${n}${valueLabel('leadGroup.members.role', o.role, lang)} ${o.name}`;
  if (pattern === 'workFunding.tiers' && typeof o.ratePerPersonFen === 'number')
    return `${n}${money(o.ratePerPersonFen, { decimals: 'trimmed', unit: 'none', grouping: false, wan: false })}${lang === 'zh' ? ' 元/人' : ' yuan per person'}`;
  if (pattern === 'specialGroups.rules' && typeof o.benefitStart === 'string')
    return `${n}${valueLabel('specialGroups.rules.benefitStart', o.benefitStart, lang)}${typeof o.clause === 'string' && o.clause ? `（${o.clause}）` : ''}`;
  if (pattern === 'refund.rules' && Array.isArray(o.reasons))
    return n + o.reasons.map((r) => valueLabel('refund.rules.reasons', r, lang)).join(lang === 'zh' ? '、' : ', ');
  if (pattern === 'fees.specialCases.charges' && typeof o.coverageYear === 'number')
    return `${n}${o.coverageYear}`;
  for (const k of TITLE_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return n + (v.length > 60 ? v.slice(0, 60) + '…' : v);
  }
  return n.replace(/\. $/, '');
}

/** What follows a card's title: the item's code (in small type), and its dates and clause, where it has them. */
export function itemSubtitle(item: unknown, lang: Lang = 'zh'): { code: string; text: string } {
  if (!item || typeof item !== 'object') return { code: '', text: '' };
  const o = item as Record<string, unknown>;
  const parts: string[] = [];
  const titled = ['name', 'label', 'title'].some((k) => typeof o[k] === 'string' && o[k]);
  const code = titled && typeof o.code === 'string' ? o.code : '';
  const day = (iso: string) => date(iso, lang === 'zh' ? 'zh' : 'iso');
  if (typeof o.from === 'string' && typeof o.to === 'string') parts.push(lang === 'zh' ? `${day(o.from)}至${day(o.to)}` : `${o.from} – ${o.to}`);
  else if (typeof o.on === 'string') parts.push(day(o.on));
  if (typeof o.clause === 'string' && o.clause) parts.push(o.clause);
  return { code, text: parts.join(' · ') };
}
