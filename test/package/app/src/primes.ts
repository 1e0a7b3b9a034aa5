// The `primes` tool's handler, run on a worker thread by `inWorker` (compiled to plain JavaScript).
import { create } from "@bufbuild/protobuf";
import type { WorkerHandler } from "protomcp";
import { type PrimesRequestSchema, PrimesResponseSchema } from "./gen/demo_pb.js";

const primes: WorkerHandler<typeof PrimesRequestSchema, typeof PrimesResponseSchema> = async ({ below }) => {
  const composite = new Uint8Array(below);
  let count = 0;
  let largest = 0;
  for (let n = 2; n < below; n++) {
    if (composite[n] === 1) continue;
    count++;
    largest = n;
    for (let m = n * n; m < below; m += n) composite[m] = 1;
  }
  return create(PrimesResponseSchema, { count, largest });
};
export default primes;
