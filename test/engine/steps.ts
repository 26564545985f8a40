import type { CompiledPolicy } from '../../api/engine/compile.js';
import { QuoteError } from '../../api/engine/quote/error.js';
import { applyingGroups, type GroupMatch } from '../../api/engine/quote/groups.js';
import { identify, type Person, type QuoteRequest } from '../../api/engine/quote/person.js';
import type { Trace } from '../../api/engine/quote/trace.js';

/*
 * For the tests of one step of the quote: the person and their groups as the steps before it leave
 * them, and the trace lines the step itself writes.
 */

export interface Prepared {
  person: Person;
  applying: GroupMatch[];
  /** The trace so far (the groups' lines); a step under test appends to it. */
  trace: Trace;
}

/** The person of a request and the special groups that apply to them (the steps every later one reads). */
export function prepare(p: CompiledPolicy, req: QuoteRequest): Prepared {
  const person = identify(p, req);
  const trace: Trace = [];
  const applying = applyingGroups(p, person, trace);
  return { person, applying, trace };
}

/** The details of the trace lines, of one rule (`window`, `category`, …) or of all. */
export function linesOf(trace: Trace, rule?: string): string[] {
  return trace.filter((t) => rule === undefined || t.rule === rule).map((t) => t.detail);
}

/** The refusal a step throws, as field and message (fails the test when it does not refuse). */
export function refusal(f: () => unknown): { field: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof QuoteError) return { field: e.field, message: e.message.slice(e.field.length + 2) };
    throw e;
  }
  throw new Error('expected a refusal (QuoteError), but the step answered');
}
