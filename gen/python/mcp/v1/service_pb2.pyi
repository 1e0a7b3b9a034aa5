from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import completion_pb2 as _completion_pb2
from mcp.v1 import jsonrpc_pb2 as _jsonrpc_pb2
from mcp.v1 import lifecycle_pb2 as _lifecycle_pb2
from mcp.v1 import logging_pb2 as _logging_pb2
from mcp.v1 import prompts_pb2 as _prompts_pb2
from mcp.v1 import resources_pb2 as _resources_pb2
from mcp.v1 import subscriptions_pb2 as _subscriptions_pb2
from mcp.v1 import tasks_pb2 as _tasks_pb2
from mcp.v1 import tools_pb2 as _tools_pb2
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor
