package dev.warden.cli;

/** A command's failure with a chosen exit code and a one-line message. */
final class CliFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
