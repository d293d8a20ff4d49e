package org.bdr.cli;

import org.bdr.app.ExportConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bdr export-config [--format json|yaml|markdown]}. */
@Command(
    name = "export-config",
    mixinStandardHelpOptions = true,
    description =
        "Describe the repository, the backed-up sources with their excludes, and the retention"
            + " policy; never a password.")
final class ExportConfigCommand extends BaseCommand {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "json, yaml or markdown (default ${DEFAULT-VALUE})")
  String format;

  @Override
  int execute() throws Exception {
    ExportConfig.Export export = new ExportConfig(opener).run(options.repository(), format);
    if (console.json) {
      console.printJson(export);
    } else {
      console.out.print(export.text());
    }
    return Main.OK;
  }
}
