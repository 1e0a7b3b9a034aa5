from mcp.v1 import base_pb2 as _base_pb2
from mcp.v1 import completion_pb2 as _completion_pb2
from mcp.v1 import elicitation_pb2 as _elicitation_pb2
from mcp.v1 import errors_pb2 as _errors_pb2
from mcp.v1 import input_pb2 as _input_pb2
from mcp.v1 import lifecycle_pb2 as _lifecycle_pb2
from mcp.v1 import logging_pb2 as _logging_pb2
from mcp.v1 import options_pb2 as _options_pb2
from mcp.v1 import prompts_pb2 as _prompts_pb2
from mcp.v1 import resources_pb2 as _resources_pb2
from mcp.v1 import roots_pb2 as _roots_pb2
from mcp.v1 import sampling_pb2 as _sampling_pb2
from mcp.v1 import subscriptions_pb2 as _subscriptions_pb2
from mcp.v1 import tasks_pb2 as _tasks_pb2
from mcp.v1 import tools_pb2 as _tools_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ClientNotification(_message.Message):
    __slots__ = ["cancelled_notification", "initialized_notification", "progress_notification", "roots_list_changed_notification", "task_status_notification"]
    CANCELLED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    INITIALIZED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    ROOTS_LIST_CHANGED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    TASK_STATUS_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    cancelled_notification: _lifecycle_pb2.CancelledNotification
    initialized_notification: _lifecycle_pb2.InitializedNotification
    progress_notification: _lifecycle_pb2.ProgressNotification
    roots_list_changed_notification: _roots_pb2.RootsListChangedNotification
    task_status_notification: _tasks_pb2.TaskStatusNotification
    def __init__(self, cancelled_notification: _Optional[_Union[_lifecycle_pb2.CancelledNotification, _Mapping]] = ..., initialized_notification: _Optional[_Union[_lifecycle_pb2.InitializedNotification, _Mapping]] = ..., progress_notification: _Optional[_Union[_lifecycle_pb2.ProgressNotification, _Mapping]] = ..., task_status_notification: _Optional[_Union[_tasks_pb2.TaskStatusNotification, _Mapping]] = ..., roots_list_changed_notification: _Optional[_Union[_roots_pb2.RootsListChangedNotification, _Mapping]] = ...) -> None: ...

