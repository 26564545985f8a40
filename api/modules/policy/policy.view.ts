import {
  documentWarnings,
  subsidyFenOf,
  type PolicyDocument,
  type WaitingRule as WaitingRuleDoc,
} from '../../../policy-schemas/index.js';
import type { JurisdictionRow } from '../jurisdiction/jurisdiction.service.js';
import type { IPolicyVersion } from './policy-version.entity.js';
import type { PolicyVersion, WaitingRule } from './policy.type.js';

const ROLE_LABELS: Record<string, string> = {
  leader: '组长',
  'first-deputy': '第一副组长',
  deputy: '副组长',
  member: '成员',
};

/** The date ages are judged at: by default the last day of the year before the coverage year. */
export function ageReferenceDate(doc: PolicyDocument): string {
  const r = doc.ageRule.referenceDate;
  return r.kind === 'date' ? r.date : `${doc.coverageYear - 1}-12-31`;
}

function waiting(w: WaitingRuleDoc): WaitingRule {
  return {
    kind: w.kind,
    days: w.kind === 'days' ? w.days : null,
    months: w.kind === 'months' ? w.months : null,
    nthMonth: w.kind === 'nth-month' ? w.n : null,
    convention: w.kind === 'none' ? null : w.convention,
  };
}

/** The typed read model of a stored version: every part of the document, shaped for GraphQL. */
export interface ViewExtras {
  usernames: Map<number, string>;
  sourceCurrentVersionId: string | null;
}

