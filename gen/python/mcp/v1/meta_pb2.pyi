from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import lifecycle_pb2 as _lifecycle_pb2
from mcp.v1 import logging_pb2 as _logging_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MetaObject(_message.Message):
    __slots__ = ["additional_properties"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    def __init__(self, additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class NotificationMetaObject(_message.Message):
    __slots__ = ["additional_properties", "io_modelcontextprotocol_subscription_id"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    io_modelcontextprotocol_subscription_id: _base_pb2.RequestId
    def __init__(self, io_modelcontextprotocol_subscription_id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RequestMetaObject(_message.Message):
    __slots__ = ["additional_properties", "io_modelcontextprotocol_client_capabilities", "io_modelcontextprotocol_client_info", "io_modelcontextprotocol_log_level", "io_modelcontextprotocol_protocol_version", "progress_token"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_CLIENT_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_CLIENT_INFO_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_LOG_LEVEL_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    io_modelcontextprotocol_client_capabilities: _lifecycle_pb2.ClientCapabilities
    io_modelcontextprotocol_client_info: _base_pb2.Implementation
    io_modelcontextprotocol_log_level: _logging_pb2.LoggingLevel
    io_modelcontextprotocol_protocol_version: str
    progress_token: _base_pb2.ProgressToken
    def __init__(self, io_modelcontextprotocol_client_capabilities: _Optional[_Union[_lifecycle_pb2.ClientCapabilities, _Mapping]] = ..., io_modelcontextprotocol_client_info: _Optional[_Union[_base_pb2.Implementation, _Mapping]] = ..., io_modelcontextprotocol_log_level: _Optional[_Union[_logging_pb2.LoggingLevel, str]] = ..., io_modelcontextprotocol_protocol_version: _Optional[str] = ..., progress_token: _Optional[_Union[_base_pb2.ProgressToken, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResultMetaObject(_message.Message):
    __slots__ = ["additional_properties", "io_modelcontextprotocol_server_info"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_SERVER_INFO_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    io_modelcontextprotocol_server_info: _base_pb2.Implementation
    def __init__(self, io_modelcontextprotocol_server_info: _Optional[_Union[_base_pb2.Implementation, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsListenResultMetaObject(_message.Message):
    __slots__ = ["additional_properties", "io_modelcontextprotocol_server_info", "io_modelcontextprotocol_subscription_id"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_SERVER_INFO_FIELD_NUMBER: _ClassVar[int]
    IO_MODELCONTEXTPROTOCOL_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    io_modelcontextprotocol_server_info: _base_pb2.Implementation
    io_modelcontextprotocol_subscription_id: _base_pb2.RequestId
    def __init__(self, io_modelcontextprotocol_server_info: _Optional[_Union[_base_pb2.Implementation, _Mapping]] = ..., io_modelcontextprotocol_subscription_id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
