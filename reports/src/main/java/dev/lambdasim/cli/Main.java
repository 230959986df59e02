package dev.lambdasim.cli;

import dev.lambdasim.output.ResultFolders;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lambdasim} command line. */
@Command(
    name = "lambdasim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Simulates how AWS Lambda runs functions under load: cold starts, keep-alive, "
        + "concurrency limits, throttles and cost.",
    subcommands = {RunCommand.class, CompareCommand.class, ValidateCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:internal failure (a bug: please report it)",
        "2:bad input (scenario, trace or flags), one line per problem on stderr",
        "3:the environment failed (disk full, permission denied, an output path that cannot "
            + "be written, out of memory), one line on stderr"})
public final class Main implements Runnable {

  /** Exit code for bad input. */
  static final int BAD_INPUT = 2;
  /** Exit code for an internal failure. */
  static final int INTERNAL = 1;
  /** Exit code for the environment failing: disk, permissions, output path, memory. */
  static final int ENVIRONMENT = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final ResultFolders resultFolders;

  private Main(ResultFolders resultFolders) {
    this.resultFolders = resultFolders;
  }

  /** Returns the result folders of this command line, for its subcommands. */
  ResultFolders resultFolders() {
    return resultFolders;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    // Charts are drawn off-screen; without this, AWT may look for a display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // One command line, one set of result folders: its signal cleanup ends with it.
    try (ResultFolders resultFolders = new ResultFolders()) {
      CommandLine commandLine = new CommandLine(new Main(resultFolders));
      commandLine.setOut(out);
      commandLine.setErr(err);
      // Picocli's own usage errors (unknown option, missing parameter) are bad input too.
      commandLine.setParameterExceptionHandler((e, a) -> {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("lambdasim: " + e.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return BAD_INPUT;
      });
      commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> report(e, cmd.getErr()));
      try {
        return commandLine.execute(args);
      } catch (OutOfMemoryError e) {
        // Picocli hands only exceptions to the handler; errors come through here.
        return report(e, err);
      }
    }
  }

  private static int report(Throwable e, PrintWriter err) {
    Failure failure = Failure.of(e);
    err.println(failure.line());
    if (failure.stackTrace()) {
      e.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }
}
