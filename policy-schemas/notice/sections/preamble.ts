import type { SectionBuilder, Statement } from '../statement.js';
import { cite, listJoin } from '../words.js';

/** 序言: the documents the notice is based on and its purpose (the closing formula is added by the assembler). */
export const preamble: SectionBuilder = ({ doc, year }) => {
  const md = doc.metadata;
  const work = `${doc.jurisdiction.name}${year}年度城乡居民基本医疗保险参保登记和基金征缴工作`;
  const basis = md.basis.map((b) => cite(b.title, b.number));
  const clauses = [...new Set(md.basis.map((b) => b.clause))];
  const text = basis.length ? `根据${listJoin(basis)}，结合本地实际，为做好${work}，` : `为做好${work}，`;
  // The basis documents may sit in different clauses; the sentence stands where the first one does.
  return [{ path: 'metadata.basis', clause: clauses[0] ?? '序言', text } satisfies Statement];
};
