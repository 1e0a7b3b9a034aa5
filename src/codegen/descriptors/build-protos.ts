import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { create, createFileRegistry, fromBinary, type FileRegistry } from "@bufbuild/protobuf";
import {
  type FileDescriptorProto,
  type FileDescriptorSet,
  FileDescriptorSetSchema,
} from "@bufbuild/protobuf/wkt";
import { CodegenError } from "../codegen-error.js";

/** Options of {@link buildProtos}. */
export interface BuildProtosOptions {
  /** The buf executable. Defaults to the one of the `@bufbuild/buf` package. */
  buf?: string;
  /** The working directory buf runs in. */
  cwd?: string;
}

/**
 * Compiles protobuf sources with buf and returns a registry of all files, imports included.
 *
 * Each input is anything `buf build` takes: a directory (a module, or a workspace with buf.yaml),
 * or a single `.proto` file (buf finds its module). Source info is kept, so that comments become
 * tool and schema descriptions.
 */
export async function buildProtos(
  inputs: readonly string[],
  options: BuildProtosOptions = {},
): Promise<FileRegistry> {
  if (inputs.length === 0) {
    throw new CodegenError("invalid_argument", "cannot build protos: no input given");
  }
  const buf = options.buf ?? bufExecutable();
  const files = new Map<string, FileDescriptorProto>();
  for (const input of inputs) {
    if (!existsSync(input)) {
      throw new CodegenError("compile", `cannot build ${input}: no such file or directory`);
    }
    const set = await bufBuild(buf, input, options.cwd);
    for (const file of set.file) {
      // Files shared between inputs (well-known types, common imports) are kept once.
      if (!files.has(file.name)) {
        files.set(file.name, file);
      }
    }
  }
  return registryFromFiles([...files.values()]);
}

/**
 * A registry from compiled files in any order. A `FileDescriptorSet` must list imports before
 * their importers, which reflection answers and merged builds do not promise, so sort first.
 */
export function registryFromFiles(files: readonly FileDescriptorProto[]): FileRegistry {
  const byName = new Map(files.map((f) => [f.name, f]));
  const sorted: FileDescriptorProto[] = [];
  const visited = new Set<string>();
  const visit = (file: FileDescriptorProto): void => {
    if (visited.has(file.name)) {
      return;
    }
    visited.add(file.name);
    for (const dep of file.dependency) {
      const imported = byName.get(dep);
      if (imported === undefined) {
        throw new CodegenError("compile", `cannot load ${file.name}: its import ${dep} is missing`);
      }
      visit(imported);
    }
    sorted.push(file);
  };
  files.forEach(visit);
  try {
    return createFileRegistry(create(FileDescriptorSetSchema, { file: sorted }));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CodegenError("compile", `cannot create a registry: ${reason}`, { cause });
  }
}

function bufBuild(buf: string, input: string, cwd: string | undefined): Promise<FileDescriptorSet> {
  return new Promise((resolve, reject) => {
    execFile(
      buf,
      ["build", input, "-o", "-#format=binpb"],
      { encoding: "buffer", maxBuffer: 256 * 1024 * 1024, ...(cwd === undefined ? {} : { cwd }) },
      (error, stdout, stderr) => {
        if (error !== null) {
          const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
          const detail = missing
            ? `${buf} not found: install @bufbuild/buf beside protomcp (an optional peer dependency), or put buf on PATH`
            : stderr.toString().trim() || error.message;
          reject(new CodegenError("compile", `cannot build ${input} with buf: ${detail}`, { cause: error }));
          return;
        }
        try {
          resolve(fromBinary(FileDescriptorSetSchema, new Uint8Array(stdout)));
        } catch (cause) {
          reject(new CodegenError("compile", `cannot read the output of buf build ${input}`, { cause }));
        }
      },
    );
  });
}

function bufExecutable(): string {
  try {
    return createRequire(import.meta.url).resolve("@bufbuild/buf/bin/buf");
  } catch {
    return "buf";
  }
}
