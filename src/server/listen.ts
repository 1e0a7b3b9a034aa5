/**
 * Serves a connect router on the binary endpoint of `src/binary`: Connect, gRPC and gRPC-Web on one
 * port (h2c and HTTP/1.1), with gRPC reflection of the `mcp.v1` schema and health checking.
 *
 * @module
 */
import type { ConnectRouter } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { file_mcp_v1_service } from "../../gen/es/mcp/v1/service_pb.js";
import {
  HealthStatus,
  type Listening,
  type ListenOptions,
  listen,
  registerReflection,
} from "../binary/index.js";

export type { Listening, ListenOptions };

/** Serves `routes`, with reflection and health beside them. */
export async function listenBinary(
  routes: (router: ConnectRouter) => void,
  options: ListenOptions = {},
): Promise<Listening> {
  const health = new HealthStatus();
  const handler = connectNodeAdapter({
    routes(router) {
      routes(router);
      registerReflection(router, [file_mcp_v1_service], ["grpc.health.v1.Health"]);
      health.register(router);
    },
  });
  return listen(handler, options);
}
