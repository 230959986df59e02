package dev.lambdasim.run;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.ClientRetrySpec;
import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.CodeSpec;
import dev.lambdasim.spec.ConcurrencySpec;
import dev.lambdasim.spec.EnvironmentSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationSpec;
import dev.lambdasim.spec.InitSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.SqsSpec;
import dev.lambdasim.spec.StreamSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TrafficSpec;
import java.util.ArrayList;
import java.util.List;

/** Scenarios built in code for model tests, independent of the file format. */
final class Scenarios {

  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;
  static final long MIN = 60 * S;
  static final long H = 60 * MIN;
  static final long D = 24 * H;

  private Scenarios() {}

  static DistributionSpec constant(long nanos) {
    return new DistributionSpec.Constant(nanos);
  }

  static DistributionSpec exponential(long meanNanos) {
    return new DistributionSpec.Exponential(meanNanos);
  }

  /** A function builder with quiet defaults: no init, 1 h keep-alive, no limits. */
  static Fn function(String name) {
    return new Fn(name);
  }

  static Scenario scenario(long durationNanos, AccountSpec account, Fn... functions) {
    return scenario(durationNanos, account, PricingSpec.defaults(), functions);
  }

  static Scenario scenario(long durationNanos, AccountSpec account, PricingSpec pricing,
      Fn... functions) {
    List<FunctionSpec> specs = new ArrayList<>();
    for (Fn f : functions) {
      specs.add(f.build());
    }
    return new Scenario("test", "", 42, durationNanos, 0, MIN, account, pricing, specs, null);
  }

  /** Returns {@code scenario} with observations before {@code warmupNanos} left out. */
  static Scenario withWarmup(Scenario scenario, long warmupNanos) {
    return new Scenario(scenario.name(), scenario.description(), scenario.seed(),
        scenario.durationNanos(), warmupNanos, scenario.metricsPeriodNanos(), scenario.account(),
        scenario.pricing(), scenario.functions(), scenario.source());
  }

  static AccountSpec unlimitedAccount() {
    return new AccountSpec(1_000_000, 0, ScalingSpec.unlimited());
  }

  /** Mutable builder of a {@link FunctionSpec}. */
  static final class Fn {
    String name;
    int memoryMb = 1024;
    Architecture architecture = Architecture.X86_64;
    long timeoutNanos = 900 * S;
    DistributionSpec duration = constant(100 * MS);
    int referenceMemoryMb = -1;
    double cpuBound = 1.0;
    int threads = 1;
    DistributionSpec init = constant(0);
    double initCpuBound = 0;
    double errorRate = 0;
    DistributionSpec keepAlive = constant(H);
    long maxLifetimeNanos = 1000 * D;
    ReusePolicy reuse = ReusePolicy.MOST_RECENT;
    int reserved = ConcurrencySpec.NO_RESERVED;
    int provisioned = 0;
    InvocationType invocation = InvocationType.SYNC;
    AsyncSpec async = AsyncSpec.defaults();
    SqsSpec sqs = SqsSpec.defaults();
    ClientRetrySpec retry = ClientRetrySpec.none();
    StreamSpec stream = StreamSpec.defaults();
    ProvisionedSpec provisionedSpec;
    final List<TrafficSpec> traffic = new ArrayList<>();

    Fn(String name) {
      this.name = name;
    }

    Fn memoryMb(int value) { memoryMb = value; return this; }
    Fn architecture(Architecture value) { architecture = value; return this; }
    Fn timeout(long nanos) { timeoutNanos = nanos; return this; }
    Fn duration(DistributionSpec value) { duration = value; return this; }
    Fn referenceMemoryMb(int value) { referenceMemoryMb = value; return this; }
    Fn cpuBound(double value) { cpuBound = value; return this; }
    Fn threads(int value) { threads = value; return this; }
    Fn init(DistributionSpec value) { init = value; return this; }
    Fn initCpuBound(double value) { initCpuBound = value; return this; }
    Fn errorRate(double value) { errorRate = value; return this; }
    Fn keepAlive(DistributionSpec value) { keepAlive = value; return this; }
    Fn maxLifetime(long nanos) { maxLifetimeNanos = nanos; return this; }
    Fn reuse(ReusePolicy value) { reuse = value; return this; }
    Fn reserved(int value) { reserved = value; return this; }
    Fn provisioned(int value) { provisioned = value; return this; }
    Fn async(AsyncSpec value) { invocation = InvocationType.ASYNC; async = value; return this; }
    Fn asyncSettings(AsyncSpec value) { async = value; return this; }
    Fn provisioned(ProvisionedSpec value) { provisionedSpec = value; return this; }
    Fn retry(ClientRetrySpec value) { retry = value; return this; }
    Fn sqs(SqsSpec value) { invocation = InvocationType.SQS; sqs = value; return this; }
    Fn stream(StreamSpec value) { invocation = InvocationType.STREAM; stream = value; return this; }

    Fn poisson(double ratePerSecond, long fromNanos, long toNanos) {
      traffic.add(new TrafficSpec.Poisson("poisson#" + count(TrafficSpec.Poisson.class),
          ratePerSecond, fromNanos, toNanos));
      return this;
    }

    Fn poisson(double ratePerSecond) {
      traffic.add(new TrafficSpec.Poisson("poisson#" + count(TrafficSpec.Poisson.class),
          ratePerSecond, 0, Long.MAX_VALUE));
      return this;
    }

    Fn constantRate(double ratePerSecond) {
      return constantRate(ratePerSecond, 0, Long.MAX_VALUE);
    }

    Fn constantRate(double ratePerSecond, long fromNanos, long toNanos) {
      traffic.add(new TrafficSpec.Constant("constant#" + count(TrafficSpec.Constant.class),
          ratePerSecond, fromNanos, toNanos));
      return this;
    }

    Fn burst(long atNanos, long count) {
      traffic.add(new TrafficSpec.Burst("burst#" + count(TrafficSpec.Burst.class), atNanos,
          count));
      return this;
    }

    private long count(Class<?> kind) {
      return traffic.stream().filter(kind::isInstance).count();
    }

    /**
     * Returns the spec: the scenario format's defaults, then this builder's values; the quiet
     * ones (no Init, 1 h keep-alive, a 900 s timeout, a 1,000-day lifetime) keep model tests
     * free of effects they do not test.
     */
    FunctionSpec build() {
      FunctionSpec defaults = FunctionSpec.of(name, duration, traffic);
      return defaults
          .withCode(defaults.code().withMemoryMb(memoryMb).withArchitecture(architecture)
              .withTimeoutNanos(timeoutNanos)
              .withReferenceMemoryMb(referenceMemoryMb < 0 ? memoryMb : referenceMemoryMb)
              .withCpuBound(cpuBound).withThreads(threads)
              .withInit(new InitSpec(init, initCpuBound)).withErrorRate(errorRate))
          .withEnvironments(EnvironmentSpec.DEFAULTS.withKeepAlive(keepAlive)
              .withMaxLifetimeNanos(maxLifetimeNanos).withReuse(reuse))
          .withConcurrency(new ConcurrencySpec(reserved,
              provisionedSpec != null ? provisionedSpec : ProvisionedSpec.fixed(provisioned)))
          .withInvocation(new InvocationSpec(invocation, async, sqs, stream, retry));
    }
  }
}
