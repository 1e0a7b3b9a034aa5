from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AudioContent(_message.Message):
    __slots__ = ["additional_properties", "annotations", "data", "data_text", "meta", "mime_type", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    DATA_TEXT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    annotations: _base_pb2.Annotations
    data: bytes
    data_text: str
    meta: str
    mime_type: str
    type: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., data: _Optional[bytes] = ..., mime_type: _Optional[str] = ..., type: _Optional[str] = ..., data_text: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class BlobResourceContents(_message.Message):
    __slots__ = ["additional_properties", "blob", "blob_text", "meta", "mime_type", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    BLOB_FIELD_NUMBER: _ClassVar[int]
    BLOB_TEXT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    blob: bytes
    blob_text: str
    meta: str
    mime_type: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., blob: _Optional[bytes] = ..., mime_type: _Optional[str] = ..., uri: _Optional[str] = ..., blob_text: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ContentBlock(_message.Message):
    __slots__ = ["audio_content", "embedded_resource", "image_content", "resource_link", "text_content"]
    AUDIO_CONTENT_FIELD_NUMBER: _ClassVar[int]
    EMBEDDED_RESOURCE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_CONTENT_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_LINK_FIELD_NUMBER: _ClassVar[int]
    TEXT_CONTENT_FIELD_NUMBER: _ClassVar[int]
    audio_content: AudioContent
    embedded_resource: EmbeddedResource
    image_content: ImageContent
    resource_link: ResourceLink
    text_content: TextContent
    def __init__(self, text_content: _Optional[_Union[TextContent, _Mapping]] = ..., image_content: _Optional[_Union[ImageContent, _Mapping]] = ..., audio_content: _Optional[_Union[AudioContent, _Mapping]] = ..., resource_link: _Optional[_Union[ResourceLink, _Mapping]] = ..., embedded_resource: _Optional[_Union[EmbeddedResource, _Mapping]] = ...) -> None: ...

class EmbeddedResource(_message.Message):
    __slots__ = ["additional_properties", "annotations", "meta", "resource", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Resource(_message.Message):
        __slots__ = ["blob_resource_contents", "text_resource_contents"]
        BLOB_RESOURCE_CONTENTS_FIELD_NUMBER: _ClassVar[int]
        TEXT_RESOURCE_CONTENTS_FIELD_NUMBER: _ClassVar[int]
        blob_resource_contents: BlobResourceContents
        text_resource_contents: TextResourceContents
        def __init__(self, text_resource_contents: _Optional[_Union[TextResourceContents, _Mapping]] = ..., blob_resource_contents: _Optional[_Union[BlobResourceContents, _Mapping]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    annotations: _base_pb2.Annotations
    meta: str
    resource: EmbeddedResource.Resource
    type: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., resource: _Optional[_Union[EmbeddedResource.Resource, _Mapping]] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ImageContent(_message.Message):
    __slots__ = ["additional_properties", "annotations", "data", "data_text", "meta", "mime_type", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    DATA_TEXT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    annotations: _base_pb2.Annotations
    data: bytes
    data_text: str
    meta: str
    mime_type: str
    type: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., data: _Optional[bytes] = ..., mime_type: _Optional[str] = ..., type: _Optional[str] = ..., data_text: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceContents(_message.Message):
    __slots__ = ["additional_properties", "meta", "mime_type", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    mime_type: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., mime_type: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResourceLink(_message.Message):
    __slots__ = ["additional_properties", "annotations", "description", "icons", "meta", "mime_type", "name", "size", "title", "type", "uri"]
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
    TYPE_FIELD_NUMBER: _ClassVar[int]
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
    type: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., description: _Optional[str] = ..., icons: _Optional[_Iterable[_Union[_base_pb2.Icon, _Mapping]]] = ..., mime_type: _Optional[str] = ..., name: _Optional[str] = ..., size: _Optional[int] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class TextContent(_message.Message):
    __slots__ = ["additional_properties", "annotations", "meta", "text", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    annotations: _base_pb2.Annotations
    meta: str
    text: str
    type: str
    def __init__(self, meta: _Optional[str] = ..., annotations: _Optional[_Union[_base_pb2.Annotations, _Mapping]] = ..., text: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class TextResourceContents(_message.Message):
    __slots__ = ["additional_properties", "meta", "mime_type", "text", "uri"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    meta: str
    mime_type: str
    text: str
    uri: str
    def __init__(self, meta: _Optional[str] = ..., mime_type: _Optional[str] = ..., text: _Optional[str] = ..., uri: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
