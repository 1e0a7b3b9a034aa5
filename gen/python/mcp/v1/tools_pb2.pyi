from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import content_pb2 as _content_pb2
from mcp.v1 import input_pb2 as _input_pb2
from mcp.v1 import options_pb2 as _options_pb2
from mcp.v1 import tasks_pb2 as _tasks_pb2
from mcp.v1 import tool_pb2 as _tool_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CallToolRequest(_message.Message):
    __slots__ = ["additional_properties", "id", "jsonrpc", "method", "params"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: _base_pb2.RequestId
    jsonrpc: str
    method: str
    params: CallToolRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[CallToolRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CallToolRequestParams(_message.Message):
    __slots__ = ["additional_properties", "arguments", "input_responses", "meta", "name", "request_state", "task"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ARGUMENTS_FIELD_NUMBER: _ClassVar[int]
    INPUT_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_STATE_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    arguments: str
    input_responses: _input_pb2.InputResponses
    meta: str
    name: str
    request_state: str
    task: _tasks_pb2.TaskMetadata
    def __init__(self, meta: _Optional[str] = ..., arguments: _Optional[str] = ..., name: _Optional[str] = ..., task: _Optional[_Union[_tasks_pb2.TaskMetadata, _Mapping]] = ..., input_responses: _Optional[_Union[_input_pb2.InputResponses, _Mapping]] = ..., request_state: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CallToolResult(_message.Message):
    __slots__ = ["additional_properties", "content", "is_error", "meta", "result_type", "structured_content"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    IS_ERROR_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    STRUCTURED_CONTENT_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    content: _containers.RepeatedCompositeFieldContainer[_content_pb2.ContentBlock]
    is_error: bool
    meta: str
    result_type: str
    structured_content: str
    def __init__(self, meta: _Optional[str] = ..., content: _Optional[_Iterable[_Union[_content_pb2.ContentBlock, _Mapping]]] = ..., is_error: bool = ..., structured_content: _Optional[str] = ..., result_type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CallToolResultResponse(_message.Message):
    __slots__ = ["additional_properties", "id", "jsonrpc", "result"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Result(_message.Message):
        __slots__ = ["call_tool_result", "input_required_result"]
        CALL_TOOL_RESULT_FIELD_NUMBER: _ClassVar[int]
        INPUT_REQUIRED_RESULT_FIELD_NUMBER: _ClassVar[int]
        call_tool_result: CallToolResult
        input_required_result: _input_pb2.InputRequiredResult
        def __init__(self, input_required_result: _Optional[_Union[_input_pb2.InputRequiredResult, _Mapping]] = ..., call_tool_result: _Optional[_Union[CallToolResult, _Mapping]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: _base_pb2.RequestId
    jsonrpc: str
    result: CallToolResultResponse.Result
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[CallToolResultResponse.Result, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListToolsRequest(_message.Message):
    __slots__ = ["additional_properties", "id", "jsonrpc", "method", "params"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: _base_pb2.RequestId
    jsonrpc: str
    method: str
    params: _base_pb2.PaginatedRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[_base_pb2.PaginatedRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListToolsResult(_message.Message):
    __slots__ = ["additional_properties", "cache_scope", "meta", "next_cursor", "result_type", "tools", "ttl_ms"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CACHE_SCOPE_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TOOLS_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cache_scope: str
    meta: str
    next_cursor: str
    result_type: str
    tools: _containers.RepeatedCompositeFieldContainer[_tool_pb2.Tool]
    ttl_ms: int
    def __init__(self, meta: _Optional[str] = ..., next_cursor: _Optional[str] = ..., tools: _Optional[_Iterable[_Union[_tool_pb2.Tool, _Mapping]]] = ..., cache_scope: _Optional[str] = ..., result_type: _Optional[str] = ..., ttl_ms: _Optional[int] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListToolsResultResponse(_message.Message):
    __slots__ = ["additional_properties", "id", "jsonrpc", "result"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: _base_pb2.RequestId
    jsonrpc: str
    result: ListToolsResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[ListToolsResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ToolListChangedNotification(_message.Message):
    __slots__ = ["additional_properties", "jsonrpc", "method", "params"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    jsonrpc: str
    method: str
    params: _base_pb2.NotificationParams
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[_base_pb2.NotificationParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
