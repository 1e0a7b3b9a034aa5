# protomcp gateway: mcp.v1.McpService (Connect, gRPC, gRPC-Web on one port, reflection, health,
# Prometheus /metrics) in front of MCP servers. Not built in CI here; see docs/deployment.md.
#
#   docker build -t protomcp .
#   docker run -p 50051:50051 -e PROTOMCP_TOKENS=... -v $PWD/mcp.json:/etc/protomcp/mcp.json:ro protomcp
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production \
    PROTOMCP_LOG=info

# The CLI runs from TypeScript through tsx (a dev dependency), so install everything.
COPY package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts && npm cache clean --force

COPY bin ./bin
COPY gen ./gen
COPY src ./src
COPY proto ./proto
COPY tsconfig.json ./

# Upstreams come from an {"mcpServers": {...}} file; tokens from PROTOMCP_TOKENS
# ("TOKEN" or "ID:TOKEN,ID:TOKEN"). Listen on all interfaces inside the container only.
USER node
EXPOSE 50051
# grpc.health.v1.Health/Check over Connect (JSON over HTTP/1.1): open without a token, as probes are.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:50051/grpc.health.v1.Health/Check',{method:'POST',headers:{'content-type':'application/json'},body:'{}'}).then(r=>r.json()).then(b=>process.exit(b.status==='SERVING'?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/protomcp.js", "gateway"]
CMD ["--config", "/etc/protomcp/mcp.json", "--listen", "0.0.0.0:50051", "--auth-token-env", "PROTOMCP_TOKENS"]
