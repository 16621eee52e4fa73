import { createDeliveryWorker } from "@/lib/outbox/worker";
import { closeDatabase } from "@/lib/db";

/**
 * A webhook delivery worker in a process of its own, for the test of several OS processes on one
 * database. Limited to the subscriptions in OUTBOX_SUBSCRIPTION_IDS (comma-separated) so it never
 * touches other tests' messages; runs until SIGTERM, then finishes its attempts and exits 0.
 */
const subscriptionIds = (process.env.OUTBOX_SUBSCRIPTION_IDS ?? "").split(",").filter(Boolean);
const worker = createDeliveryWorker({
  subscriptionIds,
  allowPrivateTargets: true,
  // Says which message this process sends, so the test can tell that both processes took part.
  fetch: (url, init) => {
    console.log(`sending ${init.headers["webhook-id"]}`);
    return fetch(url, init);
  },
  concurrency: 2,
  pollIntervalMs: 50,
  attemptTimeoutMs: 3_000,
  leaseMarginMs: 1_000,
});
worker.start();
console.log(`worker ${process.pid} running`);
process.on("SIGTERM", () => {
  void worker
    .stop()
    .then(() => closeDatabase())
    .then(() => process.exit(0));
});
