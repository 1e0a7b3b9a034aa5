from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CompleteRequest(_message.Message):
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
    params: CompleteRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[CompleteRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CompleteRequestParams(_message.Message):
    __slots__ = ["additional_properties", "argument", "context", "meta", "ref"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Argument(_message.Message):
        __slots__ = ["additional_properties", "name", "value"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        NAME_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        name: str
        value: str
        def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Context(_message.Message):
        __slots__ = ["additional_properties", "arguments"]
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
        additional_properties: _containers.ScalarMap[str, str]
        arguments: _containers.ScalarMap[str, str]
        def __init__(self, arguments: _Optional[_Mapping[str, str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Ref(_message.Message):
        __slots__ = ["prompt_reference", "resource_template_reference"]
        PROMPT_REFERENCE_FIELD_NUMBER: _ClassVar[int]
        RESOURCE_TEMPLATE_REFERENCE_FIELD_NUMBER: _ClassVar[int]
        prompt_reference: PromptReference
        resource_template_reference: ResourceTemplateReference
        def __init__(self, prompt_reference: _Optional[_Union[PromptReference, _Mapping]] = ..., resource_template_reference: _Optional[_Union[ResourceTemplateReference, _Mapping]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ARGUMENT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    argument: CompleteRequestParams.Argument
    context: CompleteRequestParams.Context
    meta: str
    ref: CompleteRequestParams.Ref
    def __init__(self, meta: _Optional[str] = ..., argument: _Optional[_Union[CompleteRequestParams.Argument, _Mapping]] = ..., context: _Optional[_Union[CompleteRequestParams.Context, _Mapping]] = ..., ref: _Optional[_Union[CompleteRequestParams.Ref, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CompleteResult(_message.Message):
    __slots__ = ["additional_properties", "completion", "meta", "result_type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Completion(_message.Message):
        __slots__ = ["additional_properties", "has_more", "total", "values"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        HAS_MORE_FIELD_NUMBER: _ClassVar[int]
        TOTAL_FIELD_NUMBER: _ClassVar[int]
        VALUES_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        has_more: bool
        total: int
        values: _containers.RepeatedScalarFieldContainer[str]
        def __init__(self, has_more: bool = ..., total: _Optional[int] = ..., values: _Optional[_Iterable[str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    completion: CompleteResult.Completion
    meta: str
    result_type: str
    def __init__(self, meta: _Optional[str] = ..., completion: _Optional[_Union[CompleteResult.Completion, _Mapping]] = ..., result_type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CompleteResultResponse(_message.Message):
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
    result: CompleteResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[CompleteResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PromptReference(_message.Message):
    __slots__ = ["additional_properties", "name", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    name: str
    title: str
    type: str
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceTemplateReference(_message.Message):
    __slots__ = ["additional_properties", "type", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    type: str
    uri: str
    def __init__(self, type: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
