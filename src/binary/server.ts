/**
 * The binary endpoint: services on connect-node, speaking Connect, gRPC and gRPC-Web on one port,
 * with gRPC server reflection and health checking beside them.
 */
import type { DescFile, DescService } from "@bufbuild/protobuf";
import type { ConnectRouter, Interceptor, ServiceImpl } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { certificateContextValues } from "./client-certificate.js";
import { HealthStatus } from "./health.js";
import { type Listening, type ListenOptions, listen } from "./listen.js";
import { registerReflection } from "./reflection.js";
import { createUnaryFastPath } from "./unary-fast-path.js";

/** A service and its implementation. */
export interface ServiceBinding<S extends DescService = DescService> {
  service: S;
  impl: Partial<ServiceImpl<S>>;
}

/** What the endpoint serves. */
export interface BinaryServerOptions extends ListenOptions {
  services: ServiceBinding[];
  /** Interceptors around every call (auth, metrics, logging). */
  interceptors?: Interceptor[];
  /** Largest message accepted, in bytes. Default 16 MiB (an 8 MB image fits). */
  readMaxBytes?: number;
  /**
   * Serve unary Connect and gRPC calls without connect-node's stream glue (see
   * `unary-fast-path.ts`). Default true; false sends every call through connect-node's adapter.
   */
  fastPath?: boolean;
  /** Extra routes on the same port (an HTTP `/metrics`, for one). */
  fallback?: (req: unknown, res: unknown) => void;
}

/** A running binary endpoint. */
export interface BinaryServer extends Listening {
  health: HealthStatus;
}

/** Starts the endpoint. */
export async function startBinaryServer(options: BinaryServerOptions): Promise<BinaryServer> {
  const health = new HealthStatus();
  const files = new Set<DescFile>(options.services.map((s) => s.service.file));
  const routes = (router: ConnectRouter) => {
    for (const { service, impl } of options.services) {
      router.service(service, impl);
      health.set(service.typeName, 1);
    }
    registerReflection(router, [...files], ["grpc.health.v1.Health"]);
    health.register(router);
  };
  const interceptors = options.interceptors ?? [];
  const readMaxBytes = options.readMaxBytes ?? 16 * 1024 * 1024;
  const connectHandler = connectNodeAdapter({
    routes,
    interceptors,
    readMaxBytes,
    // Under mutual TLS, interceptors learn the caller's certificate from CLIENT_CERTIFICATE.
    ...(options.tls === undefined ? {} : { contextValues: certificateContextValues }),
    ...(options.fallback !== undefined ? { fallback: options.fallback as never } : {}),
  });
  // Unary calls in the common protocols skip connect-node's stream glue; the rest go through it.
  const fastPath =
    options.fastPath === false
      ? undefined
      : createUnaryFastPath({
          services: options.services,
          interceptors,
          readMaxBytes,
          ...(options.tls === undefined ? {} : { contextValues: certificateContextValues }),
        });
  const handler: Parameters<typeof listen>[0] = (req, res) => {
    // connect-node's response type differs from node's only in `write`'s callback signature.
    if (fastPath === undefined || !fastPath(req, res)) connectHandler(req, res as never);
  };
  const listening = await listen(handler, options);
  return { ...listening, health };
}
