// `careloom demo`: fills a CareLoom server that runs with CARELOOM_TEST_CLOCK=1 with a realistic home
// over a period of simulated time, through the public API only. See packages/cli/README.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Api, Session } from './api.mjs';
import { ensureStaff, ensureWings, importBundles, staffPlan } from './home.mjs';
import { People } from './people.mjs';
import { Random } from './random.mjs';
import { Simulation } from './simulation.mjs';
import { DAY, addMonths, dayStart, localDate } from './time.mjs';

/** Residents the first start creates; more than these means the tenant already holds real or demo data. */
const FIRST_START_RESIDENTS = 5;

export const DEMO_USAGE = `careloom demo [options]   fill a server started with CARELOOM_TEST_CLOCK=1 with a simulated home
  --url <server>            default CARELOOM_URL or http://localhost:3000
  --user <name>             an administrator (default admin)
  --password <text>         its password (default CARELOOM_ADMIN_PASSWORD)
  --demo-password <text>    the password of the staff it creates (default CARELOOM_DEMO_PASSWORD, else generated)
  --beds <n>                beds in the home (default 300: 4 wings of 75)
  --months <n>              simulated months, ending now (default 12)
  --seed <text>             same seed → same data (default careloom)
  --concurrency <n>         requests in flight (default 8)
  --force                   run even though the tenant already has residents beyond the first-start ones
  --allow-future            simulate from the server's clock even when that runs past the real now
  --summary <file>          also write the summary as JSON`;

function positiveInt(name, text, max) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`--${name} must be a whole number from 1 to ${max}, got "${text}"`);
  }
  return value;
}

/** Parses and checks the options; throws with a message a person can act on. */
export function demoOptions(values) {
  const password = values.password ?? process.env.CARELOOM_ADMIN_PASSWORD;
  if (!password) {
    throw new Error(
      'no password: pass --password or set CARELOOM_ADMIN_PASSWORD (the admin password printed at first start)',
    );
  }
  const demoPassword =
    values['demo-password'] ??
    process.env.CARELOOM_DEMO_PASSWORD ??
    `demo-${crypto.randomBytes(6).toString('base64url')}`;
  if (demoPassword.length < 8) {
    throw new Error('--demo-password must have at least 8 characters');
  }
  return {
    url: values.url,
    user: values.user ?? 'admin',
    password,
    demoPassword,
    beds: positiveInt('beds', values.beds ?? '300', 2000),
    months: positiveInt('months', values.months ?? '12', 36),
    seed: values.seed ?? 'careloom',
    concurrency: positiveInt('concurrency', values.concurrency ?? '8', 64),
    force: Boolean(values.force),
    allowFuture: Boolean(values['allow-future']),
    summary: values.summary ?? null,
  };
}

