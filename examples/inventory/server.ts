import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { ServerReflection } from "../../src/binary/grpc/gen/grpc/reflection/v1/reflection_pb.js";
import { file_inventory_v1_inventory, InventoryService } from "./gen/inventory/v1/inventory_pb.js";
import { createInventoryService, type InventoryServiceOptions } from "./inventory-service.js";
import { createReflectionService } from "../../src/binary/reflection.js";

/** A running example server. */
export interface InventoryServer {
  /** The base URL, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the inventory service on loopback over HTTP/2 without TLS (h2c), which serves the
 * Connect, gRPC and gRPC-Web protocols alike, with gRPC server reflection. Port 0 picks a free port.
 */
export async function startInventoryServer(
  options: InventoryServiceOptions & {
    host?: string;
    port?: number;
    /** Serve gRPC server reflection too. Defaults to true. */
    reflection?: boolean;
  } = {},
): Promise<InventoryServer> {
  const handler = connectNodeAdapter({
    routes(router) {
      router.service(InventoryService, createInventoryService(options));
      if (options.reflection !== false) {
        router.service(ServerReflection, createReflectionService([file_inventory_v1_inventory]));
      }
    },
  });
  const server = http2.createServer(handler);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  return {
    url: `http://${host}:${port}`,
    close() {
      // Open client sessions would keep close() waiting; the example owns them all.
      for (const session of sessions) {
        session.destroy();
      }
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startInventoryServer({ port });
  process.stderr.write(`inventory service listening on ${server.url}\n`);
}
