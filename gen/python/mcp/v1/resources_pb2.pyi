from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import content_pb2 as _content_pb2
from mcp.v1 import input_pb2 as _input_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListResourceTemplatesRequest(_message.Message):
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

class ListResourceTemplatesResult(_message.Message):
    __slots__ = ["additional_properties", "cache_scope", "meta", "next_cursor", "resource_templates", "result_type", "ttl_ms"]
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
    RESOURCE_TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cache_scope: str
    meta: str
    next_cursor: str
    resource_templates: _containers.RepeatedCompositeFieldContainer[ResourceTemplate]
    result_type: str
    ttl_ms: int
    def __init__(self, meta: _Optional[str] = ..., next_cursor: _Optional[str] = ..., resource_templates: _Optional[_Iterable[_Union[ResourceTemplate, _Mapping]]] = ..., cache_scope: _Optional[str] = ..., result_type: _Optional[str] = ..., ttl_ms: _Optional[int] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListResourceTemplatesResultResponse(_message.Message):
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
    result: ListResourceTemplatesResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[ListResourceTemplatesResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListResourcesRequest(_message.Message):
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

class ListResourcesResult(_message.Message):
    __slots__ = ["additional_properties", "cache_scope", "meta", "next_cursor", "resources", "result_type", "ttl_ms"]
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
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cache_scope: str
    meta: str
    next_cursor: str
    resources: _containers.RepeatedCompositeFieldContainer[Resource]
    result_type: str
    ttl_ms: int
    def __init__(self, meta: _Optional[str] = ..., next_cursor: _Optional[str] = ..., resources: _Optional[_Iterable[_Union[Resource, _Mapping]]] = ..., cache_scope: _Optional[str] = ..., result_type: _Optional[str] = ..., ttl_ms: _Optional[int] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListResourcesResultResponse(_message.Message):
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
    result: ListResourcesResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[ListResourcesResult, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReadResourceRequest(_message.Message):
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
    params: ReadResourceRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[ReadResourceRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReadResourceRequestParams(_message.Message):
    __slots__ = ["additional_properties", "input_responses", "meta", "request_state", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    INPUT_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    REQUEST_STATE_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    input_responses: _input_pb2.InputResponses
    meta: str
    request_state: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., uri: _Optional[str] = ..., input_responses: _Optional[_Union[_input_pb2.InputResponses, _Mapping]] = ..., request_state: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReadResourceResult(_message.Message):
    __slots__ = ["additional_properties", "cache_scope", "contents", "meta", "result_type", "ttl_ms"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ContentsItem(_message.Message):
        __slots__ = ["blob_resource_contents", "text_resource_contents"]
        BLOB_RESOURCE_CONTENTS_FIELD_NUMBER: _ClassVar[int]
        TEXT_RESOURCE_CONTENTS_FIELD_NUMBER: _ClassVar[int]
        blob_resource_contents: _content_pb2.BlobResourceContents
        text_resource_contents: _content_pb2.TextResourceContents
        def __init__(self, text_resource_contents: _Optional[_Union[_content_pb2.TextResourceContents, _Mapping]] = ..., blob_resource_contents: _Optional[_Union[_content_pb2.BlobResourceContents, _Mapping]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CACHE_SCOPE_FIELD_NUMBER: _ClassVar[int]
    CONTENTS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cache_scope: str
    contents: _containers.RepeatedCompositeFieldContainer[ReadResourceResult.ContentsItem]
    meta: str
    result_type: str
    ttl_ms: int
    def __init__(self, meta: _Optional[str] = ..., contents: _Optional[_Iterable[_Union[ReadResourceResult.ContentsItem, _Mapping]]] = ..., cache_scope: _Optional[str] = ..., result_type: _Optional[str] = ..., ttl_ms: _Optional[int] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReadResourceResultResponse(_message.Message):
    __slots__ = ["additional_properties", "id", "jsonrpc", "result"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Result(_message.Message):
        __slots__ = ["input_required_result", "read_resource_result"]
        INPUT_REQUIRED_RESULT_FIELD_NUMBER: _ClassVar[int]
        READ_RESOURCE_RESULT_FIELD_NUMBER: _ClassVar[int]
        input_required_result: _input_pb2.InputRequiredResult
        read_resource_result: ReadResourceResult
        def __init__(self, input_required_result: _Optional[_Union[_input_pb2.InputRequiredResult, _Mapping]] = ..., read_resource_result: _Optional[_Union[ReadResourceResult, _Mapping]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    id: _base_pb2.RequestId
    jsonrpc: str
    result: ReadResourceResultResponse.Result
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., result: _Optional[_Union[ReadResourceResultResponse.Result, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Resource(_message.Message):
    __slots__ = ["additional_properties", "annotations", "description", "icons", "meta", "mime_type", "name", "size", "title", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ICONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    annotations: _base_pb2.Annotations
    description: str
    icons: _containers.RepeatedCompositeFieldContainer[_base_pb2.Icon]
    meta: str
    mime_type: str
    name: str
    size: int
    title: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., description: _Optional[str] = ..., icons: _Optional[_Iterable[_Union[_base_pb2.Icon, _Mapping]]] = ..., mime_type: _Optional[str] = ..., name: _Optional[str] = ..., size: _Optional[int] = ..., title: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceListChangedNotification(_message.Message):
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

class ResourceRequestParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceTemplate(_message.Message):
    __slots__ = ["additional_properties", "annotations", "description", "icons", "meta", "mime_type", "name", "title", "uri_template"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ICONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    URI_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    annotations: _base_pb2.Annotations
    description: str
    icons: _containers.RepeatedCompositeFieldContainer[_base_pb2.Icon]
    meta: str
    mime_type: str
    name: str
    title: str
    uri_template: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., description: _Optional[str] = ..., icons: _Optional[_Iterable[_Union[_base_pb2.Icon, _Mapping]]] = ..., mime_type: _Optional[str] = ..., name: _Optional[str] = ..., title: _Optional[str] = ..., uri_template: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceUpdatedNotification(_message.Message):
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
    params: ResourceUpdatedNotificationParams
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[ResourceUpdatedNotificationParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceUpdatedNotificationParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscribeRequest(_message.Message):
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
    params: SubscribeRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[SubscribeRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SubscribeRequestParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UnsubscribeRequest(_message.Message):
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
    params: UnsubscribeRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[UnsubscribeRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UnsubscribeRequestParams(_message.Message):
    __slots__ = ["additional_properties", "meta", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
