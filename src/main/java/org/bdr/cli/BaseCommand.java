package org.bdr.cli;

import org.bdr.app.RepositoryOpener;
import picocli.CommandLine.Mixin;

/** A command that works on a repository: it takes the global repository options. */
abstract class BaseCommand extends CommandBase {

  @Mixin GlobalOptions local = new GlobalOptions();

  GlobalOptions options;
  RepositoryOpener opener;

  @Override
  void prepare() {
    options = local.over(main.global);
    opener = new RepositoryOpener(main.env);
  }

  @Override
  boolean json() {
    return options.json;
  }
}
