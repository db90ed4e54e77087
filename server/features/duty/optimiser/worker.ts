/**
 * Solves rosters off the main thread (started by ../solve-in-worker.ts): each message is one
 * problem with its options, each answer one result or the error. The solver is synchronous and may
 * take seconds; on the main thread it would stop the server answering meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { solveRoster } from './solve.ts';
import type { RosterProblem, SolveOptions } from './problem.ts';

parentPort!.on('message', ({ problem, options }: { problem: RosterProblem; options: SolveOptions }) => {
  try {
    const { assignments, report, timings } = solveRoster(problem, options);
    parentPort!.postMessage({ ok: true, answer: { assignments, report, timings } });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
