package dev.lambdasim;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The simulator's packages import each other only in the directions of issue 9, one rule each:
 * no two packages (leaf by leaf, so {@code workload} and {@code workload.trace} count as two)
 * depend on each other, even through others; {@code engine} and {@code spec} import nothing of
 * ours; {@code random}, {@code cost} and {@code metrics} import only {@code spec} and
 * {@code engine}; {@code workload} imports only {@code spec}, {@code random} and
 * {@code engine}; {@code model} imports no loading, run, output, report or command-line code;
 * nothing imports charting; only {@code scenario} reads YAML or Jackson's tree API; only
 * {@code scenario}, {@code workload.trace} and {@code output} use Jackson at all, and
 * {@code output} only to write.
 *
 * <p>No rule allows an empty subject: ArchUnit fails a rule whose {@code that()} matches no
 * class, so while {@code spec} or {@code output} does not exist (or holds only its
 * {@code package-info}), their rules fail instead of passing without checking anything.
 */
// Without package-info classes: the build writes one for every package-info.java, and an
// otherwise empty package would then satisfy its rules with a class that has no code.
@AnalyzeClasses(packages = "dev.lambdasim",
    importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludePackageInfos.class})
final class ArchitectureTest {

  private static final String OURS = "dev.lambdasim..";

  /**
   * Jackson's reading side. Its tree API ({@code databind}) and YAML front end
   * ({@code dataformat}) are the loader's; the streaming parser is also how the CloudWatch trace
   * reader reads its JSON export, which is a trace format and so stays in {@code workload.trace}.
   */
  private static final DescribedPredicate<JavaClass> JACKSON_READING =
      resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.dataformat..")
          .or(assignableTo("com.fasterxml.jackson.core.JsonParser"))
          .or(assignableTo("com.fasterxml.jackson.core.JsonToken"))
          .or(assignableTo("com.fasterxml.jackson.core.exc.StreamReadException"))
          .as("Jackson's reading side (tree API, YAML, JsonParser, JsonToken, parse errors)");

  private static final DescribedPredicate<JavaClass> JACKSON_TREE_OR_YAML =
      resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.dataformat..")
          .as("Jackson's tree API or YAML");

  /** One slice per package, so a cycle between a package and its subpackage is found too. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.lambdasim.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule engineImportsNothingOfOurs = mayImportOnly("engine");

  @ArchTest
  static final ArchRule specImportsNothingOfOurs = mayImportOnly("spec");

  @ArchTest
  static final ArchRule randomImportsOnlySpecAndEngine = mayImportOnly("random", "spec", "engine");

  @ArchTest
  static final ArchRule costImportsOnlySpecAndEngine = mayImportOnly("cost", "spec", "engine");

  @ArchTest
  static final ArchRule metricsImportsOnlySpecAndEngine =
      mayImportOnly("metrics", "spec", "engine");

  /** Covers {@code workload.trace} too; the cycles' rule keeps the two one-way. */
  @ArchTest
  static final ArchRule workloadImportsOnlySpecRandomAndEngine =
      mayImportOnly("workload", "spec", "random", "engine");

  /** {@code report} and {@code cli} live in the reports module; named so a move cannot slip. */
  @ArchTest
  static final ArchRule modelImportsNoLoadingRunOutputOrReportCode =
      noClasses().that().resideInAPackage("dev.lambdasim.model..")
          .should().dependOnClassesThat().resideInAnyPackage(ours("scenario", "output", "run",
              "report", "cli"))
          .because("the model owns the simulation's state and decides from it alone");

  @ArchTest
  static final ArchRule nothingImportsCharting =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.jfree..")
          .because("charts are drawn by the reports module, from the run's files");

  /**
   * Jackson in three places only: the loader, the CloudWatch trace reader, and the writer of
   * summary.json ({@code output.SummaryJson}).
   */
  @ArchTest
  static final ArchRule jacksonOnlyInScenarioTraceReadersAndOutput =
      noClasses().that().resideOutsideOfPackages(ours("scenario", "workload.trace", "output"))
          .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
          .because("loading is at the edge: scenario files, trace files, summary.json");

  @ArchTest
  static final ArchRule onlyScenarioReadsTheTreeOrYaml =
      noClasses().that().resideOutsideOfPackage("dev.lambdasim.scenario..")
          .should().dependOnClassesThat(JACKSON_TREE_OR_YAML)
          .because("scenario is the only package that knows the scenario file's node tree");

  /** Writing JSON ({@code JsonFactory}, {@code JsonGenerator}, printers) is allowed here. */
  @ArchTest
  static final ArchRule outputWritesJsonButNeverParses =
      noClasses().that().resideInAPackage("dev.lambdasim.output..")
          .should().dependOnClassesThat(JACKSON_READING)
          .because("output writes the run's files; reading files is scenario's and workload's");

  /** Returns the rule that {@code pkg} imports, of ours, only itself and {@code allowed}. */
  private static ArchRule mayImportOnly(String pkg, String... allowed) {
    String[] own = ours(Stream.concat(Stream.of(pkg), Arrays.stream(allowed))
        .toArray(String[]::new));
    return classes().that().resideInAPackage("dev.lambdasim." + pkg + "..")
        .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
            .or(resideInAnyPackage(own))
            .as("are not ours or reside in " + String.join(", ", own)));
  }

  /** Returns the package patterns {@code dev.lambdasim.<name>..} for {@code names}. */
  private static String[] ours(String... names) {
    return Arrays.stream(names).map(n -> "dev.lambdasim." + n + "..").toArray(String[]::new);
  }
}
