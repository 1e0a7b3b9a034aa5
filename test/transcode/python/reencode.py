"""Decodes each 'Type hex' line with the generated Python stubs and writes the message re-encoded."""
import importlib
import pkgutil
import sys

import mcp.v1

modules = [importlib.import_module(f"mcp.v1.{m.name}") for m in pkgutil.iter_modules(mcp.v1.__path__) if m.name.endswith("_pb2")]

def message_class(name):
    for module in modules:
        if hasattr(module, name):
            return getattr(module, name)
    raise KeyError(name)

for line in sys.stdin:
    name, data = line.split()
    message = message_class(name).FromString(bytes.fromhex(data))
    print(message.SerializeToString().hex(), flush=True)
