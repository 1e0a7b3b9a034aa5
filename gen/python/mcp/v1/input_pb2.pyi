from mcp.v1 import elicitation_pb2 as _elicitation_pb2
from mcp.v1 import options_pb2 as _options_pb2
from mcp.v1 import roots_pb2 as _roots_pb2
from mcp.v1 import sampling_pb2 as _sampling_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InputRequest(_message.Message):
    __slots__ = ["create_message_request", "elicit_request", "list_roots_request"]
    CREATE_MESSAGE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    ELICIT_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_ROOTS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    create_message_request: _sampling_pb2.CreateMessageRequest
    elicit_request: _elicitation_pb2.ElicitRequest
    list_roots_request: _roots_pb2.ListRootsRequest
    def __init__(self, create_message_request: _Optional[_Union[_sampling_pb2.CreateMessageRequest, _Mapping]] = ..., list_roots_request: _Optional[_Union[_roots_pb2.ListRootsRequest, _Mapping]] = ..., elicit_request: _Optional[_Union[_elicitation_pb2.ElicitRequest, _Mapping]] = ...) -> None: ...

class InputRequests(_message.Message):
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

class InputRequiredResult(_message.Message):
    __slots__ = ["additional_properties", "input_requests", "meta", "request_state", "result_type"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    INPUT_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    REQUEST_STATE_FIELD_NUMBER: _ClassVar[int]
    RESULT_TYPE_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    input_requests: InputRequests
    meta: str
    request_state: str
    result_type: str
    def __init__(self, meta: _Optional[str] = ..., input_requests: _Optional[_Union[InputRequests, _Mapping]] = ..., request_state: _Optional[str] = ..., result_type: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InputResponse(_message.Message):
    __slots__ = ["create_message_result", "elicit_result", "list_roots_result"]
    CREATE_MESSAGE_RESULT_FIELD_NUMBER: _ClassVar[int]
    ELICIT_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_ROOTS_RESULT_FIELD_NUMBER: _ClassVar[int]
    create_message_result: _sampling_pb2.CreateMessageResult
    elicit_result: _elicitation_pb2.ElicitResult
    list_roots_result: _roots_pb2.ListRootsResult
    def __init__(self, create_message_result: _Optional[_Union[_sampling_pb2.CreateMessageResult, _Mapping]] = ..., list_roots_result: _Optional[_Union[_roots_pb2.ListRootsResult, _Mapping]] = ..., elicit_result: _Optional[_Union[_elicitation_pb2.ElicitResult, _Mapping]] = ...) -> None: ...

class InputResponseRequestParams(_message.Message):
    __slots__ = ["additional_properties", "input_responses", "meta", "request_state"]
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
    additional_properties: _containers.ScalarMap[str, str]
    input_responses: InputResponses
    meta: str
    request_state: str
    def __init__(self, meta: _Optional[str] = ..., input_responses: _Optional[_Union[InputResponses, _Mapping]] = ..., request_state: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InputResponses(_message.Message):
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
