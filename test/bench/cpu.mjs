// CPU time spent on a measure, by the application process and by the PostgreSQL backends that served
// it (read from /proc: only when PostgreSQL runs on this machine, as null otherwise). Per step it
// tells what a step costs even when other work on the machine slows the wall clock down.
import fs from 'node:fs';

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of a process so far, or null when it cannot be read. */
export function processCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Starts counting: `appPid` is the application's process (null: this process), the backends are the
 * connections to this database whose application_name is one of `applications`. `stop()` returns
 * { appMs, databaseMs }; a backend that disconnects during the measure is not counted.
 */
export async function startCpuMeter(client, { appPid = null, applications }) {
  const backends = async () => {
    const { rows } = await client.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ANY($1)`,
      [applications],
    );
    return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
  };
  const appCpu = () => {
    if (appPid !== null) {
      return processCpuMs(appPid);
    }
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const appBefore = appCpu();
  const before = await backends();
  return {
    stop: async () => {
      const appAfter = appCpu();
      const after = await backends();
      let databaseMs = 0;
      for (const [pid, ms] of after) {
        if (ms === null) {
          databaseMs = null;
          break;
        }
        databaseMs += ms - (before.get(pid) ?? 0);
      }
      return {
        appMs: appBefore === null || appAfter === null ? null : appAfter - appBefore,
        databaseMs: after.size === 0 ? null : databaseMs,
      };
    },
  };
}
