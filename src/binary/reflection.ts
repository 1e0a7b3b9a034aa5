/**
 * gRPC server reflection (`grpc.reflection.v1` and `v1alpha`) from protobuf-es descriptors, so that
 * `buf curl`, grpcurl and Postman call the server without a schema file. No npm package offers it
 * for connect-node; the descriptors already hold all it needs.
 */
import { create, type DescFile, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import type { ConnectRouter, ServiceImpl } from "@connectrpc/connect";
import {
  ServerReflection,
  type ServerReflectionRequest,
  ServerReflectionResponseSchema,
} from "./grpc/gen/grpc/reflection/v1/reflection_pb.js";
import { ServerReflection as ServerReflectionV1alpha } from "./grpc/gen/grpc/reflection/v1alpha/reflection_pb.js";

type ResponseInit = NonNullable<MessageInitShape<typeof ServerReflectionResponseSchema>["messageResponse"]>;

/** gRPC status codes used in reflection's error responses. */
const NOT_FOUND = 5;
const UNIMPLEMENTED = 12;

/**
 * The reflection service over `files` (their imports included): list_services,
 * file_by_filename and file_containing_symbol, each file sent with all its imports as grpc-go does.
 */
export function createReflectionService(
  files: readonly DescFile[],
  extraServices: readonly string[] = [],
): ServiceImpl<typeof ServerReflection> {
  const all = new Map<string, DescFile>();
  const visit = (file: DescFile): void => {
    if (!all.has(file.name)) {
      all.set(file.name, file);
      file.dependencies.forEach(visit);
    }
  };
  files.forEach(visit);
  const services = [
    ...new Set([
      ...files.flatMap((f) => f.services.map((s) => s.typeName)),
      ...extraServices,
      ServerReflection.typeName,
      ServerReflectionV1alpha.typeName,
    ]),
  ];
  const symbols = new Map<string, DescFile>();
  for (const file of all.values()) {
    for (const s of file.services) {
      symbols.set(s.typeName, file);
      for (const m of s.methods) symbols.set(`${s.typeName}.${m.name}`, file);
    }
    const addMessages = (messages: DescFile["messages"]): void => {
      for (const m of messages) {
        symbols.set(m.typeName, file);
        for (const e of m.nestedEnums) symbols.set(e.typeName, file);
        addMessages(m.nestedMessages);
      }
    };
    addMessages(file.messages);
    for (const e of file.enums) symbols.set(e.typeName, file);
  }

  const withImports = (file: DescFile): Uint8Array[] => {
    const out = new Map<string, Uint8Array>();
    const add = (f: DescFile): void => {
      if (!out.has(f.name)) {
        out.set(f.name, toBinary(FileDescriptorProtoSchema, f.proto));
        f.dependencies.forEach(add);
      }
    };
    add(file);
    return [...out.values()];
  };
  const fileResponse = (file: DescFile | undefined, what: string): ResponseInit =>
    file === undefined
      ? { case: "errorResponse", value: { errorCode: NOT_FOUND, errorMessage: `${what} not found` } }
      : { case: "fileDescriptorResponse", value: { fileDescriptorProto: withImports(file) } };

  const answer = (request: ServerReflectionRequest): ResponseInit => {
    const r = request.messageRequest;
    switch (r.case) {
      case "listServices":
        return { case: "listServicesResponse", value: { service: services.map((name) => ({ name })) } };
      case "fileByFilename":
        return fileResponse(all.get(r.value), r.value);
      case "fileContainingSymbol":
        return fileResponse(symbols.get(r.value.replace(/^\./, "")), r.value);
      default:
        return {
          case: "errorResponse",
          value: { errorCode: UNIMPLEMENTED, errorMessage: `${String(r.case)} is not supported` },
        };
    }
  };

  return {
    async *serverReflectionInfo(requests) {
      for await (const request of requests) {
        yield create(ServerReflectionResponseSchema, {
          validHost: request.host,
          originalRequest: request,
          messageResponse: answer(request),
        });
      }
    },
  };
}

/** Registers reflection v1 and v1alpha (same messages, another package) on a router. */
export function registerReflection(
  router: ConnectRouter,
  files: readonly DescFile[],
  extraServices: readonly string[] = [],
): void {
  const impl = createReflectionService(files, extraServices);
  router.service(ServerReflection, impl);
  router.service(ServerReflectionV1alpha as unknown as typeof ServerReflection, impl);
}
