"""A gRPC client written with Python's grpcio and the generated stubs: lists the gateway's tools and
calls echo, printing one JSON object for the test to check."""
import json
import sys

import grpc

from mcp.v1 import base_pb2, prompts_pb2, service_pb2_grpc, tools_pb2

target = sys.argv[1]
with grpc.insecure_channel(target) as channel:
    stub = service_pb2_grpc.McpServiceStub(channel)
    listed = stub.ListTools(base_pb2.PaginatedRequestParams(), timeout=10)
    called = stub.CallTool(
        tools_pb2.CallToolRequestParams(name="echo", arguments=json.dumps({"message": "from python"})),
        timeout=10,
    )
    try:
        stub.GetPrompt(prompts_pb2.GetPromptRequestParams(name="no-such-prompt"), timeout=10)
        error = None
    except grpc.RpcError as e:
        error = e.code().name
    print(json.dumps({
        "tools": [t.name for t in listed.tools],
        "text": called.content[0].text_content.text,
        "error": error,
    }))
