from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import options_pb2 as _options_pb2
from mcp.v1 import tasks_pb2 as _tasks_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BooleanSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: bool
    description: str
    title: str
    type: str
    def __init__(self, default: bool = ..., description: _Optional[str] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ElicitRequest(_message.Message):
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
    params: ElicitRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[ElicitRequestParams, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ElicitRequestFormParams(_message.Message):
    __slots__ = ["additional_properties", "message", "meta", "mode", "requested_schema", "task"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class RequestedSchema(_message.Message):
        __slots__ = ["additional_properties", "properties", "required", "schema", "type"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        class PropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: PrimitiveSchemaDefinition
            def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[PrimitiveSchemaDefinition, _Mapping]] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        REQUIRED_FIELD_NUMBER: _ClassVar[int]
        SCHEMA_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        properties: _containers.MessageMap[str, PrimitiveSchemaDefinition]
        required: _containers.RepeatedScalarFieldContainer[str]
        schema: str
        type: str
        def __init__(self, schema: _Optional[str] = ..., properties: _Optional[_Mapping[str, PrimitiveSchemaDefinition]] = ..., required: _Optional[_Iterable[str]] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    message: str
    meta: str
    mode: str
    requested_schema: ElicitRequestFormParams.RequestedSchema
    task: _tasks_pb2.TaskMetadata
    def __init__(self, meta: _Optional[str] = ..., message: _Optional[str] = ..., mode: _Optional[str] = ..., requested_schema: _Optional[_Union[ElicitRequestFormParams.RequestedSchema, _Mapping]] = ..., task: _Optional[_Union[_tasks_pb2.TaskMetadata, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ElicitRequestParams(_message.Message):
    __slots__ = ["elicit_request_form_params", "elicit_request_url_params"]
    ELICIT_REQUEST_FORM_PARAMS_FIELD_NUMBER: _ClassVar[int]
    ELICIT_REQUEST_URL_PARAMS_FIELD_NUMBER: _ClassVar[int]
    elicit_request_form_params: ElicitRequestFormParams
    elicit_request_url_params: ElicitRequestURLParams
    def __init__(self, elicit_request_url_params: _Optional[_Union[ElicitRequestURLParams, _Mapping]] = ..., elicit_request_form_params: _Optional[_Union[ElicitRequestFormParams, _Mapping]] = ...) -> None: ...

class ElicitRequestURLParams(_message.Message):
    __slots__ = ["additional_properties", "elicitation_id", "message", "meta", "mode", "task", "url"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ELICITATION_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    elicitation_id: str
    message: str
    meta: str
    mode: str
    task: _tasks_pb2.TaskMetadata
    url: str
    def __init__(self, meta: _Optional[str] = ..., elicitation_id: _Optional[str] = ..., message: _Optional[str] = ..., mode: _Optional[str] = ..., task: _Optional[_Union[_tasks_pb2.TaskMetadata, _Mapping]] = ..., url: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ElicitResult(_message.Message):
    __slots__ = ["action", "additional_properties", "content", "meta"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ContentEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    action: str
    additional_properties: _containers.ScalarMap[str, str]
    content: _containers.ScalarMap[str, str]
    meta: str
    def __init__(self, meta: _Optional[str] = ..., action: _Optional[str] = ..., content: _Optional[_Mapping[str, str]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ElicitationCompleteNotification(_message.Message):
    __slots__ = ["additional_properties", "jsonrpc", "method", "params"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Params(_message.Message):
        __slots__ = ["additional_properties", "elicitation_id"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        ELICITATION_ID_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        elicitation_id: str
        def __init__(self, elicitation_id: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    jsonrpc: str
    method: str
    params: ElicitationCompleteNotification.Params
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., params: _Optional[_Union[ElicitationCompleteNotification.Params, _Mapping]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class EnumSchema(_message.Message):
    __slots__ = ["legacy_titled_enum_schema", "titled_multi_select_enum_schema", "titled_single_select_enum_schema", "untitled_multi_select_enum_schema", "untitled_single_select_enum_schema"]
    LEGACY_TITLED_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    TITLED_MULTI_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    TITLED_SINGLE_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    UNTITLED_MULTI_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    UNTITLED_SINGLE_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    legacy_titled_enum_schema: LegacyTitledEnumSchema
    titled_multi_select_enum_schema: TitledMultiSelectEnumSchema
    titled_single_select_enum_schema: TitledSingleSelectEnumSchema
    untitled_multi_select_enum_schema: UntitledMultiSelectEnumSchema
    untitled_single_select_enum_schema: UntitledSingleSelectEnumSchema
    def __init__(self, untitled_single_select_enum_schema: _Optional[_Union[UntitledSingleSelectEnumSchema, _Mapping]] = ..., titled_single_select_enum_schema: _Optional[_Union[TitledSingleSelectEnumSchema, _Mapping]] = ..., untitled_multi_select_enum_schema: _Optional[_Union[UntitledMultiSelectEnumSchema, _Mapping]] = ..., titled_multi_select_enum_schema: _Optional[_Union[TitledMultiSelectEnumSchema, _Mapping]] = ..., legacy_titled_enum_schema: _Optional[_Union[LegacyTitledEnumSchema, _Mapping]] = ...) -> None: ...

class LegacyTitledEnumSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "enum", "enum_names", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ENUM_FIELD_NUMBER: _ClassVar[int]
    ENUM_NAMES_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: str
    description: str
    enum: _containers.RepeatedScalarFieldContainer[str]
    enum_names: _containers.RepeatedScalarFieldContainer[str]
    title: str
    type: str
    def __init__(self, default: _Optional[str] = ..., description: _Optional[str] = ..., enum: _Optional[_Iterable[str]] = ..., enum_names: _Optional[_Iterable[str]] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class MultiSelectEnumSchema(_message.Message):
    __slots__ = ["titled_multi_select_enum_schema", "untitled_multi_select_enum_schema"]
    TITLED_MULTI_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    UNTITLED_MULTI_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    titled_multi_select_enum_schema: TitledMultiSelectEnumSchema
    untitled_multi_select_enum_schema: UntitledMultiSelectEnumSchema
    def __init__(self, untitled_multi_select_enum_schema: _Optional[_Union[UntitledMultiSelectEnumSchema, _Mapping]] = ..., titled_multi_select_enum_schema: _Optional[_Union[TitledMultiSelectEnumSchema, _Mapping]] = ...) -> None: ...

class NumberSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "maximum", "minimum", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MAXIMUM_FIELD_NUMBER: _ClassVar[int]
    MINIMUM_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: float
    description: str
    maximum: float
    minimum: float
    title: str
    type: str
    def __init__(self, default: _Optional[float] = ..., description: _Optional[str] = ..., maximum: _Optional[float] = ..., minimum: _Optional[float] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PrimitiveSchemaDefinition(_message.Message):
    __slots__ = ["boolean_schema", "legacy_titled_enum_schema", "number_schema", "string_schema", "titled_multi_select_enum_schema", "titled_single_select_enum_schema", "untitled_multi_select_enum_schema", "untitled_single_select_enum_schema"]
    BOOLEAN_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    LEGACY_TITLED_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    NUMBER_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    STRING_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    TITLED_MULTI_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    TITLED_SINGLE_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    UNTITLED_MULTI_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    UNTITLED_SINGLE_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    boolean_schema: BooleanSchema
    legacy_titled_enum_schema: LegacyTitledEnumSchema
    number_schema: NumberSchema
    string_schema: StringSchema
    titled_multi_select_enum_schema: TitledMultiSelectEnumSchema
    titled_single_select_enum_schema: TitledSingleSelectEnumSchema
    untitled_multi_select_enum_schema: UntitledMultiSelectEnumSchema
    untitled_single_select_enum_schema: UntitledSingleSelectEnumSchema
    def __init__(self, string_schema: _Optional[_Union[StringSchema, _Mapping]] = ..., number_schema: _Optional[_Union[NumberSchema, _Mapping]] = ..., boolean_schema: _Optional[_Union[BooleanSchema, _Mapping]] = ..., untitled_single_select_enum_schema: _Optional[_Union[UntitledSingleSelectEnumSchema, _Mapping]] = ..., titled_single_select_enum_schema: _Optional[_Union[TitledSingleSelectEnumSchema, _Mapping]] = ..., untitled_multi_select_enum_schema: _Optional[_Union[UntitledMultiSelectEnumSchema, _Mapping]] = ..., titled_multi_select_enum_schema: _Optional[_Union[TitledMultiSelectEnumSchema, _Mapping]] = ..., legacy_titled_enum_schema: _Optional[_Union[LegacyTitledEnumSchema, _Mapping]] = ...) -> None: ...

class SingleSelectEnumSchema(_message.Message):
    __slots__ = ["titled_single_select_enum_schema", "untitled_single_select_enum_schema"]
    TITLED_SINGLE_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    UNTITLED_SINGLE_SELECT_ENUM_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    titled_single_select_enum_schema: TitledSingleSelectEnumSchema
    untitled_single_select_enum_schema: UntitledSingleSelectEnumSchema
    def __init__(self, untitled_single_select_enum_schema: _Optional[_Union[UntitledSingleSelectEnumSchema, _Mapping]] = ..., titled_single_select_enum_schema: _Optional[_Union[TitledSingleSelectEnumSchema, _Mapping]] = ...) -> None: ...

class StringSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "format", "max_length", "min_length", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    MAX_LENGTH_FIELD_NUMBER: _ClassVar[int]
    MIN_LENGTH_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: str
    description: str
    format: str
    max_length: int
    min_length: int
    title: str
    type: str
    def __init__(self, default: _Optional[str] = ..., description: _Optional[str] = ..., format: _Optional[str] = ..., max_length: _Optional[int] = ..., min_length: _Optional[int] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class TitledMultiSelectEnumSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "items", "max_items", "min_items", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Items(_message.Message):
        __slots__ = ["additional_properties", "any_of"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        class AnyOfItem(_message.Message):
            __slots__ = ["additional_properties", "const", "title"]
            class AdditionalPropertiesEntry(_message.Message):
                __slots__ = ["key", "value"]
                KEY_FIELD_NUMBER: _ClassVar[int]
                VALUE_FIELD_NUMBER: _ClassVar[int]
                key: str
                value: str
                def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
            ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
            CONST_FIELD_NUMBER: _ClassVar[int]
            TITLE_FIELD_NUMBER: _ClassVar[int]
            additional_properties: _containers.ScalarMap[str, str]
            const: str
            title: str
            def __init__(self, const: _Optional[str] = ..., title: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        ANY_OF_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        any_of: _containers.RepeatedCompositeFieldContainer[TitledMultiSelectEnumSchema.Items.AnyOfItem]
        def __init__(self, any_of: _Optional[_Iterable[_Union[TitledMultiSelectEnumSchema.Items.AnyOfItem, _Mapping]]] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    MAX_ITEMS_FIELD_NUMBER: _ClassVar[int]
    MIN_ITEMS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: _containers.RepeatedScalarFieldContainer[str]
    description: str
    items: TitledMultiSelectEnumSchema.Items
    max_items: int
    min_items: int
    title: str
    type: str
    def __init__(self, default: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., items: _Optional[_Union[TitledMultiSelectEnumSchema.Items, _Mapping]] = ..., max_items: _Optional[int] = ..., min_items: _Optional[int] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class TitledSingleSelectEnumSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "one_of", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class OneOfItem(_message.Message):
        __slots__ = ["additional_properties", "const", "title"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        CONST_FIELD_NUMBER: _ClassVar[int]
        TITLE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        const: str
        title: str
        def __init__(self, const: _Optional[str] = ..., title: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ONE_OF_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: str
    description: str
    one_of: _containers.RepeatedCompositeFieldContainer[TitledSingleSelectEnumSchema.OneOfItem]
    title: str
    type: str
    def __init__(self, default: _Optional[str] = ..., description: _Optional[str] = ..., one_of: _Optional[_Iterable[_Union[TitledSingleSelectEnumSchema.OneOfItem, _Mapping]]] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UntitledMultiSelectEnumSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "items", "max_items", "min_items", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Items(_message.Message):
        __slots__ = ["additional_properties", "enum", "type"]
        class AdditionalPropertiesEntry(_message.Message):
            __slots__ = ["key", "value"]
            KEY_FIELD_NUMBER: _ClassVar[int]
            VALUE_FIELD_NUMBER: _ClassVar[int]
            key: str
            value: str
            def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
        ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
        ENUM_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        additional_properties: _containers.ScalarMap[str, str]
        enum: _containers.RepeatedScalarFieldContainer[str]
        type: str
        def __init__(self, enum: _Optional[_Iterable[str]] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    MAX_ITEMS_FIELD_NUMBER: _ClassVar[int]
    MIN_ITEMS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: _containers.RepeatedScalarFieldContainer[str]
    description: str
    items: UntitledMultiSelectEnumSchema.Items
    max_items: int
    min_items: int
    title: str
    type: str
    def __init__(self, default: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., items: _Optional[_Union[UntitledMultiSelectEnumSchema.Items, _Mapping]] = ..., max_items: _Optional[int] = ..., min_items: _Optional[int] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UntitledSingleSelectEnumSchema(_message.Message):
    __slots__ = ["additional_properties", "default", "description", "enum", "title", "type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ENUM_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    default: str
    description: str
    enum: _containers.RepeatedScalarFieldContainer[str]
    title: str
    type: str
    def __init__(self, default: _Optional[str] = ..., description: _Optional[str] = ..., enum: _Optional[_Iterable[str]] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
