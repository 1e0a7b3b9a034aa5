"""An mcp.v1.McpService server in Python, written with grpcio and the generated stubs in gen/python.

Any MCP client reaches it through protomcp's MCP face:

    PYTHONPATH=gen/python python3 examples/python-server/server.py --port 50061 &
    npx protomcp mcp --upstream http://127.0.0.1:50061 --stdio

Open values (tool schemas, arguments, structured content, capabilities) are JSON text in the
messages: one json.dumps / json.loads away. Prints "listening on HOST:PORT" once it serves.
"""
import argparse
import json
import sys
from concurrent import futures

import grpc

from mcp.v1 import (
    base_pb2,
    content_pb2,
    lifecycle_pb2,
    prompts_pb2,
    resources_pb2,
    service_pb2_grpc,
    tool_pb2,
    tools_pb2,
)

REVISIONS = ["2025-11-25", "2026-07-28"]
SERVER_INFO = base_pb2.Implementation(name="python-calc", version="1.0.0")
ABOUT_URI = "calc://about"
NUMBER_PAIR = {
    "type": "object",
    "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
    "required": ["a", "b"],
}
TOOLS = [
    tool_pb2.Tool(
        name="add",
        description="Adds two numbers.",
        input_schema=json.dumps(NUMBER_PAIR),
        output_schema=json.dumps(
            {"type": "object", "properties": {"sum": {"type": "number"}}, "required": ["sum"]}
        ),
    ),
    tool_pb2.Tool(
        name="divide",
        description="Divides a by b; dividing by zero is a tool error.",
        input_schema=json.dumps(NUMBER_PAIR),
    ),
]


def text(value):
    return content_pb2.ContentBlock(text_content=content_pb2.TextContent(text=value))


def capabilities():
    return lifecycle_pb2.ServerCapabilities(
        tools=lifecycle_pb2.ServerCapabilities.Tools(),
        resources=lifecycle_pb2.ServerCapabilities.Resources(),
        prompts=lifecycle_pb2.ServerCapabilities.Prompts(),
    )


class Calculator(service_pb2_grpc.McpServiceServicer):
    """The RPCs it does not override answer UNIMPLEMENTED, which the MCP face understands."""

    def Initialize(self, request, context):
        wanted = request.protocol_version
        return lifecycle_pb2.InitializeResult(
            protocol_version=wanted if wanted in REVISIONS else REVISIONS[0],
            capabilities=capabilities(),
            server_info=SERVER_INFO,
            instructions="A calculator written in Python.",
        )

    def Discover(self, request, context):
        return lifecycle_pb2.DiscoverResult(
            result_type="complete",
            supported_versions=REVISIONS,
            capabilities=capabilities(),
            meta=json.dumps({"io.modelcontextprotocol/serverInfo": {"name": "python-calc", "version": "1.0.0"}}),
        )

    def ListTools(self, request, context):
        return tools_pb2.ListToolsResult(tools=TOOLS)

    def CallTool(self, request, context):
        args = json.loads(request.arguments) if request.HasField("arguments") else {}
        if request.name not in ("add", "divide"):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"cannot call tool: unknown tool '{request.name}'")
        a, b = args.get("a"), args.get("b")
        if not all(isinstance(n, (int, float)) for n in (a, b)):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "cannot call tool: a and b must be numbers")
        if request.name == "add":
            structured = {"sum": a + b}
            return tools_pb2.CallToolResult(
                content=[text(json.dumps(structured))], structured_content=json.dumps(structured)
            )
        if b == 0:
            return tools_pb2.CallToolResult(content=[text("cannot divide by zero")], is_error=True)
        return tools_pb2.CallToolResult(content=[text(str(a / b))])

    def ListResources(self, request, context):
        return resources_pb2.ListResourcesResult(
            resources=[resources_pb2.Resource(uri=ABOUT_URI, name="about", mime_type="text/plain")]
        )

    def ReadResource(self, request, context):
        if request.uri != ABOUT_URI:
            context.abort(grpc.StatusCode.NOT_FOUND, f"resource not found: {request.uri}")
        contents = content_pb2.TextResourceContents(
            uri=ABOUT_URI, mime_type="text/plain", text="A calculator served by Python grpcio."
        )
        return resources_pb2.ReadResourceResult(
            contents=[resources_pb2.ReadResourceResult.ContentsItem(text_resource_contents=contents)]
        )

    def ListPrompts(self, request, context):
        topic = prompts_pb2.PromptArgument(name="topic", description="What to explain", required=True)
        return prompts_pb2.ListPromptsResult(
            prompts=[prompts_pb2.Prompt(name="explain", description="Explains a topic.", arguments=[topic])]
        )

    def GetPrompt(self, request, context):
        if request.name != "explain":
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"unknown prompt '{request.name}'")
        topic = request.arguments.get("topic")
        if topic is None:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "prompt 'explain' needs argument 'topic'")
        message = prompts_pb2.PromptMessage(role=base_pb2.ROLE_USER, content=text(f"Explain {topic} simply."))
        return prompts_pb2.GetPromptResult(messages=[message])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    options = parser.parse_args()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    service_pb2_grpc.add_McpServiceServicer_to_server(Calculator(), server)
    port = server.add_insecure_port(f"{options.host}:{options.port}")
    server.start()
    print(f"listening on {options.host}:{port}", flush=True)
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:
        server.stop(grace=1)
    sys.exit(0)


if __name__ == "__main__":
    main()
