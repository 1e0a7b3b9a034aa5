/** One port for HTTP/1.1 and h2c: the protocol is told by the first bytes, however they are split. */
import assert from "node:assert/strict";
import net from "node:net";
import { createClient, type Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { type BinaryServer, startBinaryServer } from "../../src/binary/index.js";
import {
  Health,
  HealthCheckResponse_ServingStatus,
} from "../../src/binary/grpc/gen/grpc/health/v1/health_pb.js";

/**
 * A loopback TCP relay to `port` that delivers the client's first write in two segments, `split`
 * bytes and then the rest 30 ms later, as a slow network or a proxy may.
 */
async function splittingRelay(port: number, split: number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(port, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    upstream.pipe(client);
    client.once("data", (first: Buffer) => {
      client.pause();
      upstream.write(first.subarray(0, split));
      setTimeout(() => {
        upstream.write(first.subarray(split));
        client.pipe(upstream);
      }, 30);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port: relayPort } = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${relayPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}

const transports: Record<string, (baseUrl: string) => Transport> = {
  "HTTP/1.1 (Connect)": (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "1.1" }),
  "h2c (gRPC)": (baseUrl) => createGrpcTransport({ baseUrl }),
};

describe("binary: one port for HTTP/1.1 and h2c", () => {
  let server: BinaryServer;
  before(async () => {
    server = await startBinaryServer({ services: [] });
  });
  after(() => server.close());

  for (const [name, transport] of Object.entries(transports)) {
    for (const split of [1, 3, 13]) {
      it(`serves ${name} when the first ${split} byte(s) arrive alone`, async () => {
        const relay = await splittingRelay(server.port, split);
        try {
          const health = createClient(Health, transport(relay.url));
          const answer = await health.check({ service: "" }, { timeoutMs: 5_000 });
          assert.equal(answer.status, HealthCheckResponse_ServingStatus.SERVING);
        } finally {
          await relay.close();
        }
      });
    }
  }
});
