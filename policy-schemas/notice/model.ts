/*
 * The notice as plain data: what the annual notice says, in the order and outline it says it,
 * independent of how it is drawn. The console's HTML view, the server's PDF and its DOCX all render
 * this model, so the screen, the printout and the downloads never disagree. Facts and numbers come
 * from the document; the connecting phrases are ours (the notices' own sentences are not reproduced).
 *
 * Two views: the notice as issued (what the public reads: no clause markers, notes or conventions),
 * and the annotated one (for drafters, reviewers and auditors), which shows them beside the text.
 */

/** `clause`: the source clause (〔三（二）〕); `note`: a remark stored with the rule; `convention`: a reading adopted where the notice is silent. */
export type Tone = 'clause' | 'note' | 'convention';

export interface Run {
  text: string;
  /** Annotations only (absent from the issued view). */
  tone?: Tone;
  /** A run-in heading (（一）缴费标准。): printed in the heading face of its level. */
  heading?: boolean;
}

/**
 * A paragraph. level 0: plain body text; 1: （一）; 2: 1．; 3: （1） — the notice's second, third and
 * fourth levels of numbering (GB/T 9704-2012 7.3.3), the first being the section (一、).
 */
export interface Para {
  kind: 'para';
  level: 0 | 1 | 2 | 3;
  /** （一）, 1．, （1） */
  label?: string;
  /** The whole paragraph is a heading line (an item's title standing on its own line). */
  heading?: boolean;
  runs: Run[];
}

export interface TableBlock {
  kind: 'table';
  caption?: string;
  columns: string[];
  rows: string[][];
  /** The 合计 row exactly as printed in the notice (never recomputed). */
  total?: string[];
  /** Right-align the column (figures). */
  numeric: boolean[];
}

export type Block = Para | TableBlock;

export interface NoticeSection {
  /** 一, 二, … as the notice numbers it. */
  number: string;
  title: string;
  blocks: Block[];
}

export interface NoticeAnnex {
  number: number;
  /** 附件1 (附件 where the notice has a single, unnumbered annex) */
  label: string;
  title: string;
  blocks: Block[];
}

/** A published notice that this one corrects (更正 / 修订), as recorded by the store. */
export interface CorrectionOf {
  kind: 'amendment' | 'errata';
  documentNumber: string;
  title: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

export interface NoticeOptions {
  /** The annotated view: clause markers, notes and conventions beside the text. Default: the issued notice. */
  annotated?: boolean;
  /** The published notice this version corrects, where it is a correction. */
  correctionOf?: CorrectionOf | null;
}

export interface NoticeModel {
  annotated: boolean;
  /** 版头: the issuers' names, printed in red with 文件 beside them (GB/T 9704 7.2.3). */
  masthead: { issuers: string[]; word: string };
  /** 发文字号 */
  documentNumber: string;
  title: string;
  /** 主送: "各镇人民政府、…：" */
  addressees: string | null;
  /** A correction names what it corrects first (its own paragraph after 主送). */
  correction: Para | null;
  /** For a notice that issues a work plan: the forwarding sentence, then the signature, then the plan. */
  forwarding: Para[];
  /** Title of the work plan, printed above its body. */
  planTitle: string | null;
  preamble: Para[];
  sections: NoticeSection[];
  /** "附件：1．…" lines after the body. */
  attachmentList: string[];
  signature: { issuers: string[]; date: string; disclosure: string | null };
  /** Where the signature stands: after the forwarding sentence (a notice that issues a plan) or after the body. */
  signatureAfter: 'forwarding' | 'body';
  annexes: NoticeAnnex[];
  /** 版记 */
  colophon: { copiedTo: string | null; printed: string | null };
  /** Remarks stored with the document as a whole and its conventions (annotated view only). */
  editorialNotes: Para[];
}
