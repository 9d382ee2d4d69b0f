/**
 * npm run sim [-- options]
 *   --json FILE         write the results as JSON
 *   --md FILE           write the tables as markdown (what docs/dispatch.md quotes)
 *   --scenario NAME     hall scenario (scripts/sim/scenarios/NAME.json), default demo-peak
 *   --reps N            replications of the hall scenario (default: the scenario's)
 *   --erlang-reps N     replications of the Erlang check (default: erlang.json's)
 *   --policy NAME       a policy to run (repeatable; default: the scenario's list);
 *                       `tuned:slaPullFraction=0.4,idle=server` explores tunings
 *   --seed N            another seed (default: the scenario's)
 *   --compare-to NAME   also print every policy against NAME, paired by day
 *   --load-factor X     multiply every arrival rate by X (stress test)
 *   --no-erlang / --no-hall   skip a part
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { variantNamed } from './policies';
import { erlangReport, hallReport, pairedReport, toJson } from './report';
import { runErlang, runHall, type ErlangRow, type HallRun } from './runner';
import { ErlangScenarioFile, HallScenarioFile, loadScenarioFile, normaliseHall } from './scenario';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    md: { type: 'string' },
    scenario: { type: 'string', default: 'demo-peak' },
    reps: { type: 'string' },
    'erlang-reps': { type: 'string' },
    policy: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'no-erlang': { type: 'boolean', default: false },
    'no-hall': { type: 'boolean', default: false },
    'compare-to': { type: 'string' },
    'load-factor': { type: 'string' },
  },
});

const intOpt = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number.parseInt(v, 10));
const log = (msg: string) => process.stderr.write(msg);
const sections: string[] = [];
let erlang: ErlangRow[] = [];
let hall: HallRun | undefined;
const t0 = performance.now();

if (!values['no-erlang']) {
  const file = ErlangScenarioFile.parse(loadScenarioFile('erlang'));
  if (values.seed) file.seed = Number(values.seed);
  log(`erlang: c = ${file.servers.join(', ')} …\n`);
  erlang = runErlang(file, variantNamed('default'), intOpt(values['erlang-reps']));
  sections.push(erlangReport(erlang));
}

if (!values['no-hall']) {
  const file = HallScenarioFile.parse(loadScenarioFile(values.scenario));
  if (values.seed) file.seed = Number(values.seed);
  const s = normaliseHall(file);
  // Stress test: every arrival rate times this factor.
  const factor = values['load-factor'] ? Number(values['load-factor']) : 1;
  if (factor !== 1) {
    s.name = `${s.name} ×${factor}`;
    for (const l of s.load) l.perHour = l.perHour.map((x) => x * factor);
  }
  const variants = (values.policy ?? s.policies).map(variantNamed);
  const reps = intOpt(values.reps) ?? s.replications;
  log(`${s.name}: ${variants.map((v) => v.name).join(', ')} × ${reps} days `);
  hall = runHall(s, variants, reps, (r) => {
    if ((r + 1) % 10 === 0) log('.');
  });
  log('\n');
  sections.push(hallReport(hall));
  if (values['compare-to']) sections.push(pairedReport(hall, values['compare-to']));
}

const text = sections.join('\n\n') + '\n';
process.stdout.write(text);
log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
if (values.md) writeFileSync(values.md, text);
if (values.json) writeFileSync(values.json, JSON.stringify(toJson(erlang, hall), null, 2) + '\n');