export async function runDemo(options, log = (line) => process.stdout.write(`${line}\n`)) {
  const api = new Api(options.url);
  const random = new Random(options.seed);
  const people = new People(random);
  const adminToken = await api.login(options.user, options.password);
  const admin = new Session(api, { username: options.user, displayName: options.user }, adminToken);

  // The server's clock decides where the simulated period starts.
  let serverNow;
  try {
    serverNow = Date.parse((await admin.post('/api/test/clock', { advance: 'PT0S' })).now);
  } catch (error) {
    if (error.status === 404) {
      throw new Error(
        `${options.url} does not run with CARELOOM_TEST_CLOCK=1, which the demo needs to move time`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const firstDay = dayStart(serverNow) + DAY;
  const endDay = dayStart(addMonths(serverNow, options.months));
  const days = Math.max(1, Math.round((endDay - firstDay) / DAY));
  if (firstDay + days * DAY > Date.now() + DAY && !options.allowFuture) {
    throw new Error(
      `The server's clock is at ${new Date(serverNow).toISOString()}: ${options.months} months from there end after the real now, so the demo data would lie in the future.\n` +
        `Start the server with its clock ${options.months} months back (node scripts/careloom.mjs demo does this), or pass --allow-future.`,
    );
  }

  const first = await admin.get('/api/residents?pageSize=200');
  if (first.total > FIRST_START_RESIDENTS && !options.force) {
    throw new Error(
      `This tenant already has ${first.total} residents (a fresh install has ${FIRST_START_RESIDENTS}); the demo would mix with them. Use a fresh data directory or pass --force.`,
    );
  }
  // With --force, everyone already in residence keeps their bed.
  const existing = [...first.items];
  for (let page = 2; existing.length < first.total; page += 1) {
    const next = await admin.get(`/api/residents?pageSize=200&page=${page}`);
    if (next.items.length === 0) {
      break;
    }
    existing.push(...next.items);
  }

  log(
    `▶ demo home: ${options.beds} beds, ${options.months} months from ${localDate(firstDay)} to ${localDate(firstDay + days * DAY)}, seed "${options.seed}"`,
  );
  await importBundles(admin, log);
  const wingCount = options.beds >= 120 ? 4 : 2;
  const home = await ensureWings(admin, wingCount, Math.ceil(options.beds / wingCount));
  const plan = staffPlan(people, home, options.beds);
  const created = await ensureStaff(admin, plan, options.demoPassword);
  log(`  ${home.wings.length} wings, ${plan.length} staff (${created.length} new)`);
  const staff = [];
  for (const member of plan) {
    let token;
    try {
      token = await api.login(member.username, options.demoPassword);
    } catch (error) {
      throw new Error(
        `cannot log in as ${member.username} with the demo password (an existing user with another password?): ${error.message}`,
        { cause: error },
      );
    }
    staff.push({
      ...member,
      user: { username: member.username, displayName: member.displayName },
      session: new Session(api, member, token),
    });
  }

  const simulation = new Simulation({
    api,
    admin,
    staff,
    home,
    random,
    people,
    concurrency: options.concurrency,
    log,
    demoPassword: options.demoPassword,
  });
  simulation.adoptExisting(existing, firstDay);
  const { seconds, pending } = await simulation.run(firstDay, days);
  // Back to the real now (the clock only moves forward: with --allow-future it may already be past it).
  const clockNow = await simulation.setClock(Date.now()).then(() => simulation.clock);

  const summary = {
    beds: options.beds,
    months: options.months,
    seed: options.seed,
    from: localDate(firstDay),
    to: localDate(firstDay + days * DAY),
    days,
    seconds: Math.round(seconds),
    requests: api.requests,
    failed: api.failures.length,
    failures: api.failures.slice(0, 50),
    pendingActions: pending,
    clockSeconds: Math.round(simulation.clockMs / 1000),
    serverClock: new Date(clockNow).toISOString(),
    residentsInResidence: simulation.residents.filter((r) => r.status === 'admitted').length,
    ...simulation.stats,
    staff: plan.map((m) => ({ username: m.username, role: m.role, displayName: m.displayName })),
    demoPassword: options.demoPassword,
  };
  if (options.summary) {
    fs.writeFileSync(options.summary, `${JSON.stringify(summary, null, 2)}\n`);
  }
  log(
    `✓ ${days} days simulated in ${summary.seconds} s (${summary.clockSeconds} s moving the clock ${summary.clockMoves} times) with ${api.requests} requests, ${api.failures.length} failed`,
  );
  for (const failure of api.failures.slice(0, 20)) {
    log(`  ✗ ${failure}`);
  }
  log(
    `  residents in residence ${summary.residentsInResidence}/${options.beds}, admissions ${summary.admissions}, discharged ${summary.discharged}, deceased ${summary.deceased}`,
  );
  log(
    `  complaints ${summary.complaints} (callbacks ${summary.callbacks}, reopened ${summary.reopened}), onboarding calls ${summary.onboardingCalls} (late ${summary.onboardingCallsLate})`,
  );
  log(
    `  contracts ${summary.contracts} (renewed ${summary.renewed}, not renewed ${summary.notRenewed}, ended early ${summary.contractsEndedEarly}), falls ${summary.falls} (moderate or severe ${summary.fallsModerateOrWorse}), pressure injuries ${summary.pressureInjuriesInHouse} in-house + ${summary.pressureInjuriesOnAdmission} on admission, over ${summary.residentDays} resident-days`,
  );
  log(
    `  vital signs ${summary.vitalSigns}, daily-life notes ${summary.dailyLife}, family users ${summary.familyUsers}, portal visits ${summary.familyReads}, monthly active ${Object.values(summary.familyActiveByMonth).join('/')}`,
  );
  log(`  staff logins (password ${options.demoPassword}): ${plan.map((m) => m.username).join(', ')}`);
  if (summary.familyUsers > 0) {
    log(
      `  family logins (password ${options.demoPassword}): family.<resident number>.<1|2>, from family.0001.1 to family.${String(simulation.residentSeq).padStart(4, '0')}.1`,
    );
  }
  return summary;
}
