package org.bdr;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point down only: adapters, then use cases, then features, then the repository. */
@AnalyzeClasses(packages = "org.bdr", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule layersPointDown =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("Adapters")
          .definedBy("org.bdr.cli..", "org.bdr.mcp..", "org.bdr.daemon..")
          .layer("App")
          .definedBy("org.bdr.app..")
          .layer("Features")
          .definedBy(
              "org.bdr.backup..",
              "org.bdr.restore..",
              "org.bdr.check..",
              "org.bdr.retention..",
              "org.bdr.phi..",
              "org.bdr.schedule..",
              "org.bdr.audit..",
              "org.bdr.auth..")
          .layer("Repo")
          .definedBy("org.bdr.repo..")
          .layer("Base")
          .definedBy(
              "org.bdr.crypto..",
              "org.bdr.chunker..",
              "org.bdr.backend..",
              "org.bdr.error..",
              "org.bdr.pattern..")
          .whereLayer("Adapters")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("App")
          .mayOnlyBeAccessedByLayers("Adapters")
          .whereLayer("Features")
          .mayOnlyBeAccessedByLayers("Adapters", "App", "Features")
          .whereLayer("Repo")
          .mayOnlyBeAccessedByLayers("Adapters", "App", "Features")
          .whereLayer("Base")
          .mayOnlyBeAccessedByLayers("Adapters", "App", "Features", "Repo", "Base");
}
