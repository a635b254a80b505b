// Preloaded into a CareLoom server for `careloom demo` (NODE_OPTIONS=--import=<this file>): the process
// starts with its wall clock at CARELOOM_DEMO_CLOCK_START, e.g. a year ago, so the demo can move the
// test clock forward through that year and end at the real now. Only `Date` is shifted (Date.now()
// and new Date() without arguments); timers and performance.now() are untouched. The server refuses
// CARELOOM_TEST_CLOCK in production, and this file refuses NODE_ENV=production as well.
const start = process.env.CARELOOM_DEMO_CLOCK_START;

if (start) {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('CARELOOM_DEMO_CLOCK_START cannot be used with NODE_ENV=production');
  }
  const target = Date.parse(start);
  if (Number.isNaN(target)) {
    throw new Error(`CARELOOM_DEMO_CLOCK_START must be an ISO instant, got "${start}"`);
  }
  const RealDate = Date;
  const shift = target - RealDate.now();
  const now = () => RealDate.now() + shift;
  globalThis.Date = new Proxy(RealDate, {
    construct(Target, args, newTarget) {
      return Reflect.construct(Target, args.length === 0 ? [now()] : args, newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(Target, property, receiver) {
      return property === 'now' ? now : Reflect.get(Target, property, receiver);
    },
  });
}
