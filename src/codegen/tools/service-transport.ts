import type { Transport } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { CodegenError } from "../codegen-error.js";

/** The wire protocols a called service may speak. */
export type ServiceProtocol = "connect" | "grpc" | "grpcweb";

/** Options for {@link createServiceTransport}. */
export interface ServiceTransportOptions {
  /** The base URL of the service, e.g. `http://127.0.0.1:8080`. */
  target: string;
  /** Defaults to `"grpc"`. */
  protocol?: ServiceProtocol;
  /**
   * Defaults to `"2"`, which gRPC requires; Connect and gRPC-Web also work over HTTP/1.1. Plain
   * `http://` targets use HTTP/2 with prior knowledge (h2c).
   */
  httpVersion?: "1.1" | "2";
}

/** A connect-node transport for the target, speaking the chosen protocol. */
export function createServiceTransport(options: ServiceTransportOptions): Transport {
  let url: URL;
  try {
    url = new URL(options.target);
  } catch (cause) {
    throw new CodegenError("invalid_argument", `cannot use target "${options.target}": not a URL`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CodegenError("invalid_argument", `cannot use target "${options.target}": want http: or https:`);
  }
  const baseUrl = options.target.replace(/\/+$/, "");
  const protocol = options.protocol ?? "grpc";
  switch (protocol) {
    case "grpc":
      return createGrpcTransport({ baseUrl });
    case "connect":
      return createConnectTransport({ baseUrl, httpVersion: options.httpVersion ?? "2" });
    case "grpcweb":
      return createGrpcWebTransport({ baseUrl, httpVersion: options.httpVersion ?? "2" });
    default:
      throw new CodegenError(
        "invalid_argument",
        `cannot use protocol "${String(protocol)}": want connect, grpc or grpcweb`,
      );
  }
}
