import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyCache } from '../../api/modules/policy/policy-cache.js';
import { adminToken, callsAs, createUsers, loginToken, settleReviewItems, startTestApi, type TestApi } from '../helpers/api.js';

/**
 * Quotes as the law stood (issue 13 item 1), over HTTP against a real PostgreSQL: an amendment of
 * Shishi 2025 (fee 410) published to take effect on 2025-03-01; payments before and after it are
 * quoted by their own versions; `asOf` asks for the rules of another day; `expectedContentHash`
 * refuses an answer from any other document; the superseded version stays quotable.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
const PASSWORD = 'correct horse battery';
let original: { id: string; contentHash: string };
let amendment: { id: string; contentHash: string };

const { ok } = callsAs(() => api, tokens);
const Q = `query($input: QuoteInput!) { quote(input: $input) { individualFee amountDue benefitStart policyVersionId contentHash inForceFrom } }`;
const quote = (input: Record<string, unknown>) => api.gql(Q, { input: { jurisdiction: '石狮市', year: 2025, ...input } });

beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await adminToken(api);
  await createUsers(api, tokens.admin, PASSWORD, [
    ['drafter', ['drafter'], ['石狮市']],
    ['approver', ['approver'], ['石狮市']],
  ]);
  for (const u of ['drafter', 'approver']) tokens[u] = await loginToken(api, u, PASSWORD);
  original = (await ok(null, `{ policy(jurisdiction: "石狮市", year: 2025) { id contentHash } }`)).policy;
  // an amendment of the same year: the individual fee becomes 410, in force from 2025-03-01
  const { createDraft: d } = await ok('drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2025) { id document } }`, { f: original.id });
  d.document.fees.individual.amountFen = 41_000;
  d.document.metadata.documentNumber = '狮政办规〔2025〕1号';
  await ok('drafter', `mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d, comment: "2025年3月1日起个人缴费410元") { id } }`, { id: d.id, d: d.document });
  await settleReviewItems((q, v) => api.gql(q, v, tokens.drafter), d.id);
  await ok('drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
  await ok('approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
  amendment = (await ok('approver', `mutation($id: ID!) { publish(id: $id, effectiveFrom: "2025-03-01") { id contentHash } }`, { id: d.id })).publish;
});
afterAll(async () => api?.close());

describe('the version in force on the payment date answers', () => {
  it('a payment before the amendment takes effect: the original version (400), in force from its issue day', async () => {
    const r = await quote({ paymentDate: '2024-11-15' });
    expect(r.data.quote).toEqual({ individualFee: '400.00', amountDue: '400.00', benefitStart: '2025-01-01', policyVersionId: original.id, contentHash: original.contentHash, inForceFrom: '2024-10-28' });
    expect((await quote({ paymentDate: '2025-02-28' })).data.quote).toMatchObject({ individualFee: '400.00', policyVersionId: original.id });
  });

  it('a payment from the amendment’s effective day: the amendment (410)', async () => {
    const r = await quote({ paymentDate: '2025-03-10' });
    expect(r.data.quote).toEqual({ individualFee: '410.00', amountDue: '410.00', benefitStart: '2025-06-10', policyVersionId: amendment.id, contentHash: amendment.contentHash, inForceFrom: '2025-03-01' });
  });

  it('a payment before any version was in force (2024-09-15, the notice issued 2024-10-28): the first version, which governs its whole campaign', async () => {
    expect((await quote({ paymentDate: '2024-09-15' })).data.quote).toMatchObject({ individualFee: '400.00', policyVersionId: original.id, inForceFrom: '2024-10-28' });
  });

  it('quotes, quoteBatch and refund choose per input, in one call', async () => {
    const inputs = ['2024-11-15', '2025-03-10', '2025-02-01'].map((paymentDate) => ({ jurisdiction: '石狮市', year: 2025, paymentDate }));
    const { quotes } = await ok(null, `query($i: [QuoteInput!]!) { quotes(inputs: $i) { individualFee policyVersionId } }`, { i: inputs });
    expect(quotes).toEqual([
      { individualFee: '400.00', policyVersionId: original.id },
      { individualFee: '410.00', policyVersionId: amendment.id },
      { individualFee: '400.00', policyVersionId: original.id },
    ]);
    const { quoteBatch } = await ok(null, `query($i: [QuoteInput!]!) { quoteBatch(inputs: $i) { index quote { policyVersionId } } }`, { i: inputs });
    expect(quoteBatch.map((o: any) => o.quote.policyVersionId)).toEqual([original.id, amendment.id, original.id]);
    const { refund } = await ok(null, `query($i: RefundInput!) { refund(input: $i) { refundable reason policyVersionId inForceFrom } }`, {
      i: { jurisdiction: '石狮市', year: 2025, paymentDate: '2025-03-10', eventDate: '2025-04-01', reason: 'DEATH' },
    });
    expect(refund).toEqual({ refundable: false, reason: 'the notice states no refund rule for death', policyVersionId: amendment.id, inForceFrom: '2025-03-01' });
  });
});

describe('asOf, policyVersionId and expectedContentHash', () => {
  it('asOf: the rules as they stood on another day, whatever the payment date', async () => {
    expect((await quote({ paymentDate: '2025-03-10', asOf: '2025-02-01' })).data.quote).toMatchObject({ individualFee: '400.00', policyVersionId: original.id });
    expect((await quote({ paymentDate: '2024-11-15', asOf: '2025-03-01' })).data.quote).toMatchObject({ individualFee: '410.00', policyVersionId: amendment.id });
    // the same reading as policy(asOf)
    const at = async (asOf: string) => (await ok(null, `query($d: Date) { policy(jurisdiction: "石狮市", year: 2025, asOf: $d) { id } }`, { d: asOf })).policy.id;
    expect([await at('2025-02-01'), await at('2025-03-01')]).toEqual([original.id, amendment.id]);
  });

  it('policyVersionId pins a version: the superseded original stays quotable, and says from when it was in force', async () => {
    const r = await quote({ paymentDate: '2025-03-10', policyVersionId: original.id });
    expect(r.data.quote).toMatchObject({ individualFee: '400.00', policyVersionId: original.id, inForceFrom: '2024-10-28' });
    const both = await quote({ paymentDate: '2025-03-10', policyVersionId: original.id, asOf: '2025-01-01' });
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.asOf' });
  });

  it('expectedContentHash: answered only by the document with that hash (a receipt replayed), else refused with CONTENT_HASH_MISMATCH', async () => {
    expect((await quote({ paymentDate: '2025-03-10', expectedContentHash: amendment.contentHash })).data.quote.policyVersionId).toBe(amendment.id);
    const r = await quote({ paymentDate: '2025-03-10', expectedContentHash: original.contentHash });
    expect(r.data).toBeNull();
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONTENT_HASH_MISMATCH', field: 'input.expectedContentHash' });
    expect(r.errors![0]!.message).toContain(`has content hash ${amendment.contentHash}, not ${original.contentHash}`);
    // the receipt's own version, named with its hash, answers
    expect((await quote({ paymentDate: '2025-03-10', policyVersionId: original.id, expectedContentHash: original.contentHash })).data.quote.individualFee).toBe('400.00');
  });
});

describe('the policy cache', () => {
  it('holds every version of a year: the version in force on any day is found without another query', async () => {
    const cache = new PolicyCache();
    let queries = 0;
    const em = () => (queries++, api.orm.em.fork());
    const j = (await cache.jurisdictions(em)).find('石狮市')!;
    queries = 0;
    const a = await cache.inForceOn(em, j.id, 2025, '2024-11-15');
    const b = await cache.inForceOn(em, j.id, 2025, '2025-03-10');
    const c = await cache.inForceOn(em, j.id, 2025, '2025-12-31');
    expect([a!.id, b!.id, c!.id]).toEqual([original.id, amendment.id, amendment.id]);
    expect(queries).toBe(1);
    // a commit that touches policy_version is notified: the cache forgets, and loads again once
    cache.invalidate();
    await cache.inForceOn(em, j.id, 2025, '2024-11-15');
    await cache.inForceOn(em, j.id, 2025, '2025-03-10');
    expect(queries).toBe(2);
  });
});
