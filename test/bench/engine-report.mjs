// The engine benchmark's table: measure, value, baseline, ratio, goal, met — ratios against the
// baselines measured in the same run.

const fmt = (n, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
const pct = (n) => (Number.isFinite(n) ? `${fmt(n * 100)} %` : '—');
const met = (ok) => (ok === null ? '' : ok ? 'yes' : 'NO');

const cpuTotal = (cpu) =>
  cpu.appMsPer === null || cpu.databaseMsPer === null ? NaN : cpu.appMsPer + cpu.databaseMsPer;
const cpuText = (cpu, app, digits = 2) =>
  `${app} ${fmt(cpu.appMsPer, digits)} + PG ${fmt(cpu.databaseMsPer, digits)} ms`;

/**
 * CPU milliseconds per unit, application process + PostgreSQL backends: the ratio is the share of
 * the ceiling the throughput would reach if CPU were the only limit (what a busy machine hides).
 */
function cpuRows(e) {
  const ceiling = cpuTotal(e.ceiling.cpu);
  return [
    ['CPU per ceiling step (bench process + PostgreSQL)', cpuText(e.ceiling.cpu, 'app'), '', '', '', null],
    [
      'CPU per persisted step, ratio = ceiling CPU / ours',
      cpuText(e.steps.cpu, 'server'),
      `${fmt(ceiling, 2)} ms`,
      pct(ceiling / cpuTotal(e.steps.cpu)),
      '(≥ 50 %)',
      null,
    ],
    [
      'CPU per whole instance (2 steps), ratio = ceiling step CPU / ours',
      cpuText(e.instances.cpu, 'server'),
      `${fmt(ceiling, 2)} ms`,
      pct(ceiling / cpuTotal(e.instances.cpu)),
      '(≥ 25 %)',
      null,
    ],
    [
      'CPU per HTTP step / whole instance of the load generator (bench process)',
      `${fmt(e.steps.cpu.loaderMsPer, 2)} / ${fmt(e.instances.cpu.loaderMsPer, 2)} ms`,
      '',
      '',
      '',
      null,
    ],
    [
      'CPU per instance on bpmn-engine (in memory), ratio = it / ours',
      `${fmt(e.peer.cpu.appMsPer, 2)} ms`,
      `${fmt(cpuTotal(e.instances.cpu), 2)} ms`,
      pct(e.peer.cpu.appMsPer / cpuTotal(e.instances.cpu)),
      '',
      null,
    ],
  ];
}

/**
 * The engine API in the server's process (no HTTP, JSON or session lookup): what the engine, its persistence
 * and the services cost, next to the HTTP rows above (which stay the measure).
 */
function inProcessRows(e) {
  if (!e.inProcess) {
    return [];
  }
  const ceiling = e.ceiling.perSecond;
  const ceilingCpu = cpuTotal(e.ceiling.cpu);
  const { starts, steps, instances } = e.inProcess;
  const row = (measure, result, unit, goal) => [
    measure,
    `${fmt(result.perSecond)} ${unit}`,
    `${fmt(ceiling)}`,
    pct(result.perSecond / ceiling),
    goal,
    null,
  ];
  return [
    row('persisted steps/s: task completions in-process (engine API, no HTTP)', steps, 'steps/s', '(≥ 50 %)'),
    row(
      'instances/s: the same whole instance in-process (engine API, no HTTP)',
      instances,
      'inst/s',
      '(≥ 25 %)',
    ),
    row('starts/s: start → waiting at a task, in-process', starts, 'inst/s', ''),
    [
      'CPU per in-process step, ratio = ceiling CPU / ours',
      cpuText(steps.cpu, 'server'),
      `${fmt(ceilingCpu, 2)} ms`,
      pct(ceilingCpu / cpuTotal(steps.cpu)),
      '(≥ 50 %)',
      null,
    ],
    [
      'CPU per in-process whole instance, ratio = ceiling step CPU / ours',
      cpuText(instances.cpu, 'server'),
      `${fmt(ceilingCpu, 2)} ms`,
      pct(ceilingCpu / cpuTotal(instances.cpu)),
      '(≥ 25 %)',
      null,
    ],
  ];
}

/** The rows of the table, also kept in the JSON. */
export function engineRows(e) {
  const ceiling = e.ceiling.perSecond;
  const stateBytes = e.state.storedBytes - e.state.storedVariablesBytes;
  const textBytes = e.state.textBytes - e.state.textVariablesBytes;
  const lateGoal = e.polls[0].pollIntervalMs + 100;
  const rows = [
    [
      'step ceiling: raw SQL step (UPDATE state + INSERT history + INSERT task)',
      `${fmt(ceiling)} steps/s`,
      '',
      '',
      '',
      null,
    ],
    [
      'persisted steps/s: task completions over HTTP',
      `${fmt(e.steps.perSecond)} steps/s`,
      `${fmt(ceiling)}`,
      pct(e.steps.perSecond / ceiling),
      '≥ 50 %',
      e.steps.perSecond / ceiling >= 0.5,
    ],
    [
      'instances/s: start → gateway (JSON Logic) → task → complete → end',
      `${fmt(e.instances.perSecond)} inst/s`,
      `${fmt(ceiling)}`,
      pct(e.instances.perSecond / ceiling),
      '≥ 25 %',
      e.instances.perSecond / ceiling >= 0.25,
    ],
    ...(e.instancesListing
      ? [
          [
            'instances/s, the task found by listing the instance’s tasks',
            `${fmt(e.instancesListing.perSecond)} inst/s`,
            `${fmt(ceiling)}`,
            pct(e.instancesListing.perSecond / ceiling),
            '',
            null,
          ],
        ]
      : []),
    [
      'starts/s: start → waiting at a task (HTTP)',
      `${fmt(e.starts.perSecond)} inst/s`,
      `${fmt(ceiling)}`,
      pct(e.starts.perSecond / ceiling),
      '',
      null,
    ],
    [
      'vs bpmn-engine, same model (in memory, no persistence)',
      `${fmt(e.instances.perSecond)} inst/s`,
      `${fmt(e.peer.perSecond)}`,
      pct(e.instances.perSecond / e.peer.perSecond),
      '',
      null,
    ],
    ...inProcessRows(e),
    ...cpuRows(e),
    [
      'state per waiting instance, stored, besides variables',
      `${fmt(stateBytes, 0)} B`,
      '',
      '',
      '≤ 2,048 B',
      stateBytes <= 2048,
    ],
    ['state per waiting instance, JSON text, besides variables', `${fmt(textBytes, 0)} B`, '', '', '', null],
    ['whole process_instance row per waiting instance', `${fmt(e.state.rowBytes, 0)} B`, '', '', '', null],
    [
      `server heap kept per waiting instance (${e.memory.instances.toLocaleString('en')}, after GC)`,
      `${fmt(e.memory.heapBytesPerInstance, 0)} B`,
      '',
      '',
      '< 256 B (none)',
      e.memory.heapBytesPerInstance < 256,
    ],
    ['server RSS growth per waiting instance', `${fmt(e.memory.rssBytesPerInstance, 0)} B`, '', '', '', null],
  ];
  for (const poll of e.polls) {
    const n = poll.timers.toLocaleString('en');
    rows.push(
      [
        `empty poll (the worker's read of the next due job), ${n} future timers, p50`,
        `${fmt(poll.p50, 3)} ms`,
        '',
        '',
        '≤ 1 ms',
        poll.p50 <= 1,
      ],
      [`empty poll, ${n} future timers, p99`, `${fmt(poll.p99, 3)} ms`, '', '', '', null],
      [`empty poll, ${n} future timers, CPU`, cpuText(poll.cpu, 'server', 3), '', '', '(≤ 1 ms)', null],
      [
        `claim transaction a due poll opens (BEGIN, claim, COMMIT), ${n} timers, p50`,
        poll.claimP50 === undefined ? '—' : `${fmt(poll.claimP50, 3)} ms`,
        '',
        '',
        '',
        null,
      ],
      [
        `empty poll, ${n} timers, EXPLAIN ANALYZE in PostgreSQL`,
        `${fmt(poll.explainMs, 3)} ms`,
        '',
        '',
        '',
        null,
      ],
    );
  }
  const t = e.timers;
  rows.push(
    [
      `timer lateness p50, ${t.spread.timers.toLocaleString('en')} due evenly over ${fmt(t.spread.windowMs / 1000, 0)} s`,
      `${fmt(t.spread.p50, 0)} ms`,
      '',
      '',
      '',
      null,
    ],
    [
      'timer lateness p99',
      `${fmt(t.spread.p99, 0)} ms`,
      `${e.polls[0].pollIntervalMs}`,
      '',
      `≤ ${lateGoal} ms`,
      t.spread.p99 <= lateGoal && t.fired === t.started,
    ],
    [
      `timer firings/s, ${t.burst.timers.toLocaleString('en')} due at once`,
      `${fmt(t.burst.firingsPerSecond)} /s`,
      `${fmt(ceiling)}`,
      pct(t.burst.firingsPerSecond / ceiling),
      '',
      null,
    ],
  );
  return rows;
}

export function printEngine(e) {
  const rows = engineRows(e);
  const head = ['measure', 'value', 'baseline', 'ratio', 'goal', 'met?'];
  const cells = rows.map(([measure, value, baseline, ratio, goal, ok]) => [
    measure,
    value,
    baseline,
    ratio,
    goal,
    met(ok),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) =>
    `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  const t = e.timers;
  process.stdout.write(
    `\nProcess engine — ${e.concurrency} concurrent, ${e.seconds} s per throughput measure after ${e.warmUpSeconds ?? 0} s of ` +
      `warm-up, pool of ${e.poolSize}` +
      (e.rounds ? ` (ceiling, completions and whole instances in ${e.rounds} alternating rounds)` : '') +
      '; ' +
      `${e.cpus} CPUs, load average ${e.loadAverage.before[0].toFixed(1)} before, ${e.loadAverage.after[0].toFixed(1)} after\n` +
      `${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n` +
      `${cells.map(line).join('\n')}\n` +
      `baseline of throughput rows: the step ceiling (steps/s); of the peer row: bpmn-engine instances/s, in memory.\n` +
      (e.roundRatios
        ? `by round, of that round's ceiling: completions ${e.roundRatios.steps.map((r) => pct(r)).join(', ')}; ` +
          `whole instances ${e.roundRatios.instances.map((r) => pct(r)).join(', ')}\n`
        : '') +
      `CPU rows: the ratio is the throughput share of the ceiling if CPU were the only limit; goals in parentheses are informative.\n` +
      `in-process rows: the same service calls as the HTTP routes, inside the server (no HTTP, JSON or session lookup); ` +
      `the HTTP rows stay the issue's measure.\n` +
      `heap goal "none kept": one waiting instance's state held as JS objects would take well over 1 KB; below 256 B is noise.\n` +
      `worker poll interval ${e.polls[0].pollIntervalMs} ms; poll plan uses ${e.polls[0].indexes.join(', ') || 'no index'}; ` +
      `timer instances started before the first was due: ${t.allStartedBeforeDue ? 'yes' : 'no'}; ` +
      `fired ${t.fired}/${t.started}.\n` +
      (e.instances.routedWrong > 0 ? `gateway routed ${e.instances.routedWrong} instances wrongly\n` : '') +
      [
        ['HTTP completions', e.steps],
        ['in-process completions', e.inProcess?.steps],
      ]
        .filter(([, r]) => r && r.seconds < e.seconds * 0.95)
        .map(([name, r]) => `${name} ran out of open tasks after ${r.seconds.toFixed(1)} s\n`)
        .join('') +
      [
        ['ceiling', e.ceiling],
        ['steps', e.steps],
        ['instances', e.instances],
        ['warm-up starts', e.warmUp],
        ['starts', e.starts],
        ['timer instance starts', { errors: t.startErrors, firstError: t.firstStartError }],
        ...(e.inProcess
          ? [
              ['in-process starts', e.inProcess.starts],
              ['in-process steps', e.inProcess.steps],
              ['in-process instances', e.inProcess.instances],
            ]
          : []),
      ]
        .filter(([, r]) => r.errors > 0)
        .map(([name, r]) => `${name}: ${r.errors} errors, first: ${r.firstError}\n`)
        .join(''),
  );
}
