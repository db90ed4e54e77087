import { Worker } from 'node:worker_threads';
import type { Assignment, RosterProblem, RosterReport, RosterTimings, SolveOptions } from './optimiser/index.ts';

export interface WorkerAnswer {
  assignments: Assignment[];
  report: RosterReport;
  timings: RosterTimings;
}

type Reply = { ok: true; answer: WorkerAnswer } | { ok: false; error: string };

/** The solver stops itself after 8 s; a worker still busy long after that is stuck. */
const STUCK_AFTER_MS = 120_000;
/** A worker kept between solves saves its start (≈ 0.5 s under tsx); an idle one gives its memory back. */
const IDLE_MS = 60_000;

// The server runs under tsx: the worker loads tsx's loader first, then the TypeScript entry point.
// Both are named by absolute URL, so the worker finds them whatever the process's working folder.
const tsxApi = import.meta.resolve('tsx/esm/api');
const target = new URL('./optimiser/worker.ts', import.meta.url).href;
const boot = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(import.meta.url)}))`;

/**
 * Solves rosters in a worker thread, one at a time: each solve takes a core for up to 8 s, so
 * requests that come meanwhile wait their turn instead of starving the server's own thread. A
 * worker that fails or hangs is dropped (the request gets the error) and the next solve starts a new one.
 */
export function rosterSolver(): (problem: RosterProblem, options?: SolveOptions) => Promise<WorkerAnswer> {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const drop = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };

  function runOnce(problem: RosterProblem, options: SolveOptions): Promise<WorkerAnswer> {
    clearTimeout(idle);
    const w = (worker ??= new Worker(boot, { eval: true }));
    // Held while it works, so a caller awaiting the answer keeps the process alive; released when idle.
    w.ref();
    return new Promise<WorkerAnswer>((resolve, reject) => {
      const settle = () => {
        clearTimeout(stuck);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        settle();
        w.unref();
        idle = setTimeout(() => drop(w), IDLE_MS).unref();
        if (reply.ok) resolve(reply.answer);
        else reject(new Error(`roster solver failed: ${reply.error}`));
      };
      const onError = (err: Error) => {
        settle();
        drop(w);
        reject(err);
      };
      const onExit = (code: number) => {
        settle();
        if (worker === w) worker = null;
        reject(new Error(`roster worker exited with code ${code} and no answer`));
      };
      const stuck = setTimeout(() => {
        settle();
        drop(w);
        reject(new Error(`roster worker gave no answer in ${STUCK_AFTER_MS} ms`));
      }, STUCK_AFTER_MS);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ problem, options });
    });
  }

  return (problem, options = {}) => {
    const run = queue.then(() => runOnce(problem, options));
    queue = run.catch(() => undefined);
    return run;
  };
}
