package dev.warden;

import dev.warden.cli.WardenCommand;

/** Entry point: hands the command line to the CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        JvmDefaults.apply(System.getProperties());
        System.exit(WardenCommand.run(args, System.getenv()));
    }
}
