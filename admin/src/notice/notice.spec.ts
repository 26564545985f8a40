import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PolicyDocument } from '../../../policy-schemas/index';
import { MONEY, date as cnDate, money } from '../../../policy-schemas/format';
import { decodeEntities, factsOf, MARKERS, missingFacts, SHISHI_2025_SECTIONS } from '../../../test/notice/facts';
import shishi2024 from '../../../seeds/shishi-2024.json';
import shishi2025 from '../../../seeds/shishi-2025.json';
import lingyuan2022 from '../../../seeds/lingyuan-2022.json';
import meishan2024 from '../../../seeds/meishan-2024.json';
import wuhe2024 from '../../../seeds/wuhe-2024.json';
import { NoticeView } from './NoticeView';

const yuan = (fen: number) => money(fen, MONEY.notice);

/*
 * The console's view of the notice (the same model as the server's PDF and DOCX, whose tests are in
 * test/notice/): the issued notice carries every fact of the document (test/notice/facts.ts) and no
 * clause marker, note or convention; the annotated one carries those too.
 */

const SEEDS = {
  'shishi-2024': shishi2024,
  'shishi-2025': shishi2025,
  'lingyuan-2022': lingyuan2022,
  'meishan-2024': meishan2024,
  'wuhe-2024': wuhe2024,
} as const;

const load = (name: keyof typeof SEEDS): PolicyDocument => PolicyDocument.parse(SEEDS[name]);

// ---------------------------------------------------------------- rendering helpers

/** Visible text: blocks and cells separated (so figures in adjacent cells never run together), inline tags dropped. */
function textOfHtml(html: string): string {
  return decodeEntities(
    html
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<\/?(p|h1|h2|h3|td|th|tr|caption|table|section|div|header|footer|aside|article)\b[^>]*>/g, '\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, ''),
  );
}

const html = (doc: PolicyDocument, watermark?: string, annotated = false) => renderToStaticMarkup(createElement(NoticeView, { document: doc, watermark, annotated }));

// ---------------------------------------------------------------- tests

