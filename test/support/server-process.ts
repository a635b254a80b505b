// Typed entry for the TypeScript tests; the implementation is plain Node so benchmarks share it.
export { freePort, login, REPO_ROOT, startServer, type ServerProcess } from './server-process.mjs';