class ClientRequest(_message.Message):
    __slots__ = ["call_tool_request", "cancel_task_request", "complete_request", "discover_request", "get_prompt_request", "get_task_payload_request", "get_task_request", "initialize_request", "list_prompts_request", "list_resource_templates_request", "list_resources_request", "list_tasks_request", "list_tools_request", "ping_request", "read_resource_request", "set_level_request", "subscribe_request", "subscriptions_listen_request", "unsubscribe_request"]
    CALL_TOOL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    CANCEL_TASK_REQUEST_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    DISCOVER_REQUEST_FIELD_NUMBER: _ClassVar[int]
    GET_PROMPT_REQUEST_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_PAYLOAD_REQUEST_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_REQUEST_FIELD_NUMBER: _ClassVar[int]
    INITIALIZE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_PROMPTS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_RESOURCES_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_RESOURCE_TEMPLATES_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_TASKS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_TOOLS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PING_REQUEST_FIELD_NUMBER: _ClassVar[int]
    READ_RESOURCE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    SET_LEVEL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTIONS_LISTEN_REQUEST_FIELD_NUMBER: _ClassVar[int]
    UNSUBSCRIBE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    call_tool_request: _tools_pb2.CallToolRequest
    cancel_task_request: _tasks_pb2.CancelTaskRequest
    complete_request: _completion_pb2.CompleteRequest
    discover_request: _lifecycle_pb2.DiscoverRequest
    get_prompt_request: _prompts_pb2.GetPromptRequest
    get_task_payload_request: _tasks_pb2.GetTaskPayloadRequest
    get_task_request: _tasks_pb2.GetTaskRequest
    initialize_request: _lifecycle_pb2.InitializeRequest
    list_prompts_request: _prompts_pb2.ListPromptsRequest
    list_resource_templates_request: _resources_pb2.ListResourceTemplatesRequest
    list_resources_request: _resources_pb2.ListResourcesRequest
    list_tasks_request: _tasks_pb2.ListTasksRequest
    list_tools_request: _tools_pb2.ListToolsRequest
    ping_request: _lifecycle_pb2.PingRequest
    read_resource_request: _resources_pb2.ReadResourceRequest
    set_level_request: _logging_pb2.SetLevelRequest
    subscribe_request: _resources_pb2.SubscribeRequest
    subscriptions_listen_request: _subscriptions_pb2.SubscriptionsListenRequest
    unsubscribe_request: _resources_pb2.UnsubscribeRequest
    def __init__(self, initialize_request: _Optional[_Union[_lifecycle_pb2.InitializeRequest, _Mapping]] = ..., ping_request: _Optional[_Union[_lifecycle_pb2.PingRequest, _Mapping]] = ..., list_resources_request: _Optional[_Union[_resources_pb2.ListResourcesRequest, _Mapping]] = ..., list_resource_templates_request: _Optional[_Union[_resources_pb2.ListResourceTemplatesRequest, _Mapping]] = ..., read_resource_request: _Optional[_Union[_resources_pb2.ReadResourceRequest, _Mapping]] = ..., subscribe_request: _Optional[_Union[_resources_pb2.SubscribeRequest, _Mapping]] = ..., unsubscribe_request: _Optional[_Union[_resources_pb2.UnsubscribeRequest, _Mapping]] = ..., list_prompts_request: _Optional[_Union[_prompts_pb2.ListPromptsRequest, _Mapping]] = ..., get_prompt_request: _Optional[_Union[_prompts_pb2.GetPromptRequest, _Mapping]] = ..., list_tools_request: _Optional[_Union[_tools_pb2.ListToolsRequest, _Mapping]] = ..., call_tool_request: _Optional[_Union[_tools_pb2.CallToolRequest, _Mapping]] = ..., get_task_request: _Optional[_Union[_tasks_pb2.GetTaskRequest, _Mapping]] = ..., get_task_payload_request: _Optional[_Union[_tasks_pb2.GetTaskPayloadRequest, _Mapping]] = ..., cancel_task_request: _Optional[_Union[_tasks_pb2.CancelTaskRequest, _Mapping]] = ..., list_tasks_request: _Optional[_Union[_tasks_pb2.ListTasksRequest, _Mapping]] = ..., set_level_request: _Optional[_Union[_logging_pb2.SetLevelRequest, _Mapping]] = ..., complete_request: _Optional[_Union[_completion_pb2.CompleteRequest, _Mapping]] = ..., discover_request: _Optional[_Union[_lifecycle_pb2.DiscoverRequest, _Mapping]] = ..., subscriptions_listen_request: _Optional[_Union[_subscriptions_pb2.SubscriptionsListenRequest, _Mapping]] = ...) -> None: ...

class ClientResult(_message.Message):
    __slots__ = ["cancel_task_result", "client_result", "create_message_result", "elicit_result", "get_task_payload_result", "get_task_result", "list_roots_result", "list_tasks_result", "result"]
    CANCEL_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_RESULT_FIELD_NUMBER: _ClassVar[int]
    CREATE_MESSAGE_RESULT_FIELD_NUMBER: _ClassVar[int]
    ELICIT_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_PAYLOAD_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_ROOTS_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_TASKS_RESULT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    cancel_task_result: _tasks_pb2.CancelTaskResult
    client_result: ClientResult
    create_message_result: _sampling_pb2.CreateMessageResult
    elicit_result: _elicitation_pb2.ElicitResult
    get_task_payload_result: _tasks_pb2.GetTaskPayloadResult
    get_task_result: _tasks_pb2.GetTaskResult
    list_roots_result: _roots_pb2.ListRootsResult
    list_tasks_result: _tasks_pb2.ListTasksResult
    result: _base_pb2.Result
    def __init__(self, result: _Optional[_Union[_base_pb2.Result, _Mapping]] = ..., get_task_result: _Optional[_Union[_tasks_pb2.GetTaskResult, _Mapping]] = ..., get_task_payload_result: _Optional[_Union[_tasks_pb2.GetTaskPayloadResult, _Mapping]] = ..., cancel_task_result: _Optional[_Union[_tasks_pb2.CancelTaskResult, _Mapping]] = ..., list_tasks_result: _Optional[_Union[_tasks_pb2.ListTasksResult, _Mapping]] = ..., create_message_result: _Optional[_Union[_sampling_pb2.CreateMessageResult, _Mapping]] = ..., list_roots_result: _Optional[_Union[_roots_pb2.ListRootsResult, _Mapping]] = ..., elicit_result: _Optional[_Union[_elicitation_pb2.ElicitResult, _Mapping]] = ..., client_result: _Optional[_Union[ClientResult, _Mapping]] = ...) -> None: ...

