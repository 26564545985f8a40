import { has, inScope, type Actor } from '../auth/actor.js';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction.service.js';
import type { JobOwner } from './job-store.js';

/*
 * Who may do what with cohorts and their jobs (imports, previews). Cohorts hold person-level data
 * (ids, birth dates, 低保 and disability status), and so do a preview's largest changes and examples.
 *
 * - read a cohort, and a job on it (progress, result, person ids): auditors and admins everywhere;
 *   drafters and approvers of the cohort's jurisdiction or of one above it;
 * - start a job (import a cohort, run a preview) and cancel one: admins, and drafters and approvers
 *   of the jurisdiction or of one above it (auditors read, they do not run jobs);
 * - anyone else (anonymous, an integrator's API key, another county's officer): the job does not
 *   exist — the same answer as for an id that was never made.
 */

export function canReadCohorts(actor: Actor, jurisdictionId: number | null, index: JurisdictionIndex): boolean {
  if (has(actor, 'auditor') || has(actor, 'admin')) return true;
  return jurisdictionId !== null && (has(actor, 'drafter') || has(actor, 'approver')) && inScope(actor, jurisdictionId, index);
}

export function canRunJobs(actor: Actor, jurisdictionId: number | null, index: JurisdictionIndex): boolean {
  if (has(actor, 'admin')) return true;
  return jurisdictionId !== null && (has(actor, 'drafter') || has(actor, 'approver')) && inScope(actor, jurisdictionId, index);
}

export function mayReadJob(actor: Actor, owner: JobOwner, index: JurisdictionIndex): boolean {
  return canReadCohorts(actor, owner.jurisdictionId, index);
}

export function mayCancelJob(actor: Actor, owner: JobOwner, index: JurisdictionIndex): boolean {
  return canRunJobs(actor, owner.jurisdictionId, index);
}
