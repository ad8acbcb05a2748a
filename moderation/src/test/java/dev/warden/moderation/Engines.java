package dev.warden.moderation;

/** One engine with the defaults, shared by tests (compiling the lexicons takes about a second). */
final class Engines {

  static final ModerationEngine DEFAULT = ModerationEngine.builder().build();

  private Engines() {}
}
