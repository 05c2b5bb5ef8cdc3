import { DEFAULTS } from './defaults.js';
import { selectRows } from './matrix.js';
import { bcubed } from './metrics.js';
import { buildPrototypes } from './prototypes.js';
import { recognizeFaces } from './recognize.js';
import { syntheticFaces } from './synthetic.js';

/**
 * Recognition at scale on synthetic descriptors (face-api's distance scale): a library of 100,000
 * faces of 2,000 people (70% of them named, 35% of their faces confirmed), then 100,000 new faces of
 * the same people recognised incrementally. Prints one table.
 */
const IDENTITIES = Number(process.env.BENCH_IDENTITIES ?? 2000);
const PER = Number(process.env.BENCH_FACES_PER_IDENTITY ?? 50);
const NAMED = Math.round(IDENTITIES * 0.7);

const all = syntheticFaces({ identities: IDENTITIES, facesPerIdentity: 2 * PER, seed: 2026 });
const libIdx: number[] = [];
const newIdx: number[] = [];
for (let i = 0; i < all.identity.length; i++) (i % (2 * PER) < PER ? libIdx : newIdx).push(i);
const identity = (i: number) => all.identity[i] as number;
const confirmed = libIdx.filter((i) => identity(i) < NAMED && i % (2 * PER) < Math.round(0.35 * PER));
const confirmedSet = new Set(confirmed);
const libPending = libIdx.filter((i) => !confirmedSet.has(i));
const photo = (i: number) => `p${i}`;

const rows: [string, string, string, string][] = [];
/** Wall time and this process's CPU time (user + system): on a shared machine the CPU time is the steadier figure. */
const time = <T>(label: string, items: string, fn: () => T): T => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(cpu);
  rows.push([
    label,
    items,
    `${((performance.now() - t) / 1000).toFixed(2)} s`,
    `${((used.user + used.system) / 1e6).toFixed(2)} s`,
  ]);
  console.error(`${label}: ${rows.at(-1)?.[2]} (cpu ${rows.at(-1)?.[3]})`);
  return result;
};

const people = time('build prototypes (all people)', `${confirmed.length} confirmed faces`, () =>
  buildPrototypes(selectRows(all.descriptors, confirmed), confirmed.map(identity), DEFAULTS.prototypes),
);
const full = time('full re-run of the library (name + re-cluster)', `${libPending.length} faces`, () =>
  recognizeFaces({
    people,
    groups: [],
    faces: selectRows(all.descriptors, libPending),
    photoOf: libPending.map(photo),
    firstNewGroupKey: 1,
  }),
);
const firstNew = Math.max(...full.groups.keys()) + 1;
const inc = time('incremental step: new faces into the library', `${newIdx.length} faces`, () =>
  recognizeFaces({
    people,
    groups: [...full.groups.values()],
    faces: selectRows(all.descriptors, newIdx),
    photoOf: newIdx.map(photo),
    firstNewGroupKey: firstNew,
  }),
);

let named = 0;
let wrong = 0;
newIdx.forEach((f, q) => {
  const p = inc.person[q] as number;
  if (p < 0) return;
  named++;
  if (p !== identity(f)) wrong++;
});
const unknownQ = newIdx.map((f, q) => ({ f, q })).filter(({ f }) => identity(f) >= NAMED);
const grouping = bcubed(
  unknownQ.map(({ f }) => String(identity(f))),
  unknownQ.map(({ q }) => inc.group[q] as number),
);
const nameable = newIdx.filter((f) => identity(f) < NAMED).length;

console.log(
  `Recognition bench: ${IDENTITIES} identities, ${libIdx.length} library faces, ${newIdx.length} new faces`,
);
console.log(`prototypes: ${people.vectors.rows}; groups after full run: ${full.groups.size}\n`);
console.log('| step | input | wall time | CPU time |\n|---|---|---|---|');
for (const [a, b, c, d] of rows) console.log(`| ${a} | ${b} | ${c} | ${d} |`);
console.log(
  `\nnew faces: ${named} named (${((100 * (named - wrong)) / Math.max(1, named)).toFixed(2)}% correct, ` +
    `recall ${((100 * (named - wrong)) / nameable).toFixed(1)}%), unnamed people BCubed F ${grouping.f.toFixed(3)}`,
);
