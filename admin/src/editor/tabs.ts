/*
 * The form's tabs follow the order of a notice: who it is from, who may enroll, what it costs, who is
 * subsidised, when to pay, the special groups, refunds, registration, channels, the work itself, the
 * lead group, the annexes, and the conventions adopted while encoding it. Every top-level key of the
 * document is in exactly one tab (tabs.spec.ts).
 */

export interface EditorTab {
  id: string;
  zh: string;
  en: string;
  keys: readonly string[];
}

export const TABS: readonly EditorTab[] = [
  { id: 'document', zh: '文件信息', en: 'Document', keys: ['schemaVersion', 'jurisdiction', 'coverageYear', 'metadata'] },
  { id: 'scope', zh: '参保范围', en: 'Scope', keys: ['eligibility', 'targets'] },
  { id: 'fees', zh: '筹资标准', en: 'Fees', keys: ['fees'] },
  {
    id: 'subsidies',
    zh: '减免对象',
    en: 'Subsidies',
    keys: ['categoryLists', 'categories', 'stacking', 'ageRule', 'certification'],
  },
  { id: 'windows', zh: '缴费时间', en: 'Payment periods', keys: ['windows', 'milestones'] },
  { id: 'special-groups', zh: '特殊群体', en: 'Special groups', keys: ['specialGroups'] },
  { id: 'refund', zh: '退费', en: 'Refund', keys: ['refund'] },
  { id: 'registration', zh: '参保登记', en: 'Registration', keys: ['registration'] },
  { id: 'channels', zh: '缴费渠道', en: 'Payment channels', keys: ['paymentChannels'] },
  {
    id: 'work',
    zh: '工作要求',
    en: 'Work requirements',
    keys: [
      'workFunding',
      'responsibilities',
      'schedule',
      'workRequirements',
      'fundTransfers',
      'supplementaryInsurance',
      'definitions',
    ],
  },
  { id: 'lead-group', zh: '领导小组', en: 'Lead group', keys: ['leadGroup'] },
  { id: 'annexes', zh: '附件', en: 'Annexes', keys: ['quotaTables', 'activationTables'] },
  { id: 'notes', zh: '说明', en: 'Notes', keys: ['conventions', 'notes'] },
];

/** The tab that shows an issue path (`fees.individual.amountFen` → fees); undefined for `(document)`. */
export function tabOfPath(path: string): EditorTab | undefined {
  const top = /^[^.[]+/.exec(path)?.[0];
  return top ? TABS.find((t) => t.keys.includes(top)) : undefined;
}
