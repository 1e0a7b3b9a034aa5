# protomcp gateway: mcp.v1.McpService (Connect, gRPC, gRPC-Web on one port, reflection, health,
# Prometheus /metrics) in front of MCP servers, installed from the packed tarball as a user installs
# it and run with plain node. Not built in CI here (no Docker engine); see docs/deployment.md.
#
#   docker build -t protomcp .
#   docker run -p 50051:50051 -e PROTOMCP_TOKENS=... -v $PWD/mcp.json:/etc/protomcp/mcp.json:ro protomcp

# Stage 1: the tarball, as `npm pack` makes it (prepack builds dist/ and the base64 addon).
FROM node:24-bookworm-slim AS pack
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm pack --pack-destination /tmp

# Stage 2: the package installed globally, nothing else.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PROTOMCP_LOG=info
COPY --from=pack /tmp/protomcp-*.tgz /tmp/
RUN npm install --global --ignore-scripts --no-audit --no-fund /tmp/protomcp-*.tgz \
  && rm /tmp/protomcp-*.tgz && npm cache clean --force

# Upstreams come from an {"mcpServers": {...}} file; tokens from PROTOMCP_TOKENS
# ("TOKEN" or "ID:TOKEN,ID:TOKEN"). Listen on all interfaces inside the container only.
USER node
EXPOSE 50051
# grpc.health.v1.Health/Check over Connect (JSON over HTTP/1.1): open without a token, as probes are.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:50051/grpc.health.v1.Health/Check',{method:'POST',headers:{'content-type':'application/json'},body:'{}'}).then(r=>r.json()).then(b=>process.exit(b.status==='SERVING'?0:1),()=>process.exit(1))"
ENTRYPOINT ["protomcp", "gateway"]
CMD ["--config", "/etc/protomcp/mcp.json", "--listen", "0.0.0.0:50051", "--auth-token-env", "PROTOMCP_TOKENS"]
