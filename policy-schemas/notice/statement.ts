import type { PolicyDocument } from '../document.js';
import type { Block } from './model.js';

/*
 * What a section builder says: statements, each placed by the clause of the rule it states. The
 * assembler (outline.ts) groups statements of one clause into one item of the notice, in builder
 * order, and numbers items as the clause does.
 */
export interface Statement {
  /** The document path stated (`fees.individual`, `categories[3]`): where the annotated view points. */
  path: string;
  /** Where it goes in the notice; null: the notice says nothing here (a convention), annotated view only. */
  clause: string | null;
  /** The words of the issued notice: one or more full sentences. May be empty for a table alone. */
  text: string;
  /** A run-in title opening its item (a work requirement's topic, a schedule phase): 强化组织领导。 */
  title?: string;
  /** Before the item's numbered sub-items (default) or after them (a closing remark: 以上…只享受一种). */
  place?: 'intro' | 'closing';
  /** Remarks stored with the rule (annotated view only). */
  notes?: readonly string[];
  /** The rule is a reading adopted where the notice is silent: marked in the annotated view. */
  convention?: string;
  /** Where a statement without a clause is shown in the annotated view: beside this clause's item. */
  near?: string | null;
  /** Blocks printed after the item's paragraph (a table). */
  after?: Block[];
}

/** What every section builder receives. */
export interface NoticeContext {
  doc: PolicyDocument;
  year: number;
  byCode: ReadonlyMap<string, PolicyDocument['categories'][number]>;
  groupName: (code: string) => string;
  windowName: (code: string) => string;
  /** 本通知 / 本方案 */
  self: string;
}

export function contextOf(doc: PolicyDocument): NoticeContext {
  return {
    doc,
    year: doc.coverageYear,
    byCode: new Map(doc.categories.map((c) => [c.code, c])),
    groupName: (code) => doc.specialGroups.find((g) => g.code === code)?.name ?? code,
    windowName: (code) => doc.windows.find((w) => w.code === code)?.name ?? code,
    self: doc.metadata.kind === 'notice' ? '本通知' : '本方案',
  };
}

export type SectionBuilder = (ctx: NoticeContext) => Statement[];
