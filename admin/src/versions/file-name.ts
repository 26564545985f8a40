import { statusText, type Lang } from '../format';

/**
 * The name of a file made from a version, with what it is: `石狮市-2026年度-草案-修订3.json`. A file
 * passed around by mail says which revision and status it holds (a draft is no notice in force).
 */
export function versionFileName(v: { jurisdiction: { name: string }; year: number; status: string; revision: number }, ext: string, lang: Lang = 'zh', what = ''): string {
  const parts =
    lang === 'zh'
      ? [v.jurisdiction.name, `${v.year}年度`, ...(what ? [what] : []), statusText(v.status), `修订${v.revision}`]
      : [v.jurisdiction.name, String(v.year), ...(what ? [what] : []), statusText(v.status, 'en').toLowerCase().replace(/\s+/g, '-'), `r${v.revision}`];
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.${ext}`;
}
