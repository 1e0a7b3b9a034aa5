/**
 * Unary calls without connect-node's stream glue. connect's universal handlers treat a unary call
 * as a stream (async iterables for both bodies, a `DOMException` from the abort that ends every
 * call), and connect-node writes headers, body and end separately: measured here, that glue costs
 * ~100–350 µs of a call against ~70 µs for the node:http work the call needs. This path reads the
 * request body into one buffer and answers with one `end()`, and keeps connect's protocol code for
 * everything that decides meaning: its handler context, interceptors, serialization with limits,
 * timeout parsing, error JSON and gRPC trailer status.
 *
 * It takes the Connect protocol's unary POST (`application/proto` and `application/json`, with no
 * compression) and gRPC unary over HTTP/2 (`application/grpc[+proto]`, identity encoding).
 * Everything else — streaming, GET, gRPC-Web, compressed bodies — is left to connect-node.
 */
import { Buffer } from "node:buffer";
import type http from "node:http";
import type http2 from "node:http2";
import type { DescMethodUnary } from "@bufbuild/protobuf";
import {
  Code,
  ConnectError,
  type ContextValues,
  createContextValues,
  createServiceImplSpec,
  type HandlerContext,
  type Interceptor,
  type MethodImplSpec,
} from "@connectrpc/connect";
import { createMethodSerializationLookup, invokeUnaryImplementation } from "@connectrpc/connect/protocol";
import {
  codeToHttpStatus,
  errorToJsonBytes,
  parseTimeout as parseConnectTimeout,
  trailerMux,
} from "@connectrpc/connect/protocol-connect";
import { parseTimeout as parseGrpcTimeout, setTrailerStatus } from "@connectrpc/connect/protocol-grpc";
import { finishUnread, type ServiceBinding } from "./server.js";

type NodeRequest = http.IncomingMessage | http2.Http2ServerRequest;
type NodeResponse = http.ServerResponse | http2.Http2ServerResponse;

/** Answers a request and returns true, or returns false and leaves it untouched. */
export type FastPath = (req: NodeRequest, res: NodeResponse) => boolean;

/** How the fast path serves. */
export interface FastPathOptions {
  services: ServiceBinding[];
  interceptors: Interceptor[];
  readMaxBytes: number;
  /** How long the request body may go without a byte before the call fails. Default 5000 ms. */
  bodyTimeoutMs?: number;
  contextValues?: (req: NodeRequest) => ContextValues;
}

/** Default {@link FastPathOptions.bodyTimeoutMs}: a body that never comes fails fast. */
export const DEFAULT_BODY_TIMEOUT_MS = 5000;

type Protocol = "connect" | "grpc";
type Serialization = ReturnType<typeof createMethodSerializationLookup>;

interface Route {
  spec: MethodImplSpec & { kind: "unary" };
  method: DescMethodUnary;
  serialization: Serialization;
}

/** The one request shape each protocol takes here, and whether its messages are binary. */
const CONTENT_TYPES = new Map<string, { protocol: Protocol; binary: boolean }>([
  ["application/proto", { protocol: "connect", binary: true }],
  ["application/json", { protocol: "connect", binary: false }],
  ["application/grpc", { protocol: "grpc", binary: true }],
  ["application/grpc+proto", { protocol: "grpc", binary: true }],
]);

/** Builds the fast path for the unary methods of `services`. */
export function createUnaryFastPath(options: FastPathOptions): FastPath {
  const routes = new Map<string, Route>();
  const limits = { readMaxBytes: options.readMaxBytes, writeMaxBytes: 0xffffffff };
  for (const { service, impl } of options.services) {
    for (const spec of Object.values(createServiceImplSpec(service, impl).methods)) {
      if (spec.kind !== "unary") continue;
      routes.set(`/${service.typeName}/${spec.method.name}`, {
        spec,
        method: spec.method,
        serialization: createMethodSerializationLookup(
          spec.method,
          undefined,
          { ignoreUnknownFields: true },
          limits,
        ),
      });
    }
  }
  return (req, res) => {
    if (req.method !== "POST") return false;
    const route = routes.get(req.url ?? "");
    if (route === undefined) return false;
    const type = CONTENT_TYPES.get(req.headers["content-type"] ?? "");
    if (type === undefined) return false;
    if (type.protocol === "grpc") {
      if (req.httpVersion !== "2.0" || !isIdentity(req.headers["grpc-encoding"])) return false;
    } else if (!isIdentity(req.headers["content-encoding"])) return false;
    serve(route, type.protocol, type.binary, req, res, options).catch((reason: unknown) => {
      console.error(`protomcp: unary call ${route.method.name} failed outside its handler`, reason);
      if (!res.headersSent) {
        res.writeHead(500);
        res.end();
      }
    });
    return true;
  };
}

