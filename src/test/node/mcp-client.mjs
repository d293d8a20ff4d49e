// Drives bdr's MCP server with the official TypeScript SDK client, as an assistant would.
// Usage: node mcp-client.mjs CONFIG.json  — prints one JSON report on stdout.
//
// CONFIG: { "transport": "stdio" | "http",
//           "command": "...", "args": [...], "env": {...}        (stdio)
//           "url": "http://127.0.0.1:PORT/mcp", "token": "..."   (http)
//           "steps": [ { "do": "list" }
//                      | { "do": "call", "tool": "...", "arguments": {...},
//                          "progress": true, "timeoutMs": N, "abortAfterProgress": N,
//                          "abortAfterMs": N }
//                      | { "do": "calls", "calls": [ call steps ] }   (at the same time)
//                      | { "do": "setLevel", "level": "debug" }
//                      | { "do": "resources" } | { "do": "read", "uri": "..." }
//                      | { "do": "prompts" } | { "do": "prompt", "name": "...", "arguments": {...} }
//                      | { "do": "ping" } | { "do": "wait", "ms": N }
//                      | { "do": "awaitEmpty", "dir": "...", "timeoutMs": N } ] }
// awaitEmpty waits until a folder is empty or missing (e.g. a repository's locks after a
// cancelled call) and reports how long that took, or throws after timeoutMs.
// Log notifications from the server are collected in the report's "logs".
// CONFIG may instead be { "clients": [ CONFIG, ... ] }: each client connects, and once all are
// connected they run their steps at the same time; the report is { "clients": [ report, ... ] }.
// Every call's structured content is checked against the tool's output schema here too,
// with Ajv, so a mismatch is reported even when the SDK lets it pass.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import Ajv2020 from 'ajv/dist/2020.js';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });

function transport(config) {
  if (config.transport === 'stdio') {
    return new StdioClientTransport({
      command: config.command,
      args: config.args,
      env: { ...process.env, ...config.env },
      stderr: 'pipe',
    });
  }
  const headers = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  return new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers } });
}

async function awaitEmpty(step) {
  const started = Date.now();
  const entries = () => (existsSync(step.dir) ? readdirSync(step.dir) : []);
  while (entries().length > 0) {
    if (Date.now() - started > step.timeoutMs) {
      throw new Error(`${step.dir} still holds ${entries().join(', ')} after ${step.timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { emptyAfterMs: Date.now() - started };
}

// One client session: connects, waits for `allConnected`, runs the steps, returns its report.
async function session(config, connected, allConnected) {
  const report = { steps: [], logs: [] };
  const client = new Client({ name: 'bdr-e2e', version: '1.0.0' }, { capabilities: {} });
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => { report.logs.push(n.params); });
  const t = transport(config);
  let stderr = '';
  if (t.stderr) {
    t.stderr.on('data', (d) => { stderr += d.toString(); });
  }
  await client.connect(t);
  report.serverInfo = client.getServerVersion();
  report.capabilities = client.getServerCapabilities();
  report.instructions = client.getInstructions();
  connected();
  await allConnected;

  let tools = [];
  async function list() {
    const res = await client.listTools();
    tools = res.tools;
    return { tools: res.tools };
  }

  async function call(step) {
    if (tools.length === 0) await list();
    const tool = tools.find((x) => x.name === step.tool);
    const progress = [];
    const controller = new AbortController();
    const started = Date.now();
    let abortedAt = null;
    const options = {
      signal: controller.signal,
      timeout: step.timeoutMs ?? 600000,
      resetTimeoutOnProgress: true,
    };
    if (step.progress) {
      options.onprogress = (p) => {
        progress.push({ at: Date.now() - started, progress: p.progress, total: p.total, message: p.message });
        if (step.abortAfterProgress && progress.length >= step.abortAfterProgress && !abortedAt) {
          abortedAt = Date.now() - started;
          controller.abort('cancelled by the test');
        }
      };
    }
    if (step.abortAfterMs) {
      setTimeout(() => { if (!abortedAt) { abortedAt = Date.now() - started; controller.abort('cancelled by the test'); } }, step.abortAfterMs);
    }
    const out = { tool: step.tool, progress, startedAt: started };
    try {
      const result = await client.callTool({ name: step.tool, arguments: step.arguments ?? {} }, undefined, options);
      out.isError = result.isError === true;
      out.structuredContent = result.structuredContent;
      out.text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
      if (tool?.outputSchema && result.structuredContent !== undefined) {
        const validate = ajv.compile(tool.outputSchema);
        out.schemaValid = validate(result.structuredContent);
        if (!out.schemaValid) out.schemaErrors = validate.errors;
      }
    } catch (e) {
      out.thrown = { code: e.code ?? null, message: String(e.message ?? e) };
    }
    out.abortedAt = abortedAt;
    out.endedAt = Date.now();
    out.elapsedMs = out.endedAt - started;
    return out;
  }

  // Runs one step; a protocol error becomes { thrown } in the report instead of ending the run.
  async function run(step) {
    try {
      switch (step.do) {
        case 'list': return await list();
        case 'call': return await call(step);
        case 'calls': return { results: await Promise.all(step.calls.map(call)) };
        case 'setLevel': return await client.setLoggingLevel(step.level);
        case 'resources': return await client.listResources();
        case 'read': return await client.readResource({ uri: step.uri });
        case 'prompts': return await client.listPrompts();
        case 'prompt': return await client.getPrompt({ name: step.name, arguments: step.arguments ?? {} });
        case 'ping': return await client.ping();
        case 'wait': await new Promise((r) => setTimeout(r, step.ms)); return {};
        case 'awaitEmpty': return await awaitEmpty(step);
        default: throw new Error(`unknown step ${step.do}`);
      }
    } catch (e) {
      return { thrown: { code: e.code ?? null, message: String(e.message ?? e) } };
    }
  }

  try {
    for (const step of config.steps) report.steps.push(await run(step));
  } finally {
    await client.close();
    report.stderr = stderr;
  }
  return report;
}

const configs = config.clients ?? [config];
let connected = 0;
let release;
const allConnected = new Promise((r) => { release = r; });
const reports = await Promise.all(configs.map((c) => session(c, () => {
  connected += 1;
  if (connected === configs.length) release();
}, allConnected)));
process.stdout.write(JSON.stringify(config.clients ? { clients: reports } : reports[0]) + '\n');
