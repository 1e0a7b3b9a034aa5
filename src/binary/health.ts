/** `grpc.health.v1.Health`: what load balancers, Kubernetes probes and `grpc_health_probe` ask. */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import {
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthCheckResponseSchema,
} from "./grpc/gen/grpc/health/v1/health_pb.js";

export { ServingStatus };

/** Serving status per service name; `""` is the server as a whole. */
export class HealthStatus {
  private readonly statuses = new Map<string, ServingStatus>([["", ServingStatus.SERVING]]);
  private readonly watchers = new Set<() => void>();

  set(service: string, status: ServingStatus): void {
    this.statuses.set(service, status);
    for (const w of this.watchers) w();
  }

  get(service: string): ServingStatus | undefined {
    return this.statuses.get(service);
  }

  /** Registers `grpc.health.v1.Health` on a router. */
  register(router: ConnectRouter): void {
    router.service(Health, {
      check: (request) => {
        const status = this.get(request.service);
        if (status === undefined)
          throw new ConnectError(`unknown service '${request.service}'`, Code.NotFound);
        return create(HealthCheckResponseSchema, { status });
      },
      watch: (request, context) => this.watch(request.service, context.signal),
    });
  }

  private async *watch(service: string, signal: AbortSignal) {
    let wake: (() => void) | undefined;
    const notify = () => wake?.();
    this.watchers.add(notify);
    try {
      let last: ServingStatus | undefined;
      while (!signal.aborted) {
        const status = this.get(service) ?? ServingStatus.SERVICE_UNKNOWN;
        if (status !== last) {
          last = status;
          yield create(HealthCheckResponseSchema, { status });
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal.addEventListener("abort", () => resolve(), { once: true });
        });
      }
    } finally {
      this.watchers.delete(notify);
    }
  }
}
