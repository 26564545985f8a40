import type { PolicyDocument } from '../../document.js';
import { sectionOf } from '../clause.js';
import type { NoticeContext, SectionBuilder, Statement } from '../statement.js';
import { benefitWords, conditionWords, day } from '../words.js';

type Category = PolicyDocument['categories'][number];

/** The clause near which a rule about all categories is shown when the notice gives it none: their section. */
export function categoriesClause(doc: PolicyDocument): string | null {
  const first = doc.categories[0]?.clause ?? doc.categoryLists[0]?.clause;
  return first ? sectionOf(first) ?? first : null;
}

function categoryText(c: Category, { doc, byCode }: NoticeContext): string {
  const cond = c.conditions.length ? `适用条件：${c.conditions.map(conditionWords).join('；或')}。` : '';
  const codes = c.officialCodes.length ? `身份代码：${c.officialCodes.join('、')}。` : '';
  const ends = c.endsWhen.length ? `有下列情形的不再享受：${c.endsWhen.join('；')}。` : '';
  return `${c.name}：由${c.agency}认定，${benefitWords(c, doc, byCode)}；资金来源：${c.fundSource.label}。${cond}${ends}${codes}`;
}

/** 资助参保对象: the printed lists, each category with its agency, benefit and fund, the stacking rule and the age reference date. */
export const categories: SectionBuilder = (ctx) => {
  const { doc, year, byCode } = ctx;
  const out: Statement[] = [];
  doc.categoryLists.forEach((l, i) =>
    out.push({
      path: `categoryLists[${i}]`,
      clause: l.clause,
      notes: l.countingNote ? [l.countingNote] : [],
      text: `${l.label}${l.declaredCount !== null ? `（共${l.declaredCount}种）` : ''}：`,
    }),
  );
  doc.categories.forEach((c, i) => out.push({ path: `categories[${i}]`, clause: c.clause, notes: c.notes, text: categoryText(c, ctx) }));
  if (!doc.categories.length) return out;

  const near = categoriesClause(doc);
  const s = doc.stacking;
  const words =
    s.rule === 'single-most-favourable'
      ? '同时符合多类资助条件的，只享受其中一种资助，按对本人最有利的一种执行。'
      : s.rule === 'highest'
        ? '同时具有多重资助身份的，按就高原则享受一种资助，不得重复享受。'
        : `特殊身份按以下顺序依次导入系统，后导入的身份覆盖先导入的身份，以最后匹配的身份确定资助标准和资金来源：${s.order.map((c) => byCode.get(c)?.name ?? c).join('→')}。`;
  out.push({
    path: 'stacking',
    clause: s.clause,
    near,
    place: 'closing',
    notes: s.note ? [s.note] : [],
    ...(s.convention ? { convention: '通知未规定同时符合多类资助条件时的处理，采用本处理' } : {}),
    text: words,
  });

  // Stated even where no category has an age condition: the reference date is a setting of the policy.
  const hasAge = doc.categories.some((c) => c.conditions.some((k) => k.age));
  const a = doc.ageRule;
  const on = a.referenceDate.kind === 'date' ? a.referenceDate.date : `${year - 1}-12-31`;
  out.push({
    path: 'ageRule',
    clause: a.clause,
    near,
    place: 'closing',
    notes: a.note ? [a.note] : [],
    ...(a.convention ? { convention: '通知未明确规定年龄判定日期' } : {}),
    text: `${hasAge ? '上述年龄条件' : '资助政策涉及年龄的'}以${day(on)}为准计算${a.referenceDate.kind === 'end-of-previous-year' ? '（待遇年度的上一年末）' : ''}。`,
  });
  return out;
};
