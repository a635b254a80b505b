// Loaded into the server by records-profile.mjs (`NODE_OPTIONS=--import …`, where --cpu-prof is refused):
// SIGWINCH starts sampling the CPU (Nest's shutdown hooks take SIGUSR2); at exit the profile is written into CARELOOM_PROFILE_DIR.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.CARELOOM_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  let started = false;
  process.on('SIGWINCH', () => {
    if (!started) {
      started = true;
      session.post('Profiler.start');
    }
  });
  process.once('exit', () => {
    if (!started) {
      return;
    }
    // The in-thread inspector answers synchronously, so this runs before the process is gone.
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      }
    });
  });
}
