from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import lifecycle_pb2 as _lifecycle_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Error(_message.Message):
    __slots__ = ["additional_properties", "code", "data", "message"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    code: int
    data: str
    message: str
    def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class HeaderMismatchError(_message.Message):
    __slots__ = ["additional_properties", "error", "id", "jsonrpc"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Error(_message.Message):
        __slots__ = ["additional_properties", "code", "data", "message"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CODE_FIELD_NUMBER: _ClassVar[int]
        DATA_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        code: int
        data: str
        message: str
        def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    error: HeaderMismatchError.Error
    id: _base_pb2.RequestId
    jsonrpc: str
    def __init__(self, error: _Optional[_Union[HeaderMismatchError.Error, _Mapping]] = ..., id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InternalError(_message.Message):
    __slots__ = ["additional_properties", "code", "data", "message"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    code: int
    data: str
    message: str
    def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InvalidParamsError(_message.Message):
    __slots__ = ["additional_properties", "code", "data", "message"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    code: int
    data: str
    message: str
    def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InvalidRequestError(_message.Message):
    __slots__ = ["additional_properties", "code", "data", "message"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    code: int
    data: str
    message: str
    def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class MethodNotFoundError(_message.Message):
    __slots__ = ["additional_properties", "code", "data", "message"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    code: int
    data: str
    message: str
    def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class MissingRequiredClientCapabilityError(_message.Message):
    __slots__ = ["additional_properties", "error", "id", "jsonrpc"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Error(_message.Message):
        __slots__ = ["additional_properties", "code", "data", "message"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        class Data(_message.Message):
            __slots__ = ["additional_properties", "required_capabilities"]
            class AdditionalPropertiesEntry(_message.Message):
                __slots__ = ["key", "value"]
                KEY_FIELD_NUMBER: _ClassVar[int]
                VALUE_FIELD_NUMBER: _ClassVar[int]
                key: str
                value: str
                def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
            ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
            REQUIRED_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
            additional_properties: _containers.ScalarMap[str, str]
            required_capabilities: _lifecycle_pb2.ClientCapabilities
            def __init__(self, required_capabilities: _Optional[_Union[_lifecycle_pb2.ClientCapabilities, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CODE_FIELD_NUMBER: _ClassVar[int]
        DATA_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        code: int
        data: MissingRequiredClientCapabilityError.Error.Data
        message: str
        def __init__(self, code: _Optional[int] = ..., data: _Optional[_Union[MissingRequiredClientCapabilityError.Error.Data, _Mapping]] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    error: MissingRequiredClientCapabilityError.Error
    id: _base_pb2.RequestId
    jsonrpc: str
    def __init__(self, error: _Optional[_Union[MissingRequiredClientCapabilityError.Error, _Mapping]] = ..., id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ParseError(_message.Message):
    __slots__ = ["additional_properties", "code", "data", "message"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    code: int
    data: str
    message: str
    def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class URLElicitationRequiredError(_message.Message):
    __slots__ = ["additional_properties", "error", "id", "jsonrpc"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Error(_message.Message):
        __slots__ = ["additional_properties", "code", "data", "message"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CODE_FIELD_NUMBER: _ClassVar[int]
        DATA_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        code: int
        data: str
        message: str
        def __init__(self, code: _Optional[int] = ..., data: _Optional[str] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    error: URLElicitationRequiredError.Error
    id: _base_pb2.RequestId
    jsonrpc: str
    def __init__(self, error: _Optional[_Union[URLElicitationRequiredError.Error, _Mapping]] = ..., id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UnsupportedProtocolVersionError(_message.Message):
    __slots__ = ["additional_properties", "error", "id", "jsonrpc"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Error(_message.Message):
        __slots__ = ["additional_properties", "code", "data", "message"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        class Data(_message.Message):
            __slots__ = ["additional_properties", "requested", "supported"]
            class AdditionalPropertiesEntry(_message.Message):
                __slots__ = ["key", "value"]
                KEY_FIELD_NUMBER: _ClassVar[int]
                VALUE_FIELD_NUMBER: _ClassVar[int]
                key: str
                value: str
                def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
            ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
            REQUESTED_FIELD_NUMBER: _ClassVar[int]
            SUPPORTED_FIELD_NUMBER: _ClassVar[int]
            additional_properties: _containers.ScalarMap[str, str]
            requested: str
            supported: _containers.RepeatedScalarFieldContainer[str]
            def __init__(self, requested: _Optional[str] = ..., supported: _Optional[_Iterable[str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CODE_FIELD_NUMBER: _ClassVar[int]
        DATA_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        code: int
        data: UnsupportedProtocolVersionError.Error.Data
        message: str
        def __init__(self, code: _Optional[int] = ..., data: _Optional[_Union[UnsupportedProtocolVersionError.Error.Data, _Mapping]] = ..., message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    error: UnsupportedProtocolVersionError.Error
    id: _base_pb2.RequestId
    jsonrpc: str
    def __init__(self, error: _Optional[_Union[UnsupportedProtocolVersionError.Error, _Mapping]] = ..., id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
