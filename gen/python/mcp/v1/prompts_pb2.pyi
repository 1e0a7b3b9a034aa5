from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import content_pb2 as _content_pb2
from mcp.v1 import input_pb2 as _input_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetPromptRequest(_message.Message):
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
    params: GetPromptRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[GetPromptRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetPromptRequestParams(_message.Message):
    __slots__ = ["additional_properties", "arguments", "input_responses", "meta", "name", "request_state"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ArgumentsEntry(_message.Message):
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
    additional_properties: _containers.ScalarMap[str, str]
    arguments: _containers.ScalarMap[str, str]
    input_responses: _input_pb2.InputResponses
    meta: str
    name: str
    request_state: str
    def __init__(self, meta: _Optional[str] = ..., arguments: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., input_responses: _Optional[_Union[_input_pb2.InputResponses, _Mapping]] = ..., request_state: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetPromptResult(_message.Message):
    __slots__ = ["additional_properties", "description", "messages", "meta", "result_type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    description: str
    messages: _containers.RepeatedCompositeFieldContainer[PromptMessage]
    meta: str
    result_type: str
    def __init__(self, meta: _Optional[str] = ..., description: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[PromptMessage, _Mapping]]] = ..., result_type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetPromptResultResponse(_message.Message):
    __slots__ = ["additional_properties", "id", "jsonrpc", "result"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Result(_message.Message):
        __slots__ = ["get_prompt_result", "input_required_result"]
        GET_PROMPT_RESULT_FIELD_NUMBER: _ClassVar[int]
        INPUT_REQUIRED_RESULT_FIELD_NUMBER: _ClassVar[int]
        get_prompt_result: GetPromptResult
        input_required_result: _input_pb2.InputRequiredResult
        def __init__(self, input_required_result: _Optional[_Union[_input_pb2.InputRequiredResult, _Mapping]] = ..., get_prompt_result: _Optional[_Union[GetPromptResult, _Mapping]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: _base_pb2.RequestId
    jsonrpc: str
    result: GetPromptResultResponse.Result
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[GetPromptResultResponse.Result, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListPromptsRequest(_message.Message):
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

class ListPromptsResult(_message.Message):
    __slots__ = ["additional_properties", "cache_scope", "meta", "next_cursor", "prompts", "result_type", "ttl_ms"]
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
    PROMPTS_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cache_scope: str
    meta: str
    next_cursor: str
    prompts: _containers.RepeatedCompositeFieldContainer[Prompt]
    result_type: str
    ttl_ms: int
    def __init__(self, meta: _Optional[str] = ..., next_cursor: _Optional[str] = ..., prompts: _Optional[_Iterable[_Union[Prompt, _Mapping]]] = ..., cache_scope: _Optional[str] = ..., result_type: _Optional[str] = ..., ttl_ms: _Optional[int] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListPromptsResultResponse(_message.Message):
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
    result: ListPromptsResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[ListPromptsResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Prompt(_message.Message):
    __slots__ = ["additional_properties", "arguments", "description", "icons", "meta", "name", "title"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ARGUMENTS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ICONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    arguments: _containers.RepeatedCompositeFieldContainer[PromptArgument]
    description: str
    icons: _containers.RepeatedCompositeFieldContainer[_base_pb2.Icon]
    meta: str
    name: str
    title: str
    def __init__(self, meta: _Optional[str] = ..., arguments: _Optional[_Iterable[_Union[PromptArgument, _Mapping]]] = ..., description: _Optional[str] = ..., icons: _Optional[_Iterable[_Union[_base_pb2.Icon, _Mapping]]] = ..., name: _Optional[str] = ..., title: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PromptArgument(_message.Message):
    __slots__ = ["additional_properties", "description", "name", "required", "title"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    description: str
    name: str
    required: bool
    title: str
    def __init__(self, description: _Optional[str] = ..., name: _Optional[str] = ..., required: bool = ..., title: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PromptListChangedNotification(_message.Message):
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

class PromptMessage(_message.Message):
    __slots__ = ["additional_properties", "content", "role"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    content: _content_pb2.ContentBlock
    role: _base_pb2.Role
    def __init__(self, content: _Optional[_Union[_content_pb2.ContentBlock, _Mapping]] = ..., role: _Optional[_Union[_base_pb2.Role, str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
