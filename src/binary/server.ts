/**
 * The binary endpoint: services on connect-node, speaking Connect, gRPC and gRPC-Web on one port,
 * with gRPC server reflection and health checking beside them.
 */
import type http from "node:http";
import http2 from "node:http2";
import type { DescFile, DescService } from "@bufbuild/protobuf";
import {
  Code,
  type ConnectRouter,
  ConnectError,
  type Interceptor,
  type ServiceImpl,
} from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { codeToHttpStatus, errorToJsonBytes } from "@connectrpc/connect/protocol-connect";
import { certificateContextValues } from "./client-certificate.js";
import { HealthStatus } from "./health.js";
import { type Listening, type ListenOptions, listen } from "./listen.js";
import { registerReflection } from "./reflection.js";
import { createUnaryFastPath, DEFAULT_BODY_TIMEOUT_MS } from "./unary-fast-path.js";

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
   * How long the request body of a unary call may go without a byte arriving (announced but never
   * sent, or stalled) before the call fails with deadline_exceeded. Default 5000 ms. Streaming
   * calls are not timed: their request streams may rightly be quiet.
   */
  bodyTimeoutMs?: number;
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
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const unaryPaths = new Set<string>();
  for (const { service } of options.services)
    for (const method of service.methods)
      if (method.methodKind === "unary") unaryPaths.add(`/${service.typeName}/${method.name}`);
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
          bodyTimeoutMs,
          ...(options.tls === undefined ? {} : { contextValues: certificateContextValues }),
        });
  const handler: Parameters<typeof listen>[0] = (req, res) => {
    // connect-node's response type differs from node's only in `write`'s callback signature.
    if (fastPath?.(req, res)) return;
    if (req.method === "POST" && unaryPaths.has((req.url ?? "").split("?")[0] ?? ""))
      timeBody(req, res, bodyTimeoutMs);
    connectHandler(req, res as never);
  };
  const listening = await listen(handler, options);
  return { ...listening, health };
}

type NodeRequest = http.IncomingMessage | http2.Http2ServerRequest;
type NodeResponse = http.ServerResponse | http2.Http2ServerResponse;

/**
 * After answering a request whose body is still owed: on HTTP/2 the stream is reset with
 * NO_ERROR once the answer is out (RFC 9113, 8.1); on HTTP/1.1 the answer said `connection: close`.
 */
export function finishUnread(req: NodeRequest, res: NodeResponse): void {
  if (req.complete || !("stream" in res)) return;
  const stream = res.stream;
  let done = false;
  const close = (): void => {
    if (done) return;
    done = true;
    if (!stream.destroyed) stream.close(http2.constants.NGHTTP2_NO_ERROR);
  };
  // The compatibility response sends its trailers (gRPC's status) on "wantTrailers": after them.
  stream.once("wantTrailers", () => setImmediate(close));
  setTimeout(close, 1000).unref();
}

/**
 * Fails a unary call left to connect-node (gRPC-Web, compressed bodies) whose request body goes
 * `idleMs` without a byte: deadline_exceeded in the request's protocol, then the stream or
 * connection is dropped. (The fast path times its own reads.)
 */
function timeBody(req: NodeRequest, res: NodeResponse, idleMs: number): void {
  // Progress is read off the socket: a "data" listener here would take the body from connect-node.
  const socket = req.socket as { bytesRead?: number } | undefined;
  let read = socket?.bytesRead ?? 0;
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => clearTimeout(timer);
  const arm = (): void => {
    timer = setTimeout(() => {
      const now = socket?.bytesRead ?? 0;
      if (now === read) return expire();
      read = now;
      arm();
    }, idleMs);
  };
  const expire = (): void => {
    if (req.complete || res.headersSent || res.destroyed) return;
    const error = new ConnectError(
      `request body incomplete: no byte arrived for ${idleMs} ms`,
      Code.DeadlineExceeded,
    );
    const type = String(req.headers["content-type"] ?? "");
    if (type.startsWith("application/grpc")) {
      // Trailers-only: the status in the headers (gRPC and gRPC-Web alike).
      res.writeHead(200, {
        "content-type": type.startsWith("application/grpc-web") ? "application/grpc-web+proto" : type,
        "grpc-status": String(error.code),
        "grpc-message": encodeURIComponent(error.rawMessage),
        ...(req.httpVersion === "2.0" ? {} : { connection: "close" }),
      } as never);
      res.end();
    } else {
      const body = errorToJsonBytes(error, {});
      res.writeHead(codeToHttpStatus(error.code), {
        "content-type": "application/json",
        "content-length": String(body.byteLength),
        ...(req.httpVersion === "2.0" ? {} : { connection: "close" }),
      } as never);
      res.end(body as never);
    }
    finishUnread(req, res);
    // connect-node still waits on the body; whatever it writes once that fails goes nowhere (and
    // a "destroyed" write is an abort to it, which it does not log).
    const gone = (): never => {
      throw Object.assign(new Error("the call was answered: its request body timed out"), {
        code: "ERR_STREAM_DESTROYED",
      });
    };
    Object.assign(res, { writeHead: gone, write: gone, end: gone, addTrailers: gone });
  };
  req.once("end", stop);
  req.once("close", stop);
  arm();
}
