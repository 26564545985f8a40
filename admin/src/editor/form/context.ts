import { createContext, useContext } from 'react';
import type { Lang } from '../labels';
import { isWithin, pathKey, type Path } from '../paths';
import { unwrap, type Schema } from '../schema-walk';

/*
 * What every control of the form shares: the editor's context (how to change the document, the
 * issues by path, which cards are open, the language) and the whole document as a store for the few
 * controls that choose among codes defined elsewhere in it.
 */

export interface EditorContextValue {
  update: (path: Path, value: unknown) => void;
  /** Messages (already translated) by path. */
  issues: ReadonlyMap<string, string[]>;
  /** The cards that are open, by path. */
  expanded: ReadonlySet<string>;
  setExpanded: (key: string, open: boolean) => void;
  /** Keep cards open across a move or removal in a list: old index → new index (undefined: gone). */
  reindex: (listKey: string, map: (i: number) => number | undefined) => void;
  lang: Lang;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/**
 * The whole document, for the fields that choose among codes defined elsewhere in it. A store rather
 * than a context: a context holding the document would make React visit the whole form on every
 * keystroke to find its few readers.
 */
export interface DocStore {
  get: () => unknown;
  subscribe: (listener: () => void) => () => void;
}

export const DocStoreContext = createContext<DocStore | null>(null);

/** A store whose value is set after each render of the editor. */
export function createDocStore(initial: unknown): DocStore & { set: (doc: unknown) => void } {
  let doc = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => doc,
    set: (next) => {
      if (next === doc) return;
      doc = next;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('EditorContext missing');
  return ctx;
}

/** Inside a table row the column header names the field: the input has no label of its own. */
export const CompactContext = createContext(false);

/** The props of every control: a node of the schema, where it is in the document, and its value. */
export interface FieldProps {
  schema: Schema;
  path: Path;
  value: unknown;
}

export function messagesAt(ctx: EditorContextValue, key: string): string[] {
  return ctx.issues.get(key) ?? [];
}

export function issuesWithin(ctx: EditorContextValue, key: string): number {
  let n = 0;
  for (const [p, list] of ctx.issues) if (isWithin(p, key)) n += list.length;
  return n;
}

/** The value an emptied input leaves: null where allowed, else absent where allowed, else `fallback`. */
export function emptied(schema: Schema, fallback: unknown): unknown {
  const u = unwrap(schema);
  if (u.nullable) return null;
  if (u.optional) return undefined;
  return fallback;
}

/** Memo comparison of an item of a list (a card, a table row): the same value at the same place. */
export function sameItem<P extends FieldProps & { index: number; count: number }>(a: P, b: P): boolean {
  return (
    a.value === b.value &&
    a.schema === b.schema &&
    a.index === b.index &&
    a.count === b.count &&
    (a as Record<string, unknown>).onMove === (b as Record<string, unknown>).onMove &&
    (a as Record<string, unknown>).onRemove === (b as Record<string, unknown>).onRemove &&
    pathKey(a.path) === pathKey(b.path)
  );
}
