/**
 * quoteBatch over HTTP: calls of 5,000 inputs (the limit) of the five notices, 2% of them bad (each
 * answered with its error, the others with their quotes), against the API as `npm start` runs it.
 * Prints the median time of a call and the quotes per second, on one connection and on four.
 */

const INPUTS = [
  { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['di-bao'] },
  { jurisdiction: '石狮市', year: 2025, paymentDate: '2025-03-10' },
  { jurisdiction: '石狮市', year: 2024, paymentDate: '2024-07-15' },
  { jurisdiction: '眉山市', year: 2024, paymentDate: '2024-05-15', categories: ['2303', '2361'] },
  { jurisdiction: '五河县', year: 2024, paymentDate: '2024-03-10', groups: ['newborn'], birthDate: '2023-12-20' },
  { jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', categories: ['di-shou-ru', 'du-zi-hu'], birthDate: '1950-01-01', householdRole: 'SPOUSE' },
  { jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-11-20' }] },
];
const BAD = { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-08-31' };
const SIZE = 5000;
const QUERY = `query($i: [QuoteInput!]!) { quoteBatch(inputs: $i) { index quote { amountDue benefitStart policyVersionId } error { field code } } }`;

const k = (x: number) => Math.round(x).toLocaleString('en');

export async function batchBench(port: number): Promise<void> {
  const inputs = Array.from({ length: SIZE }, (_, i) => (i % 50 === 7 ? BAD : INPUTS[i % INPUTS.length]!));
  const body = JSON.stringify({ query: QUERY, variables: { i: inputs } });
  const call = async () => {
    const start = process.hrtime.bigint();
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { data?: { quoteBatch: { quote: unknown; error: unknown }[] }; errors?: unknown };
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const outcomes = json.data?.quoteBatch;
    if (!outcomes || outcomes.length !== SIZE || outcomes.filter((o) => o.error).length !== SIZE / 50) throw new Error(`unexpected answer: ${JSON.stringify(json).slice(0, 300)}`);
    return ms;
  };
  for (let i = 0; i < 3; i++) await call(); // warm up (every process compiles its hot paths)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const one: number[] = [];
  for (let i = 0; i < 10; i++) one.push(await call());
  const parallel = 4;
  const start = process.hrtime.bigint();
  const times = (await Promise.all(Array.from({ length: parallel }, async () => [await call(), await call(), await call()]))).flat();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `quoteBatch over HTTP: ${k(SIZE)} inputs a call (2% refused, each with its error): median ${k(median(one))} ms a call on one connection, ${k((SIZE * 1000) / median(one))} quotes/s; ` +
      `${parallel} connections: ${k((SIZE * times.length) / seconds)} quotes/s (median ${k(median(times))} ms a call)`,
  );
}
