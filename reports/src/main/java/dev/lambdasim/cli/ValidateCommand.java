package dev.lambdasim.cli;

import dev.lambdasim.spec.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lambdasim validate}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Check scenario files; print one located line per problem. Exit 0 if all are "
        + "valid, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin
  ScenarioOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Scenario> scenarios = options.loadAll(spec.commandLine().getErr());
    if (scenarios == null) {
      return Main.BAD_INPUT;
    }
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      spec.commandLine().getOut().printf("%s: ok (%s, %d function%s)%n", options.files.get(i),
          s.name(), s.functions().size(), s.functions().size() == 1 ? "" : "s");
    }
    return 0;
  }
}
