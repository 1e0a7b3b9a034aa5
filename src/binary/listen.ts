/**
 * One port for every binary protocol: gRPC needs HTTP/2, Connect and gRPC-Web also run on
 * HTTP/1.1. Cleartext HTTP/2 (h2c) and HTTP/1.1 are told apart by the HTTP/2 preface; with a key
 * and certificate, ALPN does it.
 */
import { Buffer } from "node:buffer";
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";

type Handler = (
  req: http.IncomingMessage | http2.Http2ServerRequest,
  res: http.ServerResponse | http2.Http2ServerResponse,
) => void;

/** Where and how to listen. */
export interface ListenOptions {
  /** Default 127.0.0.1: a gateway is reachable from elsewhere only when asked to be. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** PEM key and certificate: serve TLS (HTTP/2 and HTTP/1.1 by ALPN); with `ca`, mutual TLS. */
  tls?: TlsOptions;
}

/**
 * TLS for the binary face. For mutual TLS give `ca` and `requestCert: true`: a client certificate
 * that chains to `ca` names the caller (its subject CN, see `CLIENT_CERTIFICATE`).
 */
export interface TlsOptions {
  /** The server's PEM private key. */
  key: string | Buffer;
  /** The server's PEM certificate (chain). */
  cert: string | Buffer;
  /** PEM certificate(s) of the authorities whose client certificates are accepted. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Ask each client for a certificate. Default false. */
  requestCert?: boolean;
  /**
   * With `requestCert`: refuse, during the TLS handshake, a client without a certificate that
   * chains to `ca`. Default true. When false, such clients connect but carry no certificate
   * identity, so access control decides (a bearer token, or `Unauthenticated`).
   */
  rejectUnauthorized?: boolean;
}

/** A listening binary server. */
export interface Listening {
  /** The base URL clients use, e.g. `http://127.0.0.1:50051`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const PREFACE = Buffer.from("PRI * HTTP/2.0");

/** Serves `handler` on one port, over h2c and HTTP/1.1 (or TLS with both). */
export async function listen(handler: Handler, options: ListenOptions = {}): Promise<Listening> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  let h2: http2.Http2Server | http2.Http2SecureServer;
  if (options.tls !== undefined) {
    h2 = http2.createSecureServer({ ...options.tls, allowHTTP1: true }, handler as never);
    server = h2 as unknown as net.Server;
  } else {
    h2 = http2.createServer(handler as never);
    const h1 = http.createServer(handler as never);
    server = net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
      let head: Buffer = Buffer.alloc(0);
      const sniff = () => {
        for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read())
          head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
        const start = head.subarray(0, PREFACE.length);
        const mayBeHttp2 = start.equals(PREFACE.subarray(0, start.length));
        // A first segment shorter than the preface ("P" of "POST") decides nothing yet.
        if (head.length === 0 || (mayBeHttp2 && start.length < PREFACE.length)) return;
        socket.off("readable", sniff);
        // Put the peeked bytes back: HTTP/2 sessions read what a socket already buffered (Node
        // 20+) before its native handle, so both servers take the socket itself.
        socket.unshift(head);
        if (mayBeHttp2) h2.emit("connection", socket);
        else h1.emit("connection", socket);
      };
      socket.on("readable", sniff);
    });
  }
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `${options.tls !== undefined ? "https" : "http"}://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
