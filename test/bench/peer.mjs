// The peer of the engine benchmark: the routing model on bpmn-engine, in this process and in memory
// (no persistence). The XML is parsed once and its serialized context shared by every instance, as an
// application embedding bpmn-engine would cache it.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { percentile } from './load.mjs';
import { peerRouteProcess, ROUTE_THRESHOLD } from './engine-models.mjs';

/** Sends every user task its signal at once; resolves with the id of the task that waited. */
async function runOne(sourceContext, score) {
  const listener = new EventEmitter();
  let taskId = null;
  listener.on('wait', (api) => {
    taskId = api.id;
    api.signal({ done: true });
  });
  const engine = new Engine({ name: 'bench-peer', sourceContext });
  const ended = engine.waitFor('end');
  await engine.execute({ listener, variables: { score } });
  await ended;
  return taskId;
}

/** `concurrency` instances in flight for `seconds`: start → gateway → user task → signal → end. */
export async function runPeer({ concurrency, seconds }) {
  const parser = new Engine({ name: 'bench-peer-source', source: peerRouteProcess() });
  const [definition] = await parser.getDefinitions();
  const sourceContext = definition.context.definitionContext;
  // The routing must match ours: score above the threshold → high, else low.
  if ((await runOne(sourceContext, ROUTE_THRESHOLD + 1)) !== 'high') {
    throw new Error('bpmn-engine routed a high score elsewhere');
  }
  if ((await runOne(sourceContext, ROUTE_THRESHOLD)) !== 'low') {
    throw new Error('bpmn-engine routed a low score elsewhere');
  }
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async (index) => {
    for (let n = 0; performance.now() < deadline; n += 1) {
      const started = performance.now();
      await runOne(sourceContext, (index * 7 + n) % 100);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
