import { create, type DescFile, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import {
  type ServerReflection,
  type ServerReflectionRequest,
  ServerReflectionResponseSchema,
} from "../../src/binary/grpc/gen/grpc/reflection/v1/reflection_pb.js";

type ResponseInit = NonNullable<MessageInitShape<typeof ServerReflectionResponseSchema>["messageResponse"]>;

/**
 * A minimal `grpc.reflection.v1` server for the example, so that `protomcp tools` can find the
 * inventory service without `--proto`. It answers list_services, file_by_filename and
 * file_containing_symbol, sending each file with all its imports as grpc-go does.
 */
export function createReflectionService(files: readonly DescFile[]): ServiceImpl<typeof ServerReflection> {
  const all = new Map<string, DescFile>();
  const visit = (file: DescFile): void => {
    if (!all.has(file.name)) {
      all.set(file.name, file);
      file.dependencies.forEach(visit);
    }
  };
  files.forEach(visit);
  const services = files.flatMap((f) => f.services.map((s) => s.typeName));
  services.push("grpc.reflection.v1.ServerReflection");

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
  const containing = (symbol: string): DescFile | undefined =>
    [...all.values()].find(
      (f) =>
        f.services.some(
          (s) => s.typeName === symbol || s.methods.some((m) => `${s.typeName}.${m.name}` === symbol),
        ) ||
        f.messages.some((m) => m.typeName === symbol) ||
        f.enums.some((e) => e.typeName === symbol),
    );

  const answer = (request: ServerReflectionRequest): ResponseInit => {
    const notFound = (what: string): ResponseInit => ({
      case: "errorResponse",
      value: { errorCode: 5, errorMessage: `${what} not found` },
    });
    switch (request.messageRequest.case) {
      case "listServices":
        return { case: "listServicesResponse", value: { service: services.map((name) => ({ name })) } };
      case "fileByFilename": {
        const file = all.get(request.messageRequest.value);
        return file === undefined
          ? notFound(request.messageRequest.value)
          : { case: "fileDescriptorResponse", value: { fileDescriptorProto: withImports(file) } };
      }
      case "fileContainingSymbol": {
        const file = containing(request.messageRequest.value);
        return file === undefined
          ? notFound(request.messageRequest.value)
          : { case: "fileDescriptorResponse", value: { fileDescriptorProto: withImports(file) } };
      }
      default:
        return { case: "errorResponse", value: { errorCode: 12, errorMessage: "not implemented" } };
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
