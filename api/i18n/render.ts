import { format } from '../../policy-schemas/index.js';
import { pathLabel } from '../../policy-schemas/registry.js';
import { excerpt } from '../graphql/errors.js';
import { CATALOG, type Reason } from './catalog.js';
import { short, type Language } from './language.js';

export type Params = Readonly<Record<string, unknown>>;

const list = (v: unknown, sep: string) => (Array.isArray(v) ? v.map(String).join(sep) : String(v));

/**
 * A document path (`fees.individual.amountFen`, `categories[2].name`, `file.document.metadata.title`) by
 * its label in the registry, or the name in backticks (Chinese) or as it is (English) when it has none:
 * a GraphQL argument such as `input.paymentDate` or `username`.
 */
export function fieldName(path: string, lang: Language): string {
  if (lang === 'en') return path;
  const doc = /^(?:file\.)?document\.(.+)$/.exec(path)?.[1] ?? path;
  const label = pathLabel(doc, 'zh');
  return label ? `${label}（\`${path}\`）` : `\`${path}\``;
}

function formatted(value: unknown, kind: string | undefined, lang: Language): string {
  const zh = lang !== 'en';
  switch (kind) {
    case 'q':
      return excerpt(value);
    case 'date':
      return typeof value === 'string' ? format.date(value, zh ? 'zh' : 'iso') : String(value);
    case 'datetime':
      return value == null ? '' : format.dateTime(value as Date | string | number, zh ? 'zh' : 'iso');
    case 'money':
      return typeof value === 'number' ? format.money(value, zh ? {} : { unit: 'spaced' }) : String(value);
    case 'n':
      return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
    case 'list':
      return list(value, zh ? '、' : ', ');
    // Chinese names (of jurisdictions) are listed as Chinese lists them, in English too
    case 'names':
      return list(value, '、');
    // English names roles as the API does (drafter, approver): they are the values of `roles`
    case 'roles':
      return (Array.isArray(value) ? value : [value]).map((r) => (zh ? format.userRole(String(r), 'zh') : String(r))).join(zh ? '或' : ' or ');
    case 'rolesAnd':
      return (Array.isArray(value) ? value : [value]).map((r) => (zh ? format.userRole(String(r), 'zh') : String(r))).join(zh ? '、' : ', ');
    case 'status':
      return format.status(String(value), short(lang));
    case 'statuses':
      return (Array.isArray(value) ? value : [value]).map((s) => format.status(String(s), short(lang))).join(zh ? '或' : ' or ');
    case 'field':
      return fieldName(String(value), lang);
    case 'op':
      return zh ? `\`${String(value)}\`` : String(value);
    default:
      return value == null ? '' : String(value);
  }
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** A template of the catalog with its parameters filled in. */
export function fill(template: string, params: Params, lang: Language): string {
  return template.replace(PLACEHOLDER, (_, name: string, kind: string | undefined) => formatted(params[name], kind, lang));
}

/**
 * The message of a reason in a language. With `field` (a path of the input or the document) the message
 * starts with it, as every refusal of a field does (`paymentDate: …`, 参保缴费期（`windows[0].from`）：…);
 * with `op` (the GraphQL field refusing), with that.
 */
export function message(reason: Reason, params: Params, lang: Language): string {
  const m = CATALOG[reason];
  const body = fill(lang === 'en' ? m.en : m.zh, params, lang);
  const at = params.field ?? params.op;
  if (typeof at !== 'string' || !at) return body;
  return lang === 'en' ? `${at}: ${body}` : `${params.field ? fieldName(at, lang) : `\`${at}\``}：${body}`;
}
