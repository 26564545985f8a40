// temporary: engine rate alone (h13 measurement before/after)
import { quote } from '../../api/engine/index.js';
import { SEEDED } from '../engine/seeded.js';
const requests = [
  { p: SEEDED[1]!, r: { paymentDate: '2024-11-15', categories: ['di-bao'] } },
  { p: SEEDED[1]!, r: { paymentDate: '2025-03-10' } },
  { p: SEEDED[0]!, r: { paymentDate: '2024-07-15' } },
  { p: SEEDED[3]!, r: { paymentDate: '2024-05-15', categories: ['2303', '2361'] } },
  { p: SEEDED[4]!, r: { paymentDate: '2024-03-10', groups: ['newborn'], birthDate: '2023-12-20' } },
  { p: SEEDED[2]!, r: { paymentDate: '2021-11-01', categories: ['di-shou-ru', 'du-zi-hu'], birthDate: '1950-01-01' } },
];
for (let i = 0; i < 50_000; i++) quote(requests[i % requests.length]!.p, requests[i % requests.length]!.r);
const rounds: number[] = [];
let n = 0;
for (let round = 0; round < 5; round++) {
  let done = 0;
  const start = process.hrtime.bigint();
  const until = start + 1_000_000_000n;
  while (process.hrtime.bigint() < until) for (let i = 0; i < 1000; i++, n++, done++) quote(requests[n % requests.length]!.p, requests[n % requests.length]!.r);
  rounds.push(done / (Number(process.hrtime.bigint() - start) / 1e9));
}
console.log(rounds.map((x) => Math.round(x)).sort((a, b) => a - b));