function isIdentity(encoding: string | string[] | undefined): boolean {
  return encoding === undefined || encoding === "identity";
}

async function serve(
  route: Route,
  protocol: Protocol,
  binary: boolean,
  req: NodeRequest,
  res: NodeResponse,
  options: FastPathOptions,
): Promise<void> {
  const abort = new AbortController();
  // Closed before we ended it: the caller cancelled or went away. (HTTP/2's compatibility response
  // reports `writableFinished` on any stream close, so `writableEnded` is what tells.)
  res.once("close", () => {
    if (!res.writableEnded) abort.abort(new ConnectError("the client went away", Code.Canceled));
  });
  const timeout =
    protocol === "grpc"
      ? parseGrpcTimeout(headerValue(req.headers["grpc-timeout"]), Number.MAX_SAFE_INTEGER)
      : parseConnectTimeout(headerValue(req.headers["connect-timeout-ms"]), Number.MAX_SAFE_INTEGER);
  const deadline = timeout.timeoutMs === undefined ? undefined : Date.now() + timeout.timeoutMs;
  const timer =
    timeout.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () => abort.abort(new ConnectError("the operation timed out", Code.DeadlineExceeded)),
          timeout.timeoutMs,
        );
  // connect's `createHandlerContext` links three abort controllers and copies three header sets
  // per call, and its handlers abort at the end of every call; one controller does here.
  const context: HandlerContext = {
    method: route.method,
    service: route.method.parent,
    signal: abort.signal,
    timeoutMs: () => (deadline === undefined ? undefined : deadline - Date.now()),
    requestMethod: "POST",
    requestHeader: webHeaders(req.headers),
    responseHeader: new Headers({ "content-type": contentType(protocol, binary) }),
    responseTrailer: new Headers(protocol === "grpc" ? { "grpc-status": "0" } : undefined),
    protocolName: protocol,
    values: options.contextValues?.(req) ?? createContextValues(),
    url: requestUrl(req),
  };
  let body: Uint8Array | undefined;
  let error: ConnectError | undefined;
  try {
    if (timeout.error !== undefined) throw timeout.error;
    const bytes = await readBody(
      req,
      options.readMaxBytes,
      protocol,
      options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    );
    const input = route.serialization
      .getI(binary)
      .parse(protocol === "grpc" ? unwrapEnvelope(bytes, options.readMaxBytes) : bytes);
    const output = await invokeUnaryImplementation(route.spec, context, input, options.interceptors);
    body = route.serialization.getO(binary).serialize(output);
  } catch (reason) {
    error =
      reason instanceof ConnectError
        ? reason
        : new ConnectError("internal error", Code.Internal, undefined, undefined, reason);
    // What the handler started (an upstream request) hears that the call is over.
    if (!abort.signal.aborted) abort.abort(error);
  } finally {
    clearTimeout(timer);
  }
  if (res.destroyed) return;
  // A body still owed (refused or timed out unread): HTTP/1.1 cannot reuse the connection.
  if (!req.complete && req.httpVersion !== "2.0") context.responseHeader.set("connection", "close");
  if (protocol === "grpc") writeGrpc(res, context, body, error);
  else writeConnect(res, context, body, error);
  // A body still owed on HTTP/2: end the stream once the answer is out (RFC 9113, 8.1).
  if (!req.complete) finishUnread(req, res);
}

function writeConnect(
  res: NodeResponse,
  context: HandlerContext,
  body: Uint8Array | undefined,
  error: ConnectError | undefined,
): void {
  let status = 200;
  if (error !== undefined || body === undefined) {
    const failure = error ?? new ConnectError("no response", Code.Internal);
    status = codeToHttpStatus(failure.code);
    context.responseHeader.set("content-type", "application/json");
    failure.metadata.forEach((value, key) => {
      context.responseHeader.set(key, value);
    });
    body = errorToJsonBytes(failure, {});
  }
  const header = nodeHeaders(trailerMux(context.responseHeader, context.responseTrailer));
  header["content-length"] = String(body.byteLength);
  res.writeHead(status, header as never);
  res.end(body);
}

