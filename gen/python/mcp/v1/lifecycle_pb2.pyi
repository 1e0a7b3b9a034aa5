from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CancelledNotification(_message.Message):
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
    params: CancelledNotificationParams
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[CancelledNotificationParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CancelledNotificationParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "reason", "request_id"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    reason: str
    request_id: _base_pb2.RequestId
    def __init__(self, meta: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ClientCapabilities(_message.Message):
    __slots__ = ["additional_properties", "elicitation", "experimental", "extensions", "roots", "sampling", "tasks"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Elicitation(_message.Message):
        __slots__ = ["additional_properties", "form", "url"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        FORM_FIELD_NUMBER: _ClassVar[int]
        URL_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        form: str
        url: str
        def __init__(self, form: _Optional[str] = ..., url: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class ExperimentalEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ExtensionsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Roots(_message.Message):
        __slots__ = ["additional_properties", "list_changed"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        list_changed: bool
        def __init__(self, list_changed: bool = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Sampling(_message.Message):
        __slots__ = ["additional_properties", "context", "tools"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CONTEXT_FIELD_NUMBER: _ClassVar[int]
        TOOLS_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        context: str
        tools: str
        def __init__(self, context: _Optional[str] = ..., tools: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Tasks(_message.Message):
        __slots__ = ["additional_properties", "cancel", "list", "requests"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        class Requests(_message.Message):
            __slots__ = ["additional_properties", "elicitation", "sampling"]
            class AdditionalPropertiesEntry(_message.Message):
                __slots__ = ["key", "value"]
                KEY_FIELD_NUMBER: _ClassVar[int]
                VALUE_FIELD_NUMBER: _ClassVar[int]
                key: str
                value: str
                def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
            class Elicitation(_message.Message):
                __slots__ = ["additional_properties", "create"]
                class AdditionalPropertiesEntry(_message.Message):
                    __slots__ = ["key", "value"]
                    KEY_FIELD_NUMBER: _ClassVar[int]
                    VALUE_FIELD_NUMBER: _ClassVar[int]
                    key: str
                    value: str
                    def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
                ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
                CREATE_FIELD_NUMBER: _ClassVar[int]
                additional_properties: _containers.ScalarMap[str, str]
                create: str
                def __init__(self, create: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
            class Sampling(_message.Message):
                __slots__ = ["additional_properties", "create_message"]
                class AdditionalPropertiesEntry(_message.Message):
                    __slots__ = ["key", "value"]
                    KEY_FIELD_NUMBER: _ClassVar[int]
                    VALUE_FIELD_NUMBER: _ClassVar[int]
                    key: str
                    value: str
                    def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
                ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
                CREATE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
                additional_properties: _containers.ScalarMap[str, str]
                create_message: str
                def __init__(self, create_message: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
            ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
            ELICITATION_FIELD_NUMBER: _ClassVar[int]
            SAMPLING_FIELD_NUMBER: _ClassVar[int]
            additional_properties: _containers.ScalarMap[str, str]
            elicitation: ClientCapabilities.Tasks.Requests.Elicitation
            sampling: ClientCapabilities.Tasks.Requests.Sampling
            def __init__(self, elicitation: _Optional[_Union[ClientCapabilities.Tasks.Requests.Elicitation, _Mapping]] = ..., sampling: _Optional[_Union[ClientCapabilities.Tasks.Requests.Sampling, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CANCEL_FIELD_NUMBER: _ClassVar[int]
        LIST_FIELD_NUMBER: _ClassVar[int]
        REQUESTS_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        cancel: str
        list: str
        requests: ClientCapabilities.Tasks.Requests
        def __init__(self, cancel: _Optional[str] = ..., list: _Optional[str] = ..., requests: _Optional[_Union[ClientCapabilities.Tasks.Requests, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ELICITATION_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENTAL_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    ROOTS_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    elicitation: ClientCapabilities.Elicitation
    experimental: _containers.ScalarMap[str, str]
    extensions: _containers.ScalarMap[str, str]
    roots: ClientCapabilities.Roots
    sampling: ClientCapabilities.Sampling
    tasks: ClientCapabilities.Tasks
    def __init__(self, elicitation: _Optional[_Union[ClientCapabilities.Elicitation, _Mapping]] = ..., experimental: _Optional[_Mapping[str, str]] = ..., roots: _Optional[_Union[ClientCapabilities.Roots, _Mapping]] = ..., sampling: _Optional[_Union[ClientCapabilities.Sampling, _Mapping]] = ..., tasks: _Optional[_Union[ClientCapabilities.Tasks, _Mapping]] = ..., extensions: _Optional[_Mapping[str, str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DiscoverRequest(_message.Message):
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
    params: _base_pb2.RequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[_base_pb2.RequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DiscoverResult(_message.Message):
    __slots__ = ["additional_properties", "cache_scope", "capabilities", "instructions", "meta", "result_type", "supported_versions", "ttl_ms"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CACHE_SCOPE_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SUPPORTED_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cache_scope: str
    capabilities: ServerCapabilities
    instructions: str
    meta: str
    result_type: str
    supported_versions: _containers.RepeatedScalarFieldContainer[str]
    ttl_ms: int
    def __init__(self, meta: _Optional[str] = ..., cache_scope: _Optional[str] = ..., capabilities: _Optional[_Union[ServerCapabilities, _Mapping]] = ..., instructions: _Optional[str] = ..., result_type: _Optional[str] = ..., supported_versions: _Optional[_Iterable[str]] = ..., ttl_ms: _Optional[int] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DiscoverResultResponse(_message.Message):
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
    result: DiscoverResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[DiscoverResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InitializeRequest(_message.Message):
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
    params: InitializeRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[InitializeRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InitializeRequestParams(_message.Message):
    __slots__ = ["additional_properties", "capabilities", "client_info", "meta", "protocol_version"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_INFO_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    capabilities: ClientCapabilities
    client_info: _base_pb2.Implementation
    meta: str
    protocol_version: str
    def __init__(self, meta: _Optional[str] = ..., capabilities: _Optional[_Union[ClientCapabilities, _Mapping]] = ..., client_info: _Optional[_Union[_base_pb2.Implementation, _Mapping]] = ..., protocol_version: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InitializeResult(_message.Message):
    __slots__ = ["additional_properties", "capabilities", "instructions", "meta", "protocol_version", "server_info"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_INFO_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    capabilities: ServerCapabilities
    instructions: str
    meta: str
    protocol_version: str
    server_info: _base_pb2.Implementation
    def __init__(self, meta: _Optional[str] = ..., capabilities: _Optional[_Union[ServerCapabilities, _Mapping]] = ..., instructions: _Optional[str] = ..., protocol_version: _Optional[str] = ..., server_info: _Optional[_Union[_base_pb2.Implementation, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InitializedNotification(_message.Message):
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

class PingRequest(_message.Message):
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
    params: _base_pb2.RequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[_base_pb2.RequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ProgressNotification(_message.Message):
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
    params: ProgressNotificationParams
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[ProgressNotificationParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ProgressNotificationParams(_message.Message):
    __slots__ = ["additional_properties", "message", "meta", "progress", "progress_token", "total"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    message: str
    meta: str
    progress: float
    progress_token: _base_pb2.ProgressToken
    total: float
    def __init__(self, meta: _Optional[str] = ..., message: _Optional[str] = ..., progress: _Optional[float] = ..., progress_token: _Optional[_Union[_base_pb2.ProgressToken, _Mapping]] = ..., total: _Optional[float] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ServerCapabilities(_message.Message):
    __slots__ = ["additional_properties", "completions", "experimental", "extensions", "logging", "prompts", "resources", "tasks", "tools"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ExperimentalEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ExtensionsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Prompts(_message.Message):
        __slots__ = ["additional_properties", "list_changed"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        list_changed: bool
        def __init__(self, list_changed: bool = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Resources(_message.Message):
        __slots__ = ["additional_properties", "list_changed", "subscribe"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
        SUBSCRIBE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        list_changed: bool
        subscribe: bool
        def __init__(self, list_changed: bool = ..., subscribe: bool = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Tasks(_message.Message):
        __slots__ = ["additional_properties", "cancel", "list", "requests"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        class Requests(_message.Message):
            __slots__ = ["additional_properties", "tools"]
            class AdditionalPropertiesEntry(_message.Message):
                __slots__ = ["key", "value"]
                KEY_FIELD_NUMBER: _ClassVar[int]
                VALUE_FIELD_NUMBER: _ClassVar[int]
                key: str
                value: str
                def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
            class Tools(_message.Message):
                __slots__ = ["additional_properties", "call"]
                class AdditionalPropertiesEntry(_message.Message):
                    __slots__ = ["key", "value"]
                    KEY_FIELD_NUMBER: _ClassVar[int]
                    VALUE_FIELD_NUMBER: _ClassVar[int]
                    key: str
                    value: str
                    def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
                ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
                CALL_FIELD_NUMBER: _ClassVar[int]
                additional_properties: _containers.ScalarMap[str, str]
                call: str
                def __init__(self, call: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
            ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
            TOOLS_FIELD_NUMBER: _ClassVar[int]
            additional_properties: _containers.ScalarMap[str, str]
            tools: ServerCapabilities.Tasks.Requests.Tools
            def __init__(self, tools: _Optional[_Union[ServerCapabilities.Tasks.Requests.Tools, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CANCEL_FIELD_NUMBER: _ClassVar[int]
        LIST_FIELD_NUMBER: _ClassVar[int]
        REQUESTS_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        cancel: str
        list: str
        requests: ServerCapabilities.Tasks.Requests
        def __init__(self, cancel: _Optional[str] = ..., list: _Optional[str] = ..., requests: _Optional[_Union[ServerCapabilities.Tasks.Requests, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    class Tools(_message.Message):
        __slots__ = ["additional_properties", "list_changed"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        list_changed: bool
        def __init__(self, list_changed: bool = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    COMPLETIONS_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENTAL_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    LOGGING_FIELD_NUMBER: _ClassVar[int]
    PROMPTS_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    TOOLS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    completions: str
    experimental: _containers.ScalarMap[str, str]
    extensions: _containers.ScalarMap[str, str]
    logging: str
    prompts: ServerCapabilities.Prompts
    resources: ServerCapabilities.Resources
    tasks: ServerCapabilities.Tasks
    tools: ServerCapabilities.Tools
    def __init__(self, completions: _Optional[str] = ..., experimental: _Optional[_Mapping[str, str]] = ..., logging: _Optional[str] = ..., prompts: _Optional[_Union[ServerCapabilities.Prompts, _Mapping]] = ..., resources: _Optional[_Union[ServerCapabilities.Resources, _Mapping]] = ..., tasks: _Optional[_Union[ServerCapabilities.Tasks, _Mapping]] = ..., tools: _Optional[_Union[ServerCapabilities.Tools, _Mapping]] = ..., extensions: _Optional[_Mapping[str, str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
