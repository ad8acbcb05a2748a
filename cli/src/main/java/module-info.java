/** The {@code warden} command-line tool. */
module dev.warden.cli {
  requires dev.warden.policy;
  requires dev.warden.moderation;
  requires dev.warden.consent;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.slf4j;

  exports dev.warden.cli;

  opens dev.warden.cli to info.picocli;
}
