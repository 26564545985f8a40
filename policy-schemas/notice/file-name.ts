import type { PolicyDocument } from '../document.js';
import { status as statusWord } from '../format.js';

/**
 * The file name of a downloaded notice: jurisdiction, coverage year, status and revision, so that two
 * downloads of different states never share a name: 石狮市-2025-已发布-r3-通知.pdf, …-注释版.pdf.
 */
export function noticeFileName(
  doc: Pick<PolicyDocument, 'jurisdiction' | 'coverageYear'>,
  version: { status: string; revision: number },
  ext: 'pdf' | 'docx',
  annotated = false,
): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${safe(doc.jurisdiction.name)}-${doc.coverageYear}-${safe(statusWord(version.status))}-r${version.revision}-通知${annotated ? '-注释版' : ''}.${ext}`;
}
