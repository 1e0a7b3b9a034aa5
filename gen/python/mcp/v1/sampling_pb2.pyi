from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import content_pb2 as _content_pb2
from mcp.v1 import options_pb2 as _options_pb2
from mcp.v1 import tasks_pb2 as _tasks_pb2
from mcp.v1 import tool_pb2 as _tool_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateMessageRequest(_message.Message):
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
    params: CreateMessageRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[CreateMessageRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CreateMessageRequestParams(_message.Message):
    __slots__ = ["additional_properties", "include_context", "max_tokens", "messages", "meta", "metadata", "model_preferences", "stop_sequences", "system_prompt", "task", "temperature", "tool_choice", "tools"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    MAX_TOKENS_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MODEL_PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    STOP_SEQUENCES_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_PROMPT_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    TOOLS_FIELD_NUMBER: _ClassVar[int]
    TOOL_CHOICE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    include_context: str
    max_tokens: int
    messages: _containers.RepeatedCompositeFieldContainer[SamplingMessage]
    meta: str
    metadata: str
    model_preferences: ModelPreferences
    stop_sequences: _containers.RepeatedScalarFieldContainer[str]
    system_prompt: str
    task: _tasks_pb2.TaskMetadata
    temperature: float
    tool_choice: ToolChoice
    tools: _containers.RepeatedCompositeFieldContainer[_tool_pb2.Tool]
    def __init__(self, meta: _Optional[str] = ..., include_context: _Optional[str] = ..., max_tokens: _Optional[int] = ..., messages: _Optional[_Iterable[_Union[SamplingMessage, _Mapping]]] = ..., metadata: _Optional[str] = ..., model_preferences: _Optional[_Union[ModelPreferences, _Mapping]] = ..., stop_sequences: _Optional[_Iterable[str]] = ..., system_prompt: _Optional[str] = ..., task: _Optional[_Union[_tasks_pb2.TaskMetadata, _Mapping]] = ..., temperature: _Optional[float] = ..., tool_choice: _Optional[_Union[ToolChoice, _Mapping]] = ..., tools: _Optional[_Iterable[_Union[_tool_pb2.Tool, _Mapping]]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CreateMessageResult(_message.Message):
    __slots__ = ["additional_properties", "content", "meta", "model", "role", "stop_reason"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    STOP_REASON_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    content: str
    meta: str
    model: str
    role: _base_pb2.Role
    stop_reason: str
    def __init__(self, meta: _Optional[str] = ..., content: _Optional[str] = ..., model: _Optional[str] = ..., role: _Optional[_Union[_base_pb2.Role, str]] = ..., stop_reason: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ModelHint(_message.Message):
    __slots__ = ["additional_properties", "name"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    name: str
    def __init__(self, name: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ModelPreferences(_message.Message):
    __slots__ = ["additional_properties", "cost_priority", "hints", "intelligence_priority", "speed_priority"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    COST_PRIORITY_FIELD_NUMBER: _ClassVar[int]
    HINTS_FIELD_NUMBER: _ClassVar[int]
    INTELLIGENCE_PRIORITY_FIELD_NUMBER: _ClassVar[int]
    SPEED_PRIORITY_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cost_priority: float
    hints: _containers.RepeatedCompositeFieldContainer[ModelHint]
    intelligence_priority: float
    speed_priority: float
    def __init__(self, cost_priority: _Optional[float] = ..., hints: _Optional[_Iterable[_Union[ModelHint, _Mapping]]] = ..., intelligence_priority: _Optional[float] = ..., speed_priority: _Optional[float] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SamplingMessage(_message.Message):
    __slots__ = ["additional_properties", "content", "meta", "role"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    content: str
    meta: str
    role: _base_pb2.Role
    def __init__(self, meta: _Optional[str] = ..., content: _Optional[str] = ..., role: _Optional[_Union[_base_pb2.Role, str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SamplingMessageContentBlock(_message.Message):
    __slots__ = ["audio_content", "image_content", "text_content", "tool_result_content", "tool_use_content"]
    AUDIO_CONTENT_FIELD_NUMBER: _ClassVar[int]
    IMAGE_CONTENT_FIELD_NUMBER: _ClassVar[int]
    TEXT_CONTENT_FIELD_NUMBER: _ClassVar[int]
    TOOL_RESULT_CONTENT_FIELD_NUMBER: _ClassVar[int]
    TOOL_USE_CONTENT_FIELD_NUMBER: _ClassVar[int]
    audio_content: _content_pb2.AudioContent
    image_content: _content_pb2.ImageContent
    text_content: _content_pb2.TextContent
    tool_result_content: ToolResultContent
    tool_use_content: ToolUseContent
    def __init__(self, text_content: _Optional[_Union[_content_pb2.TextContent, _Mapping]] = ..., image_content: _Optional[_Union[_content_pb2.ImageContent, _Mapping]] = ..., audio_content: _Optional[_Union[_content_pb2.AudioContent, _Mapping]] = ..., tool_use_content: _Optional[_Union[ToolUseContent, _Mapping]] = ..., tool_result_content: _Optional[_Union[ToolResultContent, _Mapping]] = ...) -> None: ...

class ToolChoice(_message.Message):
    __slots__ = ["additional_properties", "mode"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    mode: str
    def __init__(self, mode: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ToolResultContent(_message.Message):
    __slots__ = ["additional_properties", "content", "is_error", "meta", "structured_content", "tool_use_id", "type"]
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
    STRUCTURED_CONTENT_FIELD_NUMBER: _ClassVar[int]
    TOOL_USE_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    content: _containers.RepeatedCompositeFieldContainer[_content_pb2.ContentBlock]
    is_error: bool
    meta: str
    structured_content: str
    tool_use_id: str
    type: str
    def __init__(self, meta: _Optional[str] = ..., content: _Optional[_Iterable[_Union[_content_pb2.ContentBlock, _Mapping]]] = ..., is_error: bool = ..., structured_content: _Optional[str] = ..., tool_use_id: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ToolUseContent(_message.Message):
    __slots__ = ["additional_properties", "id", "input", "meta", "name", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: str
    input: str
    meta: str
    name: str
    type: str
    def __init__(self, meta: _Optional[str] = ..., id: _Optional[str] = ..., input: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
