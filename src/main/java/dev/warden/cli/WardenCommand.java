package dev.warden.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code warden} command; subcommands do the work. */
@Command(name = "warden", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Warden: a self-hosted LLM gateway.",
        subcommands = {ServeCommand.class, CheckConfigCommand.class, VersionCommand.class, KeysCommand.class,
                TeamsCommand.class, OrgsCommand.class, UsersCommand.class, PricesCommand.class, SpendCommand.class,
                BudgetsCommand.class})
public final class WardenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line with the given environment and returns the process exit code. */
    public static int run(String[] args, Map<String, String> env) {
        Logging.configure();
        var commandLine = new CommandLine(new WardenCommand(), new Factory(env));
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Gives every command the process environment, so none reads it behind the tests' back. */
    private record Factory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ServeCommand.class) {
                return type.cast(new ServeCommand(env));
            }
            if (type == CheckConfigCommand.class) {
                return type.cast(new CheckConfigCommand(env));
            }
            if (type == KeysCommand.class) {
                return type.cast(new KeysCommand(env));
            }
            if (type == TeamsCommand.class) {
                return type.cast(new TeamsCommand(env));
            }
            if (type == OrgsCommand.class) {
                return type.cast(new OrgsCommand(env));
            }
            if (type == UsersCommand.class) {
                return type.cast(new UsersCommand(env));
            }
            if (type == PricesCommand.class) {
                return type.cast(new PricesCommand(env));
            }
            if (type == SpendCommand.class) {
                return type.cast(new SpendCommand(env));
            }
            if (type == BudgetsCommand.class) {
                return type.cast(new BudgetsCommand(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
