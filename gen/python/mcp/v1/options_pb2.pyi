from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
JSON_FIELD_NUMBER: _ClassVar[int]
JSON_MESSAGE_FIELD_NUMBER: _ClassVar[int]
REVISION_2025_11_25: Revision
REVISION_2026_07_28: Revision
REVISION_UNSPECIFIED: Revision
json: _descriptor.FieldDescriptor
json_message: _descriptor.FieldDescriptor

class JsonField(_message.Message):
    __slots__ = ["additional", "base64_text", "constant", "key", "methods", "raw", "raw_values", "required", "revisions"]
    ADDITIONAL_FIELD_NUMBER: _ClassVar[int]
    BASE64_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONSTANT_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    METHODS_FIELD_NUMBER: _ClassVar[int]
    RAW_FIELD_NUMBER: _ClassVar[int]
    RAW_VALUES_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    REVISIONS_FIELD_NUMBER: _ClassVar[int]
    additional: bool
    base64_text: bool
    constant: str
    key: str
    methods: _containers.RepeatedScalarFieldContainer[str]
    raw: bool
    raw_values: bool
    required: _containers.RepeatedScalarFieldContainer[Revision]
    revisions: _containers.RepeatedScalarFieldContainer[Revision]
    def __init__(self, raw: bool = ..., constant: _Optional[str] = ..., required: _Optional[_Iterable[_Union[Revision, str]]] = ..., raw_values: bool = ..., key: _Optional[str] = ..., methods: _Optional[_Iterable[str]] = ..., additional: bool = ..., revisions: _Optional[_Iterable[_Union[Revision, str]]] = ..., base64_text: bool = ...) -> None: ...

class JsonMessage(_message.Message):
    __slots__ = ["raw", "revisions", "scalar_union", "union"]
    RAW_FIELD_NUMBER: _ClassVar[int]
    REVISIONS_FIELD_NUMBER: _ClassVar[int]
    SCALAR_UNION_FIELD_NUMBER: _ClassVar[int]
    UNION_FIELD_NUMBER: _ClassVar[int]
    raw: bool
    revisions: _containers.RepeatedScalarFieldContainer[Revision]
    scalar_union: bool
    union: bool
    def __init__(self, revisions: _Optional[_Iterable[_Union[Revision, str]]] = ..., raw: bool = ..., scalar_union: bool = ..., union: bool = ...) -> None: ...

class Revision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