describe('NoticeView — 石狮市 2025', () => {
  const doc = load('shishi-2025');
  const out = html(doc);
  const text = textOfHtml(out);

  it('has the structure of the notice, in order: 版头, 文号, title, 主送, preamble, the source’s sections, closing, issuer, date, colophon', () => {
    const headings = [...out.matchAll(/<h2 class="pn-h">([\s\S]*?)<\/h2>/g)].map((m) => m[1]!.replace(/<!--[\s\S]*?-->/g, ''));
    // the outline of the source notice (狮政办规〔2024〕5号): eight sections, as it titles them
    expect(headings).toEqual(SHISHI_2025_SECTIONS);
    const landmarks = [
      '石狮市人民政府办公室文件',
      '狮政办规〔2024〕5号',
      '石狮市人民政府办公室关于做好2025年度石狮市城乡居民基本医保参保登记和基金征缴工作的通知',
      '各镇人民政府、街道办事处、石狮高新技术产业开发区管委会、市直及上级驻石有关单位：',
      '《泉州市人民政府关于印发泉州市基本医保管理规定的通知》（泉政文〔2022〕4号）',
      '一、参保范围',
      '（一）本市户籍城乡居民',
      '（七）已在本市参加基本医保的流动人口的子女',
      '二、参保缴费时间',
      '（一）集中参保缴费期：2024年9月1日至2024年12月31日',
      '（二）延长参保缴费期：2025年1月1日至2025年2月28日',
      '（三）参保补缴期：2025年3月1日至2025年12月31日',
      '三、筹资标准及资金来源',
      '四、个人缴费减免对象',
      '（十一）一户多残家庭中的残疾人',
      '五、参保登记',
      '（一）办理居民医保的服务及要求',
      '六、缴费渠道',
      '七、工作要求',
      '（一）强化组织领导，精心部署实施。',
      '八、其他',
      '本通知由泉州市医疗保障局石狮分局负责解释',
      '有效期至2026年12月31日',
      '\n石狮市人民政府办公室\n',
      '\n2024年10月28日\n',
      '（此件主动公开）',
      '抄送：泉州市医疗保障局，泉州市财政局，国家税务总局泉州市税务局。',
      '石狮市人民政府办公室　　2024年10月28日印发',
    ];
    let at = -1;
    for (const l of landmarks) {
      const i = text.indexOf(l, at + 1);
      expect(i, `"${l}" should follow the previous landmark`).toBeGreaterThan(at);
      at = i;
    }
  });

  it('states each rule in words: windows, waiting period, fees, surcharge, subsidies with agency and fund', () => {
    for (const phrase of [
      '在此期间缴费的，待遇享受期为2025年1月1日至2025年12月31日',
      '延长参保缴费期：2025年1月1日至2025年2月28日。在此期间缴费的，自缴费之日起享受待遇；不设等待期',
      '设3个月待遇等待期',
      '个人缴费标准为每人每年400元',
      '各级财政补助标准不低于每人每年670元',
      '自2025年7月1日起补缴的，须按个人缴费标准与财政补助标准之和缴费（400元+670元=1070元）',
      '最低生活保障对象：由市民政局认定，按个人缴费标准的90%给予定额资助（每人资助360元，个人缴纳40元）；资金来源：医疗救助资金',
      '最低生活保障边缘家庭中的三类对象：由市民政局认定，按个人缴费标准的70%给予定额资助（每人资助280元，个人缴纳120元）；资金来源：财政',
      '特困供养人员：由市民政局认定，个人缴费部分给予全额资助；资金来源：医疗救助资金',
      '只享受其中一种资助，按对本人最有利的一种执行',
      '认定时间截至2024年8月31日',
      '2024年9月1日至2024年12月31日期间新增认定的，及时动态补充报送',
      '在出生90日（含）内参保缴费的，自出生之日起享受待遇',
      '待遇享受期为2024年9月1日至2025年12月31日',
      '由医保信息系统默认续保',
      '家庭共济代缴：“泉州医疗保障”微信公众号、“闽政通”APP、“福建医疗保障”微信小程序（限集中参保缴费期、延长参保缴费期期间办理）',
      '按每人3元的标准拨付',
      '国家、省、泉州市有关政策如有调整',
    ])
      expect(text).toContain(phrase);
  });

  it('contains every amount, date, figure and piece of text of the document', () => {
    const facts = factsOf(doc);
    // the walk really reaches the figures (guards against a walk that finds nothing)
    expect(facts.map((f) => f.text)).toEqual(
      expect.arrayContaining(['400元', '670元', '90%', '70%', '3元', '2024年9月1日', '2025年2月28日', '2026年12月31日', '3', '90', '60', '18']),
    );
    expect(missingFacts(doc, text)).toEqual([]);
  });

  it('as issued: no clause marker, note or convention; annotated: all of them, and every remark', () => {
    expect(text).not.toMatch(MARKERS);
    expect(text).not.toContain('〔一（一）〕');
    expect(text).not.toContain('约定');
    const annotated = textOfHtml(html(doc, undefined, true));
    expect(annotated).toContain('〔一（一）〕');
    expect(annotated).toContain('〔约定：通知未明确规定年龄判定日期〕');
    expect(annotated).toContain('（注：职工医保转居民医保人员须“符合条件”，条件未列明）');
    expect(missingFacts(doc, annotated, 'annotated')).toEqual([]);
  });

  it('the check fails when the notice lacks a fact (it can catch a missing amount, date, figure or name)', () => {
    const altered = PolicyDocument.parse(structuredClone(SEEDS['shishi-2025']));
    altered.fees.individual.amountFen = 41234;
    altered.windows[1]!.to = '2025-03-07';
    altered.specialGroups[0]!.rules[0]!.when.withinDaysOfBirth = { days: 97, inclusive: true };
    altered.metadata.copiedTo.push('某某测试局');
    const missing = missingFacts(altered, text);
    expect(missing).toEqual(
      expect.arrayContaining([
        'fees.individual.amountFen → 412.34元',
        'windows.1.to → 2025年3月7日',
        'specialGroups.0.rules.0.when.withinDaysOfBirth.days → 97',
        'metadata.copiedTo.3 → 某某测试局',
      ]),
    );
    // and once rendered, the altered facts are there
    expect(missingFacts(altered, textOfHtml(html(altered)))).toEqual([]);
  });

  it('prints money the way notices do', () => {
    expect(yuan(40000)).toBe('400元');
    expect(yuan(39050)).toBe('390.5元');
    expect(yuan(39005)).toBe('390.05元');
    expect(yuan(0)).toBe('0元');
    expect(cnDate('2025-09-01')).toBe('2025年9月1日');
  });

  it('stamps a watermark only when asked (non-published versions)', () => {
    expect(out).not.toContain('pn-watermark"');
    const draft = html(doc, '草案 DRAFT');
    expect(draft).toContain('class="pn-watermark"');
    expect(draft).toContain('草案 DRAFT');
  });
});

