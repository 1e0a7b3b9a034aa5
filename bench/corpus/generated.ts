import type { Fixture } from "./fixture.js";
import { Prng } from "./prng.js";

const REVISION = "2025-11-25";
const KB = 1024;
const MB = 1024 * KB;

/** Sizes of the scale cases; `quick` keeps the ends and drops the middle. */
export interface GenerateOptions {
  /** Tool definitions to build tools/list results from (captured ones). */
  readonly toolTemplates: readonly Record<string, unknown>[];
  /** Fewer sizes, for `--quick`. */
  readonly quick?: boolean;
}

/**
 * Builds the scale fixtures deterministically: the same options give the same
 * bytes on every machine and every run (seeded PRNG, no clock, no Math.random).
 */
export function generateFixtures(options: GenerateOptions): Fixture[] {
  const quick = options.quick ?? false;
  const toolCounts = quick ? [10, 1000] : [10, 100, 1000];
  const textSizes = quick ? [KB, MB] : [KB, 64 * KB, MB];
  const mediaSizes = quick ? [16 * KB, 8 * MB] : [16 * KB, 256 * KB, 8 * MB];
  const audioSizes = quick ? [256 * KB] : mediaSizes;
  return [
    ...toolCounts.map((n) => toolsList(n, options.toolTemplates)),
    ...textSizes.map((size) => textResult(size)),
    ...mediaSizes.map((size) => mediaResult("image", "image/png", size)),
    ...audioSizes.map((size) => mediaResult("audio", "audio/wav", size)),
    resourcesRead(),
    samplingWithTools(),
    toolsCallRequest(),
  ];
}

function envelope(id: number, body: { result: unknown } | { method: string; params: unknown }): string {
  return JSON.stringify({ jsonrpc: "2.0", id, ...body });
}

function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${bytes / MB}mb` : `${bytes / KB}kb`;
}

function toolsList(count: number, templates: readonly Record<string, unknown>[]): Fixture {
  if (templates.length === 0) throw new Error("cannot generate tools/list: no tool templates");
  const tools = Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length] as Record<string, unknown>;
    return { ...template, name: `${String(template.name)}_${i}` };
  });
  return {
    name: `tools-list-${count}`,
    kind: "result",
    method: "tools/list",
    revision: REVISION,
    origin: "generated",
    json: envelope(1, { result: { tools } }),
  };
}

const WORDS = [
  "protocol",
  "context",
  "model",
  "tool",
  "result",
  "stream",
  "buffer",
  "schema",
  "message",
  "server",
  "client",
  "résumé",
  "naïve",
  "数据",
  "λ",
  "request",
  "the",
  "a",
  "of",
  "and",
];

/** Pseudo-random prose of about `size` UTF-8 bytes, with a little non-ASCII. */
function prose(prng: Prng, size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const word = prng.pick(WORDS);
    parts.push(word);
    length += Buffer.byteLength(word) + 1;
    if (prng.nextInt(12) === 0) {
      parts.push(".\n");
      length += 2;
    }
  }
  return parts.join(" ");
}

function textResult(size: number): Fixture {
  const text = prose(new Prng(size), size);
  return {
    name: `tools-call-text-${sizeLabel(size)}`,
    kind: "result",
    method: "tools/call",
    revision: REVISION,
    origin: "generated",
    json: envelope(2, { result: { content: [{ type: "text", text }], isError: false } }),
  };
}

function mediaResult(type: "image" | "audio", mimeType: string, size: number): Fixture {
  const data = Buffer.from(new Prng(size ^ 0x5eed).bytes(size)).toString("base64");
  return {
    name: `tools-call-${type}-${sizeLabel(size)}`,
    kind: "result",
    method: "tools/call",
    revision: REVISION,
    origin: "generated",
    json: envelope(3, { result: { content: [{ type, data, mimeType }] } }),
  };
}

function resourcesRead(): Fixture {
  const prng = new Prng(7);
  const contents = [
    { uri: "file:///project/README.md", mimeType: "text/markdown", text: prose(prng, 4 * KB) },
    {
      uri: "file:///project/logo.png",
      mimeType: "image/png",
      blob: Buffer.from(prng.bytes(64 * KB)).toString("base64"),
    },
  ];
  return {
    name: "resources-read-text-blob",
    kind: "result",
    method: "resources/read",
    revision: REVISION,
    origin: "generated",
    json: envelope(4, { result: { contents } }),
  };
}

function samplingWithTools(): Fixture {
  const weatherSchema = {
    type: "object",
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city"],
  };
  const params = {
    messages: [
      { role: "user", content: { type: "text", text: "What is the weather in Lisbon and in Porto?" } },
      {
        role: "assistant",
        content: [
          {
            type: "tool_use",
            id: "toolu_01",
            name: "get_weather",
            input: { city: "Lisbon", unit: "celsius" },
          },
          {
            type: "tool_use",
            id: "toolu_02",
            name: "get_weather",
            input: { city: "Porto", unit: "celsius" },
          },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", toolUseId: "toolu_01", content: [{ type: "text", text: "21°C, sunny" }] },
          {
            type: "tool_result",
            toolUseId: "toolu_02",
            content: [{ type: "text", text: "18°C, cloudy" }],
            structuredContent: { temperature: 18, conditions: "cloudy" },
          },
        ],
      },
    ],
    systemPrompt: "You are a helpful assistant with access to weather tools.",
    maxTokens: 1024,
    temperature: 0.2,
    stopSequences: ["\n\nHuman:"],
    modelPreferences: {
      hints: [{ name: "claude-3-5-sonnet" }],
      intelligencePriority: 0.8,
      speedPriority: 0.5,
    },
    tools: [
      { name: "get_weather", description: "Current weather for a city", inputSchema: weatherSchema },
      {
        name: "get_forecast",
        description: "Five-day forecast for a city",
        inputSchema: {
          ...weatherSchema,
          properties: { ...weatherSchema.properties, days: { type: "integer" } },
        },
      },
    ],
    toolChoice: { mode: "auto" },
    _meta: { progressToken: "sampling-1" },
  };
  return {
    name: "sampling-create-message-tools",
    kind: "request",
    method: "sampling/createMessage",
    revision: REVISION,
    origin: "generated",
    json: envelope(5, { method: "sampling/createMessage", params }),
  };
}

function toolsCallRequest(): Fixture {
  return {
    name: "tools-call-request-small",
    kind: "request",
    method: "tools/call",
    revision: REVISION,
    origin: "generated",
    json: envelope(6, {
      method: "tools/call",
      params: { name: "echo", arguments: { message: "hello, protomcp" }, _meta: { progressToken: 6 } },
    }),
  };
}
