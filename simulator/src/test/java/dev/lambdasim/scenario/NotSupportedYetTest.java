package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.problems;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Features the format reserves but the simulator does not run yet are rejected by name. */
final class NotSupportedYetTest {

  @Test
  void laterTrafficKind() {
    String yaml = MINIMAL.replace("poisson: {rate: 1/s}", "trace: {file: t.csv, format: timestamps}");
    assertProblem(yaml, "functions[0].traffic[0].trace", 7, column(yaml, 7, "trace"),
        "traffic kind 'trace' is not supported yet",
        "supported: poisson, constant, burst, ramp, spike, diurnal, periodic, mmpp");
  }

  @Test
  void everyLaterTrafficKindIsNamed() {
    for (String kind : TrafficBinder.LATER) {
      String yaml = MINIMAL.replace("poisson: {rate: 1/s}", kind + ": {}");
      assertThat(problems(yaml)).singleElement().extracting(Problem::message).asString()
          .contains("traffic kind '" + kind + "' is not supported yet");
    }
  }
}
