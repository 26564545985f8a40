import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCnNumeral } from '../../policy-schemas/notice/clause.js';
import type { NoticeModel } from '../../policy-schemas/notice/model.js';
import { SEEDS } from '../../seeds/index.js';

/*
 * The outline of a source notice, read from its text in ../shared/seeds/ (the ground truth): its
 * section headings in order, and the numbering of the items under each (（一）（二）…, and 1. 2. …
 * under those). And the same read from a rendered notice model, so the two can be compared.
 */

export const SOURCE_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
/** seed name (shishi-2025) → its source file in ../shared/seeds */
export const SOURCES: Record<string, string> = Object.fromEntries(SEEDS.map((s) => [s.file.replace(/\.json$/, ''), s.source]));
export const haveSources = existsSync(SOURCE_DIR) && Object.values(SOURCES).every((f) => existsSync(SOURCE_DIR + f));

export interface Outline {
  /** 一、参保范围 (spaces dropped) */
  headings: string[];
  /** Per section numeral: its item labels in order (（一）, （二）, …) */
  items: Record<string, string[]>;
  /** Per item (一（二）): its sub-item numbers in order (1, 2, …) */
  subItems: Record<string, number[]>;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const SECTION = /^(?:-\s*)?([一二三四五六七八九十]{1,3})、(.+)$/;
const ITEM = /^(?:-\s*)?[（(]([一二三四五六七八九十]{1,3})[)）]/;
const SUB = /^(\d{1,2})[.．](?!\d)/;

/** Read an outline from lines of text (a source notice, or a rendered one). */
export function outlineOfLines(lines: readonly string[]): Outline {
  const out: Outline = { headings: [], items: {}, subItems: {} };
  let section: string | null = null;
  let item: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (/^附件[：:]/.test(line)) break; // the body ends where the list of annexes starts
    const s = SECTION.exec(line);
    if (s) {
      section = s[1]!;
      item = null;
      out.headings.push(squash(`${s[1]}、${s[2]}`));
      out.items[section] = [];
      continue;
    }
    if (!section) continue;
    const i = ITEM.exec(line);
    if (i) {
      item = `${section}（${i[1]}）`;
      out.items[section]!.push(`（${i[1]}）`);
      continue;
    }
    const n = SUB.exec(line);
    if (n) {
      const at = item ?? section;
      (out.subItems[at] ??= []).push(Number(n[1]));
    }
  }
  return out;
}

export function sourceText(seed: string): string {
  return readFileSync(SOURCE_DIR + SOURCES[seed]!, 'utf8');
}

export function sourceOutline(seed: string): Outline {
  return outlineOfLines(sourceText(seed).split('\n'));
}

/** Text compared as printed: no spaces or line breaks, no emphasis marks, one kind of brackets and dots. */
export function normalize(s: string): string {
  return squash(s).replace(/\*\*/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/．/g, '.').replace(/:/g, '：').replace(/,/g, '，').replace(/;/g, '；');
}

/** The outline of a rendered notice: its sections, and the labels of its numbered paragraphs. */
export function renderedOutline(m: NoticeModel): Outline {
  const lines: string[] = [];
  for (const s of m.sections) {
    lines.push(`${s.number}、${s.title}`);
    for (const b of s.blocks) if (b.kind === 'para' && b.label) lines.push(`${b.label} ${b.runs.map((r) => r.text).join('')}`);
  }
  return outlineOfLines(lines);
}

/** 二十 → 20: sort keys of section numerals. */
export const numeralOrder = (s: string) => parseCnNumeral(s) ?? 0;
