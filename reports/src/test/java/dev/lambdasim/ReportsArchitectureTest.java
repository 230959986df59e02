package dev.lambdasim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The reports module's packages import each other in one direction: {@code cli} may use
 * {@code report}, and {@code report} never imports {@code cli}.
 *
 * <p>The simulator's own rules are in its {@code ArchitectureTest}; the import here also sees
 * the simulator's classes on the class path, which this rule does not concern.
 */
// Without package-info classes: the build writes one for every package-info.java, and an
// otherwise empty package would then satisfy its rules with a class that has no code.
@AnalyzeClasses(packages = "dev.lambdasim",
    importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludePackageInfos.class})
final class ReportsArchitectureTest {

  @ArchTest
  static final ArchRule reportImportsNoCommandLineCode =
      noClasses().that().resideInAPackage("dev.lambdasim.report..")
          .should().dependOnClassesThat().resideInAPackage("dev.lambdasim.cli..")
          .because("a report is built from a run's files, whichever command asked for it");
}
