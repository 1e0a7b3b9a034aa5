from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SubscriptionFilter(_message.Message):
    __slots__ = ["additional_properties", "prompts_list_changed", "resource_subscriptions", "resources_list_changed", "tools_list_changed"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    PROMPTS_LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_SUBSCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    TOOLS_LIST_CHANGED_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    prompts_list_changed: bool
    resource_subscriptions: _containers.RepeatedScalarFieldContainer[str]
    resources_list_changed: bool
    tools_list_changed: bool
    def __init__(self, prompts_list_changed: bool = ..., resource_subscriptions: _Optional[_Iterable[str]] = ..., resources_list_changed: bool = ..., tools_list_changed: bool = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsAcknowledgedNotification(_message.Message):
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
    params: SubscriptionsAcknowledgedNotificationParams
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[SubscriptionsAcknowledgedNotificationParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsAcknowledgedNotificationParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "notifications"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    notifications: SubscriptionFilter
    def __init__(self, meta: _Optional[str] = ..., notifications: _Optional[_Union[SubscriptionFilter, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsListenRequest(_message.Message):
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
    params: SubscriptionsListenRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[SubscriptionsListenRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsListenRequestParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "notifications"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    notifications: SubscriptionFilter
    def __init__(self, meta: _Optional[str] = ..., notifications: _Optional[_Union[SubscriptionFilter, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsListenResult(_message.Message):
    __slots__ = ["additional_properties", "meta", "result_type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    result_type: str
    def __init__(self, meta: _Optional[str] = ..., result_type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscriptionsListenResultResponse(_message.Message):
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
    result: SubscriptionsListenResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[SubscriptionsListenResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
