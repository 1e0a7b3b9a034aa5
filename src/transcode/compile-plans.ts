/**
 * What the compiled encoder and decoder share: every object plan reachable from a root, numbered,
 * turned into one generated module of functions that call each other by number (as protobufjs and
 * ajv compile theirs), with the values the code refers to passed in as constants.
 */
import type { MessagePlan } from "./plan.js";

/** The number of each object plan in the generated module (unions are reached through, as -1). */
export type PlanIndex = Map<MessagePlan, number>;

/** Names a value for generated code (`K[i]`), adding it to the module's constants. */
export type ConstantOf = (value: unknown) => string;

/** How one direction compiles. */
export interface PlanCompiler<F> {
  /** The function names' prefix: `o` for the encoder, `d` for the decoder. */
  readonly prefix: string;
  /** Code that runs once before the functions (local names for helpers). */
  readonly preamble: string;
  /** Whether `plan` was compiled already (or refused) by an earlier batch. */
  isCompiled(plan: MessagePlan): boolean;
  /** The source of `plan`'s function, named `${prefix}${i}`. */
  functionSource(plan: MessagePlan, i: number, index: PlanIndex, constant: ConstantOf): string;
  /** Keeps `plan`'s function, or null where code generation was refused. */
  store(plan: MessagePlan, fn: F | null): void;
}

/**
 * Compiles `root` and every object plan it reaches that is not compiled yet; `helpers` is what the
 * generated code calls (as `h`). Where code generation is refused (a policy against `eval`), every
 * plan is stored as null and the interpreter does everything.
 */
export function compilePlans<F>(root: MessagePlan, compiler: PlanCompiler<F>, helpers: object): void {
  const order: MessagePlan[] = [];
  const index: PlanIndex = new Map();
  const visit = (plan: MessagePlan | undefined): void => {
    if (plan === undefined || index.has(plan) || compiler.isCompiled(plan)) return;
    if (plan.kind === "object") {
      index.set(plan, order.length);
      order.push(plan);
    } else if (plan.kind !== "union") return;
    else index.set(plan, -1);
    for (const f of plan.fields) {
      visit(f.message);
      visit(f.map?.message);
    }
  };
  visit(root);
  const constants: unknown[] = [];
  const constant: ConstantOf = (value) => {
    let i = constants.indexOf(value);
    if (i < 0) i = constants.push(value) - 1;
    return `K[${i}]`;
  };
  const body = order.map((plan, i) => compiler.functionSource(plan, i, index, constant)).join("\n");
  const names = order.map((_, i) => `${compiler.prefix}${i}`).join(", ");
  let fns: F[] | undefined;
  try {
    const factory = new Function(
      "K",
      "h",
      `"use strict";\n${compiler.preamble}\n${body}\nreturn [${names}];`,
    ) as (k: unknown[], h: object) => F[];
    fns = factory(constants, helpers);
  } catch {
    fns = undefined;
  }
  for (const [plan, i] of index) if (i >= 0) compiler.store(plan, fns?.[i] ?? null);
}
