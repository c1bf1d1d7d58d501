package forkbench.cli;

import picocli.CommandLine;

/** What {@code --version} (and a subcommand's {@code -V}) prints: forkbench's version, JMH's, and the JDK's. */
final class Version implements CommandLine.IVersionProvider {

    static String line() {
        String version = Main.class.getPackage().getImplementationVersion();
        return "forkbench " + (version == null ? "(not run from its jar)" : version) + ", JMH "
                + org.openjdk.jmh.util.Version.getPlainVersion() + ", JDK " + Runtime.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
