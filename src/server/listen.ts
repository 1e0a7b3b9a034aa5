/**
 * A plain h2c (HTTP/2 without TLS) server for a connect router: gRPC, Connect and gRPC-Web on one
 * port, on loopback unless told otherwise.
 *
 * @module
 */
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import type { ConnectRouter } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";

/** Where to listen. */
export interface ListenOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

/** A running server. */
export interface Listening {
  /** The base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** Stops accepting, ends open streams and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Serves `routes` over h2c. */
export async function listenH2c(
  routes: (router: ConnectRouter) => void,
  options: ListenOptions = {},
): Promise<Listening> {
  const host = options.host ?? "127.0.0.1";
  const server = http2.createServer(connectNodeAdapter({ routes }));
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.close();
        setTimeout(() => {
          for (const session of sessions) session.destroy();
        }, 500).unref();
      }),
  };
}
