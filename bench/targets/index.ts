import {
  binaryTyped,
  doubleBridge,
  gatewayConnectH1,
  gatewayConnectH2,
  gatewayConnectLean,
  gatewayConnectRaw,
  gatewayGrpc,
  gatewayGrpcRaw,
} from "./protomcp-gateway.js";
import {
  binaryConnectH1,
  binaryConnectLean,
  binaryConnectRaw,
  binaryGrpc,
  binaryGrpcRaw,
} from "./protomcp-binary.js";
import { rawHttp } from "./raw-http.js";
import { sdkHttp, sdkInMemory, sdkStdio } from "./sdk-clients.js";
import type { RoundTripTarget } from "./types.js";

export type { RoundTripSession, RoundTripTarget } from "./types.js";

/** Round-trip ratios compare each target's p50 with this one, measured in the same run. */
export const BASELINE_TARGET = "sdk-http";

/**
 * Every target the round-trip suite runs. To add one, implement
 * {@link RoundTripTarget} in `bench/targets/<name>.ts` and list it here.
 */
export const targets: readonly RoundTripTarget[] = [
  sdkInMemory,
  sdkStdio,
  sdkHttp,
  rawHttp,
  binaryGrpc,
  binaryConnectH1,
  binaryConnectLean,
  binaryConnectRaw,
  binaryGrpcRaw,
  gatewayGrpc,
  gatewayConnectH1,
  gatewayConnectH2,
  gatewayConnectLean,
  gatewayConnectRaw,
  gatewayGrpcRaw,
  doubleBridge,
  binaryTyped,
];
