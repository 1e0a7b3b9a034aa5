/**
 * The `primes` tool's handler, run on a worker thread (`inWorker` in server.ts): a sieve of
 * Eratosthenes is pure CPU work that would otherwise stall every other request for its duration.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import type { WorkerHandler } from "../../src/server/index.js";
import { type PrimesRequestSchema, PrimesResponseSchema } from "./gen/demo/v1/demo_pb.js";

/** The largest `below` accepted: the sieve takes one byte per number. */
export const MAX_BELOW = 50_000_000;

const primes: WorkerHandler<typeof PrimesRequestSchema, typeof PrimesResponseSchema> = async (
  { below },
  context,
) => {
  if (below < 2 || below > MAX_BELOW) {
    throw new ConnectError(`below must be 2 to ${MAX_BELOW}, got ${below}`, Code.InvalidArgument);
  }
  const composite = new Uint8Array(below);
  let count = 0;
  let largest = 0;
  const step = Math.ceil(below / 4);
  for (let n = 2; n < below; n++) {
    if (n % step === 0) await context.progress(n, below);
    if (composite[n] === 1) continue;
    count++;
    largest = n;
    for (let m = n * n; m < below; m += n) composite[m] = 1;
  }
  return create(PrimesResponseSchema, { count, largest });
};

export default primes;