class JSONRPCErrorResponse(_message.Message):
    __slots__ = ["additional_properties", "error", "id", "jsonrpc"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    error: _errors_pb2.Error
    id: _base_pb2.RequestId
    jsonrpc: str
    def __init__(self, error: _Optional[_Union[_errors_pb2.Error, _Mapping]] = ..., id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class JSONRPCMessage(_message.Message):
    __slots__ = ["jsonrpc_error_response", "jsonrpc_notification", "jsonrpc_request", "jsonrpc_result_response"]
    JSONRPC_ERROR_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_REQUEST_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_RESULT_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    jsonrpc_error_response: JSONRPCErrorResponse
    jsonrpc_notification: JSONRPCNotification
    jsonrpc_request: JSONRPCRequest
    jsonrpc_result_response: JSONRPCResultResponse
    def __init__(self, jsonrpc_request: _Optional[_Union[JSONRPCRequest, _Mapping]] = ..., jsonrpc_notification: _Optional[_Union[JSONRPCNotification, _Mapping]] = ..., jsonrpc_result_response: _Optional[_Union[JSONRPCResultResponse, _Mapping]] = ..., jsonrpc_error_response: _Optional[_Union[JSONRPCErrorResponse, _Mapping]] = ...) -> None: ...

class JSONRPCNotification(_message.Message):
    __slots__ = ["additional_properties", "cancelled_notification_params", "elicitation_complete_notification_params", "jsonrpc", "logging_message_notification_params", "method", "notification_params", "params_json", "progress_notification_params", "resource_updated_notification_params", "subscriptions_acknowledged_notification_params", "task_status_notification_params"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    ELICITATION_COMPLETE_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    LOGGING_MESSAGE_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_UPDATED_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTIONS_ACKNOWLEDGED_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    TASK_STATUS_NOTIFICATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    cancelled_notification_params: _lifecycle_pb2.CancelledNotificationParams
    elicitation_complete_notification_params: _elicitation_pb2.ElicitationCompleteNotification.Params
    jsonrpc: str
    logging_message_notification_params: _logging_pb2.LoggingMessageNotificationParams
    method: str
    notification_params: _base_pb2.NotificationParams
    params_json: str
    progress_notification_params: _lifecycle_pb2.ProgressNotificationParams
    resource_updated_notification_params: _resources_pb2.ResourceUpdatedNotificationParams
    subscriptions_acknowledged_notification_params: _subscriptions_pb2.SubscriptionsAcknowledgedNotificationParams
    task_status_notification_params: _tasks_pb2.TaskStatusNotificationParams
    def __init__(self, jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., cancelled_notification_params: _Optional[_Union[_lifecycle_pb2.CancelledNotificationParams, _Mapping]] = ..., elicitation_complete_notification_params: _Optional[_Union[_elicitation_pb2.ElicitationCompleteNotification.Params, _Mapping]] = ..., notification_params: _Optional[_Union[_base_pb2.NotificationParams, _Mapping]] = ..., logging_message_notification_params: _Optional[_Union[_logging_pb2.LoggingMessageNotificationParams, _Mapping]] = ..., progress_notification_params: _Optional[_Union[_lifecycle_pb2.ProgressNotificationParams, _Mapping]] = ..., resource_updated_notification_params: _Optional[_Union[_resources_pb2.ResourceUpdatedNotificationParams, _Mapping]] = ..., subscriptions_acknowledged_notification_params: _Optional[_Union[_subscriptions_pb2.SubscriptionsAcknowledgedNotificationParams, _Mapping]] = ..., task_status_notification_params: _Optional[_Union[_tasks_pb2.TaskStatusNotificationParams, _Mapping]] = ..., params_json: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class JSONRPCRequest(_message.Message):
    __slots__ = ["additional_properties", "call_tool_request_params", "cancel_task_request_params", "complete_request_params", "create_message_request_params", "elicit_request_params", "get_prompt_request_params", "get_task_payload_request_params", "get_task_request_params", "id", "initialize_request_params", "jsonrpc", "method", "paginated_request_params", "params_json", "read_resource_request_params", "request_params", "set_level_request_params", "subscribe_request_params", "subscriptions_listen_request_params", "unsubscribe_request_params"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CALL_TOOL_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    CANCEL_TASK_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    CREATE_MESSAGE_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    ELICIT_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    GET_PROMPT_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_PAYLOAD_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INITIALIZE_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PAGINATED_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    READ_RESOURCE_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    SET_LEVEL_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIBE_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTIONS_LISTEN_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    UNSUBSCRIBE_REQUEST_PARAMS_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    call_tool_request_params: _tools_pb2.CallToolRequestParams
    cancel_task_request_params: _tasks_pb2.CancelTaskRequest.Params
    complete_request_params: _completion_pb2.CompleteRequestParams
    create_message_request_params: _sampling_pb2.CreateMessageRequestParams
    elicit_request_params: _elicitation_pb2.ElicitRequestParams
    get_prompt_request_params: _prompts_pb2.GetPromptRequestParams
    get_task_payload_request_params: _tasks_pb2.GetTaskPayloadRequest.Params
    get_task_request_params: _tasks_pb2.GetTaskRequest.Params
    id: _base_pb2.RequestId
    initialize_request_params: _lifecycle_pb2.InitializeRequestParams
    jsonrpc: str
    method: str
    paginated_request_params: _base_pb2.PaginatedRequestParams
    params_json: str
    read_resource_request_params: _resources_pb2.ReadResourceRequestParams
    request_params: _base_pb2.RequestParams
    set_level_request_params: _logging_pb2.SetLevelRequestParams
    subscribe_request_params: _resources_pb2.SubscribeRequestParams
    subscriptions_listen_request_params: _subscriptions_pb2.SubscriptionsListenRequestParams
    unsubscribe_request_params: _resources_pb2.UnsubscribeRequestParams
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., method: _Optional[str] = ..., call_tool_request_params: _Optional[_Union[_tools_pb2.CallToolRequestParams, _Mapping]] = ..., cancel_task_request_params: _Optional[_Union[_tasks_pb2.CancelTaskRequest.Params, _Mapping]] = ..., complete_request_params: _Optional[_Union[_completion_pb2.CompleteRequestParams, _Mapping]] = ..., create_message_request_params: _Optional[_Union[_sampling_pb2.CreateMessageRequestParams, _Mapping]] = ..., request_params: _Optional[_Union[_base_pb2.RequestParams, _Mapping]] = ..., elicit_request_params: _Optional[_Union[_elicitation_pb2.ElicitRequestParams, _Mapping]] = ..., get_prompt_request_params: _Optional[_Union[_prompts_pb2.GetPromptRequestParams, _Mapping]] = ..., get_task_payload_request_params: _Optional[_Union[_tasks_pb2.GetTaskPayloadRequest.Params, _Mapping]] = ..., get_task_request_params: _Optional[_Union[_tasks_pb2.GetTaskRequest.Params, _Mapping]] = ..., initialize_request_params: _Optional[_Union[_lifecycle_pb2.InitializeRequestParams, _Mapping]] = ..., paginated_request_params: _Optional[_Union[_base_pb2.PaginatedRequestParams, _Mapping]] = ..., read_resource_request_params: _Optional[_Union[_resources_pb2.ReadResourceRequestParams, _Mapping]] = ..., set_level_request_params: _Optional[_Union[_logging_pb2.SetLevelRequestParams, _Mapping]] = ..., subscribe_request_params: _Optional[_Union[_resources_pb2.SubscribeRequestParams, _Mapping]] = ..., subscriptions_listen_request_params: _Optional[_Union[_subscriptions_pb2.SubscriptionsListenRequestParams, _Mapping]] = ..., unsubscribe_request_params: _Optional[_Union[_resources_pb2.UnsubscribeRequestParams, _Mapping]] = ..., params_json: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class JSONRPCResponse(_message.Message):
    __slots__ = ["jsonrpc_error_response", "jsonrpc_result_response"]
    JSONRPC_ERROR_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_RESULT_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    jsonrpc_error_response: JSONRPCErrorResponse
    jsonrpc_result_response: JSONRPCResultResponse
    def __init__(self, jsonrpc_result_response: _Optional[_Union[JSONRPCResultResponse, _Mapping]] = ..., jsonrpc_error_response: _Optional[_Union[JSONRPCErrorResponse, _Mapping]] = ...) -> None: ...

class JSONRPCResultResponse(_message.Message):
    __slots__ = ["additional_properties", "call_tool_result", "cancel_task_result", "complete_result", "create_message_result", "create_task_result", "discover_result", "elicit_result", "empty_result", "get_prompt_result", "get_task_payload_result", "get_task_result", "id", "initialize_result", "input_required_result", "jsonrpc", "list_prompts_result", "list_resource_templates_result", "list_resources_result", "list_roots_result", "list_tasks_result", "list_tools_result", "read_resource_result", "result_json", "subscriptions_listen_result"]
    class AdditionalPropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDITIONAL_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    CALL_TOOL_RESULT_FIELD_NUMBER: _ClassVar[int]
    CANCEL_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_RESULT_FIELD_NUMBER: _ClassVar[int]
    CREATE_MESSAGE_RESULT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    DISCOVER_RESULT_FIELD_NUMBER: _ClassVar[int]
    ELICIT_RESULT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_PROMPT_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_PAYLOAD_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INITIALIZE_RESULT_FIELD_NUMBER: _ClassVar[int]
    INPUT_REQUIRED_RESULT_FIELD_NUMBER: _ClassVar[int]
    JSONRPC_FIELD_NUMBER: _ClassVar[int]
    LIST_PROMPTS_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_RESOURCES_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_RESOURCE_TEMPLATES_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_ROOTS_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_TASKS_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_TOOLS_RESULT_FIELD_NUMBER: _ClassVar[int]
    READ_RESOURCE_RESULT_FIELD_NUMBER: _ClassVar[int]
    RESULT_JSON_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTIONS_LISTEN_RESULT_FIELD_NUMBER: _ClassVar[int]
    additional_properties: _containers.ScalarMap[str, str]
    call_tool_result: _tools_pb2.CallToolResult
    cancel_task_result: _tasks_pb2.CancelTaskResult
    complete_result: _completion_pb2.CompleteResult
    create_message_result: _sampling_pb2.CreateMessageResult
    create_task_result: _tasks_pb2.CreateTaskResult
    discover_result: _lifecycle_pb2.DiscoverResult
    elicit_result: _elicitation_pb2.ElicitResult
    empty_result: _base_pb2.EmptyResult
    get_prompt_result: _prompts_pb2.GetPromptResult
    get_task_payload_result: _tasks_pb2.GetTaskPayloadResult
    get_task_result: _tasks_pb2.GetTaskResult
    id: _base_pb2.RequestId
    initialize_result: _lifecycle_pb2.InitializeResult
    input_required_result: _input_pb2.InputRequiredResult
    jsonrpc: str
    list_prompts_result: _prompts_pb2.ListPromptsResult
    list_resource_templates_result: _resources_pb2.ListResourceTemplatesResult
    list_resources_result: _resources_pb2.ListResourcesResult
    list_roots_result: _roots_pb2.ListRootsResult
    list_tasks_result: _tasks_pb2.ListTasksResult
    list_tools_result: _tools_pb2.ListToolsResult
    read_resource_result: _resources_pb2.ReadResourceResult
    result_json: str
    subscriptions_listen_result: _subscriptions_pb2.SubscriptionsListenResult
    def __init__(self, id: _Optional[_Union[_base_pb2.RequestId, _Mapping]] = ..., jsonrpc: _Optional[str] = ..., call_tool_result: _Optional[_Union[_tools_pb2.CallToolResult, _Mapping]] = ..., cancel_task_result: _Optional[_Union[_tasks_pb2.CancelTaskResult, _Mapping]] = ..., complete_result: _Optional[_Union[_completion_pb2.CompleteResult, _Mapping]] = ..., create_message_result: _Optional[_Union[_sampling_pb2.CreateMessageResult, _Mapping]] = ..., discover_result: _Optional[_Union[_lifecycle_pb2.DiscoverResult, _Mapping]] = ..., elicit_result: _Optional[_Union[_elicitation_pb2.ElicitResult, _Mapping]] = ..., get_prompt_result: _Optional[_Union[_prompts_pb2.GetPromptResult, _Mapping]] = ..., get_task_payload_result: _Optional[_Union[_tasks_pb2.GetTaskPayloadResult, _Mapping]] = ..., get_task_result: _Optional[_Union[_tasks_pb2.GetTaskResult, _Mapping]] = ..., initialize_result: _Optional[_Union[_lifecycle_pb2.InitializeResult, _Mapping]] = ..., list_prompts_result: _Optional[_Union[_prompts_pb2.ListPromptsResult, _Mapping]] = ..., list_resources_result: _Optional[_Union[_resources_pb2.ListResourcesResult, _Mapping]] = ..., list_resource_templates_result: _Optional[_Union[_resources_pb2.ListResourceTemplatesResult, _Mapping]] = ..., list_roots_result: _Optional[_Union[_roots_pb2.ListRootsResult, _Mapping]] = ..., list_tasks_result: _Optional[_Union[_tasks_pb2.ListTasksResult, _Mapping]] = ..., list_tools_result: _Optional[_Union[_tools_pb2.ListToolsResult, _Mapping]] = ..., empty_result: _Optional[_Union[_base_pb2.EmptyResult, _Mapping]] = ..., read_resource_result: _Optional[_Union[_resources_pb2.ReadResourceResult, _Mapping]] = ..., subscriptions_listen_result: _Optional[_Union[_subscriptions_pb2.SubscriptionsListenResult, _Mapping]] = ..., input_required_result: _Optional[_Union[_input_pb2.InputRequiredResult, _Mapping]] = ..., create_task_result: _Optional[_Union[_tasks_pb2.CreateTaskResult, _Mapping]] = ..., result_json: _Optional[str] = ..., additional_properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ServerNotification(_message.Message):
    __slots__ = ["cancelled_notification", "elicitation_complete_notification", "logging_message_notification", "progress_notification", "prompt_list_changed_notification", "resource_list_changed_notification", "resource_updated_notification", "subscriptions_acknowledged_notification", "task_status_notification", "tool_list_changed_notification"]
    CANCELLED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    ELICITATION_COMPLETE_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    LOGGING_MESSAGE_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    PROMPT_LIST_CHANGED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_LIST_CHANGED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_UPDATED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTIONS_ACKNOWLEDGED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    TASK_STATUS_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    TOOL_LIST_CHANGED_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    cancelled_notification: _lifecycle_pb2.CancelledNotification
    elicitation_complete_notification: _elicitation_pb2.ElicitationCompleteNotification
    logging_message_notification: _logging_pb2.LoggingMessageNotification
    progress_notification: _lifecycle_pb2.ProgressNotification
    prompt_list_changed_notification: _prompts_pb2.PromptListChangedNotification
    resource_list_changed_notification: _resources_pb2.ResourceListChangedNotification
    resource_updated_notification: _resources_pb2.ResourceUpdatedNotification
    subscriptions_acknowledged_notification: _subscriptions_pb2.SubscriptionsAcknowledgedNotification
    task_status_notification: _tasks_pb2.TaskStatusNotification
    tool_list_changed_notification: _tools_pb2.ToolListChangedNotification
    def __init__(self, cancelled_notification: _Optional[_Union[_lifecycle_pb2.CancelledNotification, _Mapping]] = ..., progress_notification: _Optional[_Union[_lifecycle_pb2.ProgressNotification, _Mapping]] = ..., resource_list_changed_notification: _Optional[_Union[_resources_pb2.ResourceListChangedNotification, _Mapping]] = ..., resource_updated_notification: _Optional[_Union[_resources_pb2.ResourceUpdatedNotification, _Mapping]] = ..., prompt_list_changed_notification: _Optional[_Union[_prompts_pb2.PromptListChangedNotification, _Mapping]] = ..., tool_list_changed_notification: _Optional[_Union[_tools_pb2.ToolListChangedNotification, _Mapping]] = ..., task_status_notification: _Optional[_Union[_tasks_pb2.TaskStatusNotification, _Mapping]] = ..., logging_message_notification: _Optional[_Union[_logging_pb2.LoggingMessageNotification, _Mapping]] = ..., elicitation_complete_notification: _Optional[_Union[_elicitation_pb2.ElicitationCompleteNotification, _Mapping]] = ..., subscriptions_acknowledged_notification: _Optional[_Union[_subscriptions_pb2.SubscriptionsAcknowledgedNotification, _Mapping]] = ...) -> None: ...

class ServerRequest(_message.Message):
    __slots__ = ["cancel_task_request", "create_message_request", "elicit_request", "get_task_payload_request", "get_task_request", "list_roots_request", "list_tasks_request", "ping_request"]
    CANCEL_TASK_REQUEST_FIELD_NUMBER: _ClassVar[int]
    CREATE_MESSAGE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    ELICIT_REQUEST_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_PAYLOAD_REQUEST_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_ROOTS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    LIST_TASKS_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PING_REQUEST_FIELD_NUMBER: _ClassVar[int]
    cancel_task_request: _tasks_pb2.CancelTaskRequest
    create_message_request: _sampling_pb2.CreateMessageRequest
    elicit_request: _elicitation_pb2.ElicitRequest
    get_task_payload_request: _tasks_pb2.GetTaskPayloadRequest
    get_task_request: _tasks_pb2.GetTaskRequest
    list_roots_request: _roots_pb2.ListRootsRequest
    list_tasks_request: _tasks_pb2.ListTasksRequest
    ping_request: _lifecycle_pb2.PingRequest
    def __init__(self, ping_request: _Optional[_Union[_lifecycle_pb2.PingRequest, _Mapping]] = ..., get_task_request: _Optional[_Union[_tasks_pb2.GetTaskRequest, _Mapping]] = ..., get_task_payload_request: _Optional[_Union[_tasks_pb2.GetTaskPayloadRequest, _Mapping]] = ..., cancel_task_request: _Optional[_Union[_tasks_pb2.CancelTaskRequest, _Mapping]] = ..., list_tasks_request: _Optional[_Union[_tasks_pb2.ListTasksRequest, _Mapping]] = ..., create_message_request: _Optional[_Union[_sampling_pb2.CreateMessageRequest, _Mapping]] = ..., list_roots_request: _Optional[_Union[_roots_pb2.ListRootsRequest, _Mapping]] = ..., elicit_request: _Optional[_Union[_elicitation_pb2.ElicitRequest, _Mapping]] = ...) -> None: ...

class ServerResult(_message.Message):
    __slots__ = ["call_tool_result", "cancel_task_result", "complete_result", "discover_result", "get_prompt_result", "get_task_payload_result", "get_task_result", "initialize_result", "input_required_result", "list_prompts_result", "list_resource_templates_result", "list_resources_result", "list_tasks_result", "list_tools_result", "read_resource_result", "result", "subscriptions_listen_result"]
    CALL_TOOL_RESULT_FIELD_NUMBER: _ClassVar[int]
    CANCEL_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_RESULT_FIELD_NUMBER: _ClassVar[int]
    DISCOVER_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_PROMPT_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_PAYLOAD_RESULT_FIELD_NUMBER: _ClassVar[int]
    GET_TASK_RESULT_FIELD_NUMBER: _ClassVar[int]
    INITIALIZE_RESULT_FIELD_NUMBER: _ClassVar[int]
    INPUT_REQUIRED_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_PROMPTS_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_RESOURCES_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_RESOURCE_TEMPLATES_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_TASKS_RESULT_FIELD_NUMBER: _ClassVar[int]
    LIST_TOOLS_RESULT_FIELD_NUMBER: _ClassVar[int]
    READ_RESOURCE_RESULT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTIONS_LISTEN_RESULT_FIELD_NUMBER: _ClassVar[int]
    call_tool_result: _tools_pb2.CallToolResult
    cancel_task_result: _tasks_pb2.CancelTaskResult
    complete_result: _completion_pb2.CompleteResult
    discover_result: _lifecycle_pb2.DiscoverResult
    get_prompt_result: _prompts_pb2.GetPromptResult
    get_task_payload_result: _tasks_pb2.GetTaskPayloadResult
    get_task_result: _tasks_pb2.GetTaskResult
    initialize_result: _lifecycle_pb2.InitializeResult
    input_required_result: _input_pb2.InputRequiredResult
    list_prompts_result: _prompts_pb2.ListPromptsResult
    list_resource_templates_result: _resources_pb2.ListResourceTemplatesResult
    list_resources_result: _resources_pb2.ListResourcesResult
    list_tasks_result: _tasks_pb2.ListTasksResult
    list_tools_result: _tools_pb2.ListToolsResult
    read_resource_result: _resources_pb2.ReadResourceResult
    result: _base_pb2.Result
    subscriptions_listen_result: _subscriptions_pb2.SubscriptionsListenResult
    def __init__(self, result: _Optional[_Union[_base_pb2.Result, _Mapping]] = ..., initialize_result: _Optional[_Union[_lifecycle_pb2.InitializeResult, _Mapping]] = ..., list_resources_result: _Optional[_Union[_resources_pb2.ListResourcesResult, _Mapping]] = ..., list_resource_templates_result: _Optional[_Union[_resources_pb2.ListResourceTemplatesResult, _Mapping]] = ..., read_resource_result: _Optional[_Union[_resources_pb2.ReadResourceResult, _Mapping]] = ..., list_prompts_result: _Optional[_Union[_prompts_pb2.ListPromptsResult, _Mapping]] = ..., get_prompt_result: _Optional[_Union[_prompts_pb2.GetPromptResult, _Mapping]] = ..., list_tools_result: _Optional[_Union[_tools_pb2.ListToolsResult, _Mapping]] = ..., call_tool_result: _Optional[_Union[_tools_pb2.CallToolResult, _Mapping]] = ..., get_task_result: _Optional[_Union[_tasks_pb2.GetTaskResult, _Mapping]] = ..., get_task_payload_result: _Optional[_Union[_tasks_pb2.GetTaskPayloadResult, _Mapping]] = ..., cancel_task_result: _Optional[_Union[_tasks_pb2.CancelTaskResult, _Mapping]] = ..., list_tasks_result: _Optional[_Union[_tasks_pb2.ListTasksResult, _Mapping]] = ..., complete_result: _Optional[_Union[_completion_pb2.CompleteResult, _Mapping]] = ..., input_required_result: _Optional[_Union[_input_pb2.InputRequiredResult, _Mapping]] = ..., discover_result: _Optional[_Union[_lifecycle_pb2.DiscoverResult, _Mapping]] = ..., subscriptions_listen_result: _Optional[_Union[_subscriptions_pb2.SubscriptionsListenResult, _Mapping]] = ...) -> None: ...
