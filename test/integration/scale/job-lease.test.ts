// A job that runs longer than its lease is not taken over by another worker while it still runs: the runner renews
// the lease of the job in hand, and claims jobs one at a time (a job claimed in a batch would otherwise wait behind
// the others while its lease ran out). Two runners share the queue as two workers would.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "../creators/model-env";

type Queue = typeof import("../../../app/jobs/job-queue.server");
type Runner = typeof import("../../../app/jobs/run-due-jobs.server");
type Registry = typeof import("../../../app/jobs/job-registry.server");

describe("job leases", () => {
  let database: TestDatabase;
  let queue: Queue;
  let runner: Runner;
  beforeAll(async () => {
    database = await useModelDatabase();
    queue = await import("../../../app/jobs/job-queue.server");
    runner = await import("../../../app/jobs/run-due-jobs.server");
  });
  afterAll(async () => {
    const { db } = await import("../../../app/db.server");
    await db.$disconnect();
    await database?.drop();
  });

  test("jobs four times longer than the lease, two workers: each job runs once", async () => {
    const JOBS = 6;
    const LEASE_MS = 200;
    const runs: { id: string; worker: string }[] = [];
    const handlers: ReturnType<Registry["registeredJobHandlers"]> = new Map([
      [
        "lease-probe",
        async (job: { id: string }) => {
          await new Promise((resolve) => setTimeout(resolve, 4 * LEASE_MS));
          runs.push({ id: job.id, worker: "" });
        },
      ],
    ]);
    for (let i = 0; i < JOBS; i++) await queue.enqueueJob({ name: "lease-probe", payload: { i } });
    const work = async (worker: string) => {
      const wrapped = new Map([...handlers].map(([name, handler]) => [name, async (job: Parameters<typeof handler>[0]) => {
        await handler(job);
        runs[runs.length - 1]!.worker = worker;
      }]));
      for (let round = 0; round < 10; round++) {
        const { done } = await runner.runDueJobs(wrapped, worker, { leaseMs: LEASE_MS, limit: 10 });
        if (done === 0) await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 2));
        if ((await database.client.job.count({ where: { name: "lease-probe", status: "done" } })) === JOBS) return;
      }
    };
    await Promise.all([work("worker-a"), work("worker-b")]);
    const jobs = await database.client.job.findMany({ where: { name: "lease-probe" }, select: { id: true, status: true, attempts: true } });
    expect(jobs.map((job) => ({ ...job, runs: runs.filter((run) => run.id === job.id).length }))).toEqual(
      jobs.map((job) => ({ id: job.id, status: "done", attempts: 1, runs: 1 })),
    );
    expect(new Set(runs.map((run) => run.worker)).size).toBe(2);
  }, 30_000);
});
