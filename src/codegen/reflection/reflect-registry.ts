import type { FileRegistry } from "@bufbuild/protobuf";
import { CodegenError } from "../codegen-error.js";
import type { ServiceProtocol } from "../tools/service-transport.js";

/** Options of {@link reflectRegistry}. */
export interface ReflectOptions {
  target: string;
  protocol?: ServiceProtocol;
}

/** Loads the target's services through gRPC server reflection. */
export async function reflectRegistry(options: ReflectOptions): Promise<FileRegistry> {
  throw new CodegenError(
    "reflection",
    `cannot ask ${options.target} by reflection: not implemented yet, pass --proto`,
  );
}