function writeGrpc(
  res: NodeResponse,
  context: HandlerContext,
  message: Uint8Array | undefined,
  error: ConnectError | undefined,
): void {
  if (error !== undefined) setTrailerStatus(context.responseTrailer, error);
  res.writeHead(200, nodeHeaders(context.responseHeader) as never);
  res.addTrailers(nodeHeaders(context.responseTrailer) as never);
  if (message === undefined || error !== undefined) {
    res.end();
    return;
  }
  const envelope = Buffer.allocUnsafe(5 + message.byteLength);
  envelope[0] = 0;
  envelope.writeUInt32BE(message.byteLength, 1);
  envelope.set(message, 5);
  res.end(envelope);
}

function contentType(protocol: Protocol, binary: boolean): string {
  if (protocol === "grpc") return "application/grpc+proto";
  return binary ? "application/proto" : "application/json";
}

/** The one message of a gRPC unary request body, with connect's codes for each framing fault. */
function unwrapEnvelope(bytes: Uint8Array, readMaxBytes: number): Uint8Array {
  if (bytes.byteLength === 0)
    throw new ConnectError("protocol error: missing input message for unary method", Code.Unimplemented);
  if (bytes.byteLength < 5)
    throw new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument);
  if ((bytes[0]! & 0b1) !== 0)
    throw new ConnectError(
      "protocol error: received compressed message without grpc-encoding",
      Code.Internal,
    );
  const length = ((bytes[1]! << 24) >>> 0) + (bytes[2]! << 16) + (bytes[3]! << 8) + bytes[4]!;
  if (length > readMaxBytes) {
    throw new ConnectError(
      `message size ${length} is larger than configured readMaxBytes ${readMaxBytes}`,
      Code.ResourceExhausted,
    );
  }
  if (5 + length > bytes.byteLength)
    throw new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument);
  if (5 + length < bytes.byteLength)
    throw new ConnectError(
      "protocol error: received extra input message for unary method",
      Code.Unimplemented,
    );
  return bytes.subarray(5);
}

/**
 * The whole request body, refused past `readMaxBytes` (on the envelope's size too, for gRPC, and at
 * once on a larger `Content-Length`), and failed with deadline_exceeded when no byte arrives for
 * `idleMs` (a body announced but never sent, or one that stalls).
 */
function readBody(
  req: NodeRequest,
  readMaxBytes: number,
  protocol: Protocol,
  idleMs: number,
): Promise<Uint8Array> {
  const limit = protocol === "grpc" ? readMaxBytes + 5 : readMaxBytes;
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limit) {
    req.resume();
    return Promise.reject(
      new ConnectError(
        `message size ${declared} is larger than configured readMaxBytes ${readMaxBytes}`,
        Code.ResourceExhausted,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: ConnectError): void => {
      clearTimeout(timer);
      req.off("data", onData);
      req.resume();
      reject(error);
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          fail(
            new ConnectError(
              `request body incomplete: no byte arrived for ${idleMs} ms (received ${length})`,
              Code.DeadlineExceeded,
            ),
          ),
        idleMs,
      );
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        fail(
          new ConnectError(
            `message size ${length} is larger than configured readMaxBytes ${readMaxBytes}`,
            Code.ResourceExhausted,
          ),
        );
        return;
      }
      chunks.push(chunk);
      arm();
    };
    req.on("data", onData);
    req.once("end", () => {
      clearTimeout(timer);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    });
    req.once("error", (error: Error) => fail(new ConnectError(error.message, Code.Aborted)));
    req.once("aborted", () => fail(new ConnectError("the client went away", Code.Canceled)));
    arm();
  });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : value.join(", ");
}

function requestUrl(req: NodeRequest): string {
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  const authority = ("authority" in req ? req.authority : undefined) ?? req.headers.host ?? "localhost";
  return `${encrypted ? "https" : "http"}://${authority}${req.url ?? ""}`;
}

function webHeaders(node: http.IncomingHttpHeaders): Headers {
  const header = new Headers();
  for (const key in node) {
    if (key.charCodeAt(0) === 58 /* ":" pseudo-header */) continue;
    const value = node[key];
    if (value === undefined) continue;
    if (typeof value === "string") header.append(key, value);
    else for (const v of value) header.append(key, v);
  }
  return header;
}

function nodeHeaders(header: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  header.forEach((value, key) => {
    out[key] = value;
  });
  const cookies = header.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  return out;
}
