{
  "targets": [
    {
      "target_name": "protomcp_base64",
      "sources": ["native/base64.cc"],
      "cflags_cc": ["-O2"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
