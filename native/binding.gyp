{
  "targets": [
    {
      "target_name": "protomcp_base64",
      "sources": ["base64.c"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O2", "-fvisibility=hidden", "-Wall", "-Wextra"],
      "cflags!": ["-O3"],
      "conditions": [
        ["OS=='linux'", {"ldflags": ["-Wl,-z,now"]}]
      ]
    }
  ]
}
