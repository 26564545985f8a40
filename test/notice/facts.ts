import type { PolicyDocument } from '../../policy-schemas/index.js';
import { MONEY, date, money, percent } from '../../policy-schemas/format.js';

/*
 * The facts of a document that its notice must carry: each amount (as the notice prints yuan), each
 * date (in the one Chinese format the notice uses), each count, percent and other figure, each roster
 * name and every piece of Chinese text. Collected by walking the document itself, so a field the
 * renderer forgets makes the tests fail. Annotations (notes, counting notes, the reasons of stacking and
 * age rules, conventions) belong to the annotated view only; clause references are not text of the
 * notice. Pure: the console's tests read it too.
 */

export interface Fact {
  path: string;
  text: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CJK = /[\u3400-\u9fff]/;
/** Not part of the notice: the encoders' English reasoning, clause references, the shape's own markers. */
const NEVER = new Set(['conventions', 'clause', 'schemaVersion', 'seq', 'unstated', 'at']);
/** Remarks stored with rules: shown in the annotated view, never in the issued notice. */
export const ANNOTATION_KEYS = new Set(['notes', 'countingNote']);
/** Paths whose `note` is a remark (the reasons of a reading), not words of the rule. */
const ANNOTATION_NOTE_PARENTS = new Set(['stacking', 'ageRule']);
/** ASCII strings that are facts of the notice (phone numbers, printed rates, identity codes). */
const ASCII_FACT_PARENTS = new Set(['phones', 'officialCodes']);

export function factsOf(doc: PolicyDocument, view: 'issued' | 'annotated' = 'issued'): Fact[] {
  const out: Fact[] = [];
  const walk = (v: unknown, path: string[]) => {
    const key = path[path.length - 1] ?? '';
    const parent = path[path.length - 2] ?? '';
    const where = path.join('.');
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (NEVER.has(k)) continue;
        const annotation = ANNOTATION_KEYS.has(k) || (k === 'note' && ANNOTATION_NOTE_PARENTS.has(key));
        // a rule the notice does not state (no clause) is a reading: annotated view only
        const unstatedRule = (k === 'stacking' || k === 'ageRule') && (x as { clause: string | null }).clause === null;
        if ((annotation || unstatedRule) && view === 'issued') continue;
        walk(x, [...path, k]);
      }
    } else if (typeof v === 'number') {
      if (/Fen$/.test(key)) out.push({ path: where, text: money(v, MONEY.notice) });
      else if (key === 'percent' || key === 'targetPercent' || parent === 'enrollmentRate' || parent === 'activationRate')
        out.push({ path: where, text: percent(v) });
      else out.push({ path: where, text: String(v) });
    } else if (typeof v === 'string') {
      if (ISO_DATE.test(v)) out.push({ path: where, text: date(v) });
      else if (CJK.test(v) || key === 'ratePrinted' || ASCII_FACT_PARENTS.has(parent)) out.push({ path: where, text: v });
    }
  };
  walk(doc, []);
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Facts of the document that the text lacks, as `path → text`. */
export function missingFacts(doc: PolicyDocument, text: string, view: 'issued' | 'annotated' = 'issued'): string[] {
  const hay = squash(text);
  return factsOf(doc, view)
    .filter((f) => !hay.includes(squash(f.text)))
    .map((f) => `${f.path} → ${f.text}`);
}

/** Annotation markers that must never be in the issued notice: 〔一（一）〕, 〔约定：…〕, （注：…）. */
export const MARKERS = /〔[一二三四五六七八九十]+（|〔约定|〔序言〕|〔附件|（注：|〔[一二三四五六七八九十]+〕/;

/** The section headings of 石狮市 2025's notice as its source (狮政办规〔2024〕5号) titles them: eight, in order. */
export const SHISHI_2025_SECTIONS = ['一、参保范围', '二、参保缴费时间', '三、筹资标准及资金来源', '四、个人缴费减免对象', '五、参保登记', '六、缴费渠道', '七、工作要求', '八、其他'];

/** Text of HTML or XML with its character references decoded (those the renderers write). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}