describe('NoticeView — the other notices', () => {
  it.each(['shishi-2024', 'lingyuan-2022', 'meishan-2024', 'wuhe-2024'] as const)(
    '%s: every amount, date, figure, name and piece of text appears',
    (name) => {
      const doc = load(name);
      const text = textOfHtml(html(doc));
      const facts = factsOf(doc);
      expect(facts.some((f) => f.text.endsWith('元'))).toBe(true);
      expect(facts.some((f) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(f.text))).toBe(true);
      expect(missingFacts(doc, text)).toEqual([]);
    },
  );

  it('石狮市 2024: the lead-group roster is a table in its annex, after the issuer and before the colophon', () => {
    const doc = load('shishi-2024');
    const out = html(doc);
    const text = textOfHtml(out);
    expect(text).toContain('自缴费之日起60日（含）后享受待遇');
    expect(text).toContain('常住人口基本医保参保率达96%以上');
    const roster = /<section class="pn-annex">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    // its only annex: 附件 without a number, as the source prints it (GB/T 9704 8.3)
    expect(roster).toContain('<p class="pn-annex-label">附件</p>');
    expect(roster).toContain('<table');
    for (const m of doc.leadGroup!.members) expect(roster).toContain(`<td>${m.name}</td><td>${m.post}</td>`);
    expect(roster).toContain('<td>组长</td><td>蔡俊龙</td>');
    expect(roster).toContain('由继任者自然接任');
    expect(text.indexOf('附件：石狮市医疗保障工作领导小组成员名单')).toBeLessThan(text.indexOf('2023年9月28日\n'));
    expect(text.indexOf('2023年9月28日\n')).toBeLessThan(text.indexOf('\n附件\n'));
    expect(text.indexOf('\n附件\n')).toBeLessThan(text.indexOf('抄送：'));
  });

  it('a roster is never dropped: in an annex the metadata does not list, or in the body item its clause names', () => {
    const unlisted = load('shishi-2024');
    unlisted.metadata.attachments = [];
    const a = textOfHtml(html(unlisted));
    expect(a).toContain('\n附件\n');
    expect(a).toContain('石狮市医疗保障工作领导小组成员名单');
    expect(missingFacts(unlisted, a)).toEqual([]);

    const inBody = load('shishi-2024');
    inBody.metadata.attachments = [];
    inBody.leadGroup!.clause = '七（一）';
    const out = html(inBody);
    expect(out).not.toContain('class="pn-annex"');
    // in item 七（一）, where its clause says, with the roster as a table after it
    const item = /<p class="pn-p pn-l1"><span class="pn-label">（一）<\/span>[\s\S]*?<\/table>/.exec(out.slice(out.indexOf('七、')))?.[0] ?? '';
    expect(item).toContain('石狮市医疗保障工作领导小组组成人员如下：');
    expect(item).toContain('<td>组长</td><td>蔡俊龙</td>');
    expect(missingFacts(inBody, textOfHtml(out))).toEqual([]);
  });

  it('五河县 2024: fixed subsidy and its split, 定额资助, refund, coordination group, printed 合计 kept as printed', () => {
    const doc = load('wuhe-2024');
    const out = html(doc);
    const text = textOfHtml(out);
    for (const phrase of [
      '各级财政补助标准为每人每年640元，其中中央384元、省192元、县64元',
      '每人每年筹资1020元',
      '低保对象：由民政部门认定，给予定额资助320元（个人缴纳60元）',
      '2023年度缴纳350元，2024年度缴纳380元',
      '自缴费当月起算第7个月起享受待遇',
      '待遇享受期开始后，不予退费',
      '《关于做好社会保险费退费有关工作的通知》（蚌税函〔2019〕115号）',
      '联系电话：0552-5056951，5056606',
      '按就高原则',
    ])
      expect(text).toContain(phrase);
    const headings = [...out.matchAll(/<h2 class="pn-h">([\s\S]*?)<\/h2>/g)].map((m) => m[1]!.replace(/<!--[\s\S]*?-->/g, ''));
    expect(headings).toEqual(['一、参保对象', '二、筹资标准', '三、参保缴费期及待遇享受期', '四、征缴方式及退费', '五、明确责任', '六、工作要求']);
    expect(text).toContain('（二）退费。已缴费人员因');
    // the rows add up to 542469; the notice prints 542468, and so do we
    expect(out).toMatch(/<tr class="pn-total"><td>合计<\/td><td class="pn-num">695520<\/td><td class="pn-num">542468<\/td><\/tr>/);
    expect(out).not.toContain('542469');
  });

  it('灵源街道 2022: both annex tables with their printed totals; 17 categories as declared; conventions marked', () => {
    const doc = load('lingyuan-2022');
    const out = html(doc);
    const text = textOfHtml(out);
    expect(text).toContain('全部减免补助对象（共17种）');
    expect(text).toContain('个人按个人缴费标准的30%缴纳（每人缴纳99元）');
    expect(text).toContain('个人缴费减免30元（个人缴纳300元）');
    expect(text).toContain('缴费后60天期满方可享受待遇');
    expect(text).not.toContain('〔约定：');
    expect(textOfHtml(html(doc, undefined, true))).toContain('〔约定：');
    expect(out).toContain('<td class="pn-num">27238</td><td class="pn-num">4794</td><td class="pn-num">32032</td>');
    expect(out).toContain('<td class="pn-num">29.34%</td><td class="pn-num">16064</td><td class="pn-num">8181</td>');
    expect(out).not.toContain('16065');
    expect(out).not.toContain('8209');
  });
});