export function toPolicyVersionView(v: IPolicyVersion, jurisdiction: JurisdictionRow, extras: ViewExtras): PolicyVersion {
  const name = (id: number | null | undefined) => (id == null ? null : extras.usernames.get(id) ?? `#${id}`);
  const d = v.document;
  const m = d.metadata;
  const fee = d.fees.individual.amountFen;
  const byCode = new Map(d.categories.map((c) => [c.code, c]));
  const surcharge = d.fees.lateSurcharge;
  const exemptGroups = new Set(surcharge?.exemptGroups ?? []);
  const quotaRows = d.quotaTables.flatMap((t) =>
    t.rows.map((r) => ({
      table: t.code,
      seq: r.seq ?? null,
      unit: r.unit,
      population: r.population,
      residencePermits: r.residencePermits,
      target: r.target,
    })),
  );
  return {
    id: v.id,
    jurisdiction: { ...jurisdiction },
    year: v.year,
    status: v.status,
    documentNumber: v.documentNumber,
    issuedOn: v.issuedOn,
    contentHash: v.contentHash,
    revision: v.revision,
    source: v.source ?? null,
    publishedAt: v.publishedAt ?? null,
    effectiveFrom: v.effectiveFrom ?? null,
    supersededAt: v.supersededAt ?? null,
    sourceVersionId: v.sourceVersionId ?? null,
    sourceAmended: extras.sourceCurrentVersionId !== null,
    sourceCurrentVersionId: extras.sourceCurrentVersionId,
    autoChanges: v.autoChanges ?? [],
    createdBy: name(v.createdBy),
    updatedBy: name(v.updatedBy),
    editedBy: (v.editedBy ?? []).map((id) => name(id)!),
    submittedBy: name(v.submittedBy),
    approvedBy: name(v.approvedBy),
    publishedBy: name(v.publishedBy),
    reviewComment: v.reviewComment ?? null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    title: m.title,
    metadata: {
      title: m.title,
      documentNumber: m.documentNumber,
      kind: m.kind,
      planTitle: m.planTitle,
      issuers: m.issuers,
      issuedOn: m.issuedOn,
      printedOn: m.printed?.on ?? null,
      printedBy: m.printed?.by ?? null,
      addressees: m.addressees,
      copiedTo: m.copiedTo,
      basis: m.basis,
      validity: m.validity ? { from: m.validity.from, until: m.validity.until, clause: m.validity.clause } : null,
      disclosure: m.disclosure,
      interpretedBy: m.interpretedBy?.body ?? null,
      attachments: m.attachments,
    },
    eligibility: {
      excludes: d.eligibility.excludes,
      groups: d.eligibility.groups,
      wholeHousehold: d.eligibility.wholeHousehold !== null,
      noDoubleEnrollment: d.eligibility.noDoubleEnrollment?.rules ?? [],
      clause: d.eligibility.clause,
    },
    targets: d.targets,
    fees: {
      individual: fee,
      individualClause: d.fees.individual.clause,
      government: d.fees.government.amountFen,
      governmentBasis: d.fees.government.basis,
      governmentSplit: d.fees.government.split.map((s) => ({ level: s.level, label: s.label, amount: s.amountFen })),
      governmentBorneBy: d.fees.government.borneBy,
      governmentClause: d.fees.government.clause,
      totalFinancing: d.fees.totalFinancing?.amountFen ?? null,
      lateSurcharge: surcharge
        ? {
            from: surcharge.from,
            amountDue: fee + d.fees.government.amountFen,
            exemptGroups: surcharge.exemptGroups,
            exemptNeedy: surcharge.exemptNeedy,
            notes: surcharge.notes,
            clause: surcharge.clause,
          }
        : null,
      specialCases: d.fees.specialCases.map((s) => ({
        code: s.code,
        label: s.label,
        group: s.group,
        bornInYear: s.bornInYear,
        charges: s.charges.map((c) => ({ coverageYear: c.coverageYear, amount: c.amountFen })),
        clause: s.clause,
      })),
    },
    categoryLists: d.categoryLists.map((l) => ({
      code: l.code,
      label: l.label,
      declaredCount: l.declaredCount,
      count: d.categories.filter((c) => c.list === l.code).length,
      countingNote: l.countingNote ?? null,
      clause: l.clause,
    })),
    categories: d.categories.map((c) => {
      const subsidy = subsidyFenOf(c.benefit, fee, byCode);
      const b = c.benefit;
      return {
        code: c.code,
        officialCodes: c.officialCodes,
        name: c.name,
        agency: c.agency,
        fundSource: c.fundSource.label,
        fundSourceKind: c.fundSource.kind,
        benefit: {
          kind: b.kind,
          percent: b.kind === 'percent' || b.kind === 'person-pays-percent' ? b.percent : null,
          amount: b.kind === 'fixed-subsidy' || b.kind === 'fixed-payment' || b.kind === 'reduction' ? b.amountFen : null,
          sameAs: b.kind === 'same-as' ? b.category : null,
          subsidy,
          personPays: subsidy === null ? null : fee - subsidy,
        },
        conditions: c.conditions.map((k) => ({
          minAge: k.age?.min ?? null,
          belowAge: k.age?.below ?? null,
          disability: k.disability ?? null,
          residence: k.residence ?? null,
          members: k.members ?? null,
          note: k.note ?? null,
        })),
        needy: c.needy,
        list: c.list ?? null,
        endsWhen: c.endsWhen,
        notes: c.notes,
        clause: c.clause,
      };
    }),
    stacking: {
      rule: d.stacking.rule,
      order: d.stacking.order,
      convention: d.stacking.convention,
      note: d.stacking.note ?? null,
      clause: d.stacking.clause,
    },
    ageRule: {
      referenceKind: d.ageRule.referenceDate.kind,
      referenceDate: ageReferenceDate(d),
      convention: d.ageRule.convention,
      note: d.ageRule.note ?? null,
      clause: d.ageRule.clause,
    },
    certification: {
      agencies: d.certification.agencies,
      cutoff: d.certification.cutoff,
      reportBy: d.certification.reportBy,
      dynamicReportingFrom: d.certification.dynamicReporting?.from ?? null,
      dynamicReportingTo: d.certification.dynamicReporting?.to ?? null,
      newlyCertified: d.certification.newlyCertified,
      refusal: d.certification.refusal?.consequence ?? null,
      clause: d.certification.clause,
    },
    windows: d.windows.map((w) => ({
      code: w.code,
      kind: w.kind,
      name: w.name,
      from: w.from,
      to: w.to,
      acceptsPayment: w.acceptsPayment,
      who: w.who,
      groups: w.groups,
      benefitStart: w.benefitStart,
      waiting: waiting(w.waiting),
      condition: w.condition ?? null,
      clause: w.clause,
    })),
    milestones: d.milestones,
    specialGroups: d.specialGroups.map((g) => ({
      code: g.code,
      kind: g.kind,
      name: g.name,
      waitingExempt: g.waitingExempt,
      surchargeExempt: exemptGroups.has(g.code),
      enrollAnytime: g.enrollAnytime,
      externalRules: g.externalRules?.reference ?? null,
      registrationVenue: g.registrationVenue?.place ?? null,
      rules: g.rules.map((r) => ({
        paidFrom: r.when.paidFrom ?? null,
        paidBy: r.when.paidBy ?? null,
        withinDaysOfBirth: r.when.withinDaysOfBirth?.days ?? null,
        afterDaysOfBirth: r.when.afterDaysOfBirth?.days ?? null,
        daysInclusive: r.when.withinDaysOfBirth?.inclusive ?? r.when.afterDaysOfBirth?.inclusive ?? null,
        bornInYear: r.when.bornInYear ?? null,
        withinMonthsOfEvent: r.when.withinMonthsOfEvent?.months ?? null,
        event: r.when.withinMonthsOfEvent?.event ?? null,
        condition: r.when.note ?? null,
        benefitStart: r.benefitStart,
        benefitStartDate: r.benefitStartDate ?? null,
        waiting: r.waiting ? waiting(r.waiting) : null,
        benefitEnd: r.benefitEnd ?? null,
        retroactive: r.retroactive,
        fee: r.fee,
        note: r.note ?? null,
        clause: r.clause,
      })),
      notes: g.notes,
      clause: g.clause,
    })),
    refund: (d.refund?.rules ?? []).map((r) => ({
      reasons: r.reasons,
      allowed: r.allowed,
      afterStart: r.afterStart,
      procedure: r.procedure ? `${r.procedure.title}（${r.procedure.number}）` : null,
      clause: r.clause,
    })),
    workFunding: d.workFunding.map((w) => ({
      payer: w.payer,
      recipients: w.recipients,
      purpose: w.purpose ?? null,
      assessedOn: w.assessedOn,
      tiers: w.tiers.map((t) => ({
        ratePerPerson: t.ratePerPersonFen,
        enrollmentRateMin: t.enrollmentRate?.min ?? null,
        enrollmentRateBelow: t.enrollmentRate?.below ?? null,
        activationRateMin: t.activationRate?.min ?? null,
      })),
      clause: w.clause,
    })),
    responsibilities: d.responsibilities,
    schedule: d.schedule,
    definitions: d.definitions,
    paymentChannels: d.paymentChannels,
    registration: {
      autoRenewal: d.registration.autoRenewal !== null,
      online: d.registration.online,
      offline: d.registration.offline,
      materials: d.registration.materials.map((x) => ({ item: x.item, for: x.for ?? null, clause: x.clause })),
      steps: d.registration.steps.map((s) => ({
        actor: s.actor,
        action: s.action,
        withinWorkingDays: s.withinWorkingDays ?? null,
        by: s.by ?? null,
        clause: s.clause,
      })),
      clause: d.registration.clause,
    },
    fundTransfers: d.fundTransfers,
    supplementaryInsurance: d.supplementaryInsurance ? d.supplementaryInsurance.voluntary : null,
    workRequirements: d.workRequirements,
    leadGroup: d.leadGroup
      ? {
          name: d.leadGroup.name,
          kind: d.leadGroup.kind,
          members: d.leadGroup.members.map((x) => ({ ...x, roleLabel: ROLE_LABELS[x.role] ?? x.role })),
          office: d.leadGroup.office
            ? {
                hostedBy: d.leadGroup.office.hostedBy,
                composition: d.leadGroup.office.composition,
                director: d.leadGroup.office.director ?? null,
                deputyDirectors: d.leadGroup.office.deputyDirectors,
                phones: d.leadGroup.office.phones,
                duties: d.leadGroup.office.duties,
              }
            : null,
          successorRule: d.leadGroup.successorRule,
          clause: d.leadGroup.clause,
        }
      : null,
    roster: (d.leadGroup?.members ?? []).map((x) => ({ ...x, roleLabel: ROLE_LABELS[x.role] ?? x.role })),
    quotas: quotaRows,
    quotaTables: d.quotaTables.map((t) => ({
      code: t.code,
      title: t.title,
      unitKind: t.unitKind,
      populationLabel: t.populationLabel,
      targetLabel: t.targetLabel,
      rows: quotaRows.filter((r) => r.table === t.code),
      printedTotal: t.printedTotal,
      rowSum: {
        population: t.rows.reduce((a, r) => a + r.population, 0),
        residencePermits: t.rows.some((r) => r.residencePermits !== null)
          ? t.rows.reduce((a, r) => a + (r.residencePermits ?? 0), 0)
          : null,
        target: t.rows.reduce((a, r) => a + r.target, 0),
      },
      clause: t.clause,
    })),
    activationTables: d.activationTables.map((t) => ({
      code: t.code,
      title: t.title,
      targetPercent: t.targetPercent,
      rows: t.rows.map((r) => ({ ...r, seq: r.seq ?? null })),
      printedTotal: { ...t.printedTotal, seq: null, unit: null },
      notes: t.notes,
      clause: t.clause,
    })),
    conventions: d.conventions,
    notes: d.notes,
    warnings: documentWarnings(d),
    document: d,
  };
}
