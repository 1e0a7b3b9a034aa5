import { fromBinary, type FileRegistry } from "@bufbuild/protobuf";
import { type FileDescriptorProto, FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient, type Transport } from "@connectrpc/connect";
import { CodegenError } from "../codegen-error.js";
import { registryFromFiles } from "../descriptors/build-protos.js";
import { createServiceTransport, type ServiceProtocol } from "../tools/service-transport.js";
import {
  ServerReflection as ServerReflectionV1,
  type ServerReflectionRequest,
  type ServerReflectionResponse,
} from "../../binary/grpc/gen/grpc/reflection/v1/reflection_pb.js";
import { ServerReflection as ServerReflectionV1alpha } from "../../binary/grpc/gen/grpc/reflection/v1alpha/reflection_pb.js";

/** Options of {@link reflectRegistry}. */
export interface ReflectOptions {
  /** The base URL of the service. */
  target: string;
  /**
   * The protocol for the reflection stream. Reflection is a bidi stream, which gRPC-Web cannot
   * carry, so `grpcweb` falls back to `grpc`. Defaults to `grpc`.
   */
  protocol?: ServiceProtocol;
  /** Headers sent with each reflection call. */
  headers?: Headers;
  /** The deadline of each reflection call in milliseconds. Defaults to 10 000. */
  timeoutMs?: number;
}

type RequestInit = ServerReflectionRequest["messageRequest"];

/**
 * Loads the target's services and every file they need through gRPC server reflection,
 * trying `grpc.reflection.v1` first and `v1alpha` for older servers.
 *
 * Each question is its own short stream: simpler than multiplexing one bidi stream, and the
 * handful of calls costs nothing next to starting a server.
 */
export async function reflectRegistry(options: ReflectOptions): Promise<FileRegistry> {
  const protocol =
    options.protocol === "grpcweb" || options.protocol === undefined ? "grpc" : options.protocol;
  const transport = createServiceTransport({ target: options.target, protocol });
  try {
    return await reflectWith(ServerReflectionV1, transport, options);
  } catch (error) {
    if (ConnectError.from(error).code !== Code.Unimplemented) {
      throw wrap(options.target, error);
    }
  }
  try {
    // v1alpha has the same messages under another package: the wire format is identical.
    return await reflectWith(
      ServerReflectionV1alpha as unknown as typeof ServerReflectionV1,
      transport,
      options,
    );
  } catch (error) {
    throw wrap(options.target, error);
  }
}

async function reflectWith(
  service: typeof ServerReflectionV1,
  transport: Transport,
  options: ReflectOptions,
): Promise<FileRegistry> {
  const client = createClient(service, transport);
  const ask = async (request: RequestInit): Promise<ServerReflectionResponse["messageResponse"]> => {
    const callOptions = {
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.headers ? { headers: options.headers } : {}),
    };
    for await (const response of client.serverReflectionInfo(once(request), callOptions)) {
      if (response.messageResponse.case === "errorResponse") {
        const { errorCode, errorMessage } = response.messageResponse.value;
        throw new ConnectError(errorMessage, errorCode as Code);
      }
      return response.messageResponse;
    }
    throw new ConnectError("the reflection stream closed without an answer", Code.Internal);
  };

  const listed = await ask({ case: "listServices", value: "" });
  if (listed.case !== "listServicesResponse") {
    throw new ConnectError(`unexpected answer to list_services: ${String(listed.case)}`, Code.Internal);
  }
  const files = new Map<string, FileDescriptorProto>();
  const add = (answer: Awaited<ReturnType<typeof ask>>): void => {
    if (answer.case !== "fileDescriptorResponse") {
      throw new ConnectError(`unexpected answer to a file request: ${String(answer.case)}`, Code.Internal);
    }
    for (const bytes of answer.value.fileDescriptorProto) {
      const file = fromBinary(FileDescriptorProtoSchema, bytes);
      files.set(file.name, file);
    }
  };
  for (const { name } of listed.value.service) {
    // Reflection itself is plumbing, not a tool anyone wants.
    if (name.startsWith("grpc.reflection.")) {
      continue;
    }
    add(await ask({ case: "fileContainingSymbol", value: name }));
  }
  // Servers may leave out imports they think the client has; ask for each one missing.
  for (let missing = missingImports(files); missing.length > 0; missing = missingImports(files)) {
    for (const name of missing) {
      add(await ask({ case: "fileByFilename", value: name }));
      if (!files.has(name)) {
        throw new ConnectError(`the server sent no ${name}`, Code.NotFound);
      }
    }
  }
  return registryFromFiles([...files.values()]);
}

function missingImports(files: Map<string, FileDescriptorProto>): string[] {
  const missing = new Set<string>();
  for (const file of files.values()) {
    for (const dep of file.dependency) {
      if (!files.has(dep)) {
        missing.add(dep);
      }
    }
  }
  return [...missing];
}

function wrap(target: string, error: unknown): CodegenError {
  const reason = error instanceof CodegenError ? error.message : ConnectError.from(error).message;
  return new CodegenError("reflection", `cannot load services of ${target} by reflection: ${reason}`, {
    cause: error,
  });
}

/** A request stream of one message; the server answers it before it sees the end. */
async function* once(request: RequestInit): AsyncIterable<{ messageRequest: RequestInit }> {
  yield { messageRequest: request };
}
