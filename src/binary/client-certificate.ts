/**
 * Who a caller is by its TLS client certificate (mutual TLS): read from the connection when the
 * call arrives and handed to interceptors (access control, logs) as a context value.
 *
 * @module
 */
import { TLSSocket } from "node:tls";
import { createContextKey, createContextValues, type ContextValues } from "@connectrpc/connect";

/** A client certificate the server verified against its `ca`. */
export interface ClientCertificate {
  /** The subject's common name (CN): the caller's identity under mutual TLS. */
  commonName: string;
  /** The certificate's SHA-256 fingerprint, for logs. */
  fingerprint256: string;
}

/**
 * The call's verified client certificate; undefined without TLS, without a certificate, or with
 * one the server could not verify (possible with `rejectUnauthorized: false`).
 */
export const CLIENT_CERTIFICATE = createContextKey<ClientCertificate | undefined>(undefined, {
  description: "verified TLS client certificate",
});

/** The verified client certificate of the connection `req` came on, if any. */
export function clientCertificateOf(req: { socket?: unknown }): ClientCertificate | undefined {
  const socket = req.socket;
  // Only a certificate that chained to our `ca` names anyone: `authorized` says it did.
  if (!(socket instanceof TLSSocket) || !socket.authorized) return undefined;
  const certificate = socket.getPeerCertificate();
  const cn = certificate?.subject?.CN;
  const commonName = Array.isArray(cn) ? cn[0] : cn;
  if (typeof commonName !== "string" || commonName === "") return undefined;
  return { commonName, fingerprint256: certificate.fingerprint256 };
}

/** Context values for a call: its client certificate, when there is one. */
export function certificateContextValues(req: { socket?: unknown }): ContextValues {
  const values = createContextValues();
  const certificate = clientCertificateOf(req);
  if (certificate !== undefined) values.set(CLIENT_CERTIFICATE, certificate);
  return values;
}
