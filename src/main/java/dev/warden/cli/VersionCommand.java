package dev.warden.cli;

import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the Warden version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println(new Version().getVersion()[0]);
    }
}
