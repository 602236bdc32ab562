import { spawn } from 'node:child_process';
import { JOB_ENV, RESULT_PREFIX, type WorkerJob, type WorkerResult } from './worker/protocol.js';

/** A run that failed: the worker exited badly, printed no result, took too long, or did not do the work. */
export class BenchRunError extends Error {
  override readonly name = 'BenchRunError';
  constructor(
    message: string,
    readonly job: WorkerJob,
    readonly stderr = '',
  ) {
    super(stderr ? `${message}\n${stderr.trim().split('\n').slice(-15).join('\n')}` : message);
  }
}

/** Runs one job in a fresh `node` process and resolves to what it measured. */
export function runWorker(workerFile: string, job: WorkerJob, timeoutMs: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile], {
      env: { ...process.env, [JOB_ENV]: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BenchRunError(`${describe(job)} took more than ${timeoutMs / 1000} s`, job, stderr));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BenchRunError(`${describe(job)} could not start: ${error.message}`, job));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new BenchRunError(`${describe(job)} failed (exit ${String(code)})`, job, stderr));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult);
    });
  });
}

function describe(job: WorkerJob): string {
  return `${job.side} ${job.task.kind}`;
}
