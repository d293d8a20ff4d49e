package org.bdr.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bdr.app.ExportConfig;
import org.bdr.auth.Operation;

/** {@code export_backup_config}: the use case behind {@code bdr export-config}. */
final class ExportConfigTool implements AssistantTool {

  private final Served served;

  ExportConfigTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "export_backup_config";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.EXPORT_CONFIG;
  }

  @Override
  public ToolOutcome call(ToolCall call) throws Exception {
    String format = call.arguments().choice("format", "json", ExportConfig.FORMATS);
    ExportConfig.Export e = new ExportConfig(served.opener()).run(served.repository(), format);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", e.format());
    out.put("document", e.text());
    out.put("config", Structured.of(e.config()));
    return new ToolOutcome(out, e.text());
  }
}
