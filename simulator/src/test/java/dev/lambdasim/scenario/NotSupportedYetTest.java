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
  void everyLaterTrafficKindIsNamed() {
    for (String kind : TrafficBinder.LATER) {
      String yaml = MINIMAL.replace("poisson: {rate: 1/s}", kind + ": {}");
      assertThat(problems(yaml)).singleElement().extracting(Problem::message).asString()
          .contains("traffic kind '" + kind + "' is not supported yet");
    }
  }
}
