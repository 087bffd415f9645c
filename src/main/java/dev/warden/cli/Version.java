package dev.warden.cli;

import picocli.CommandLine;

/** The version from the jar manifest ("dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    static String current() {
        var version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"warden " + current() + " (Java " + Runtime.version() + ")"};
    }
}
