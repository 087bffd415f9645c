package dev.warden.cli;

import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check-config", description = "Validate a configuration file and report every problem.")
final class CheckConfigCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML configuration file.")
    Path file;

    CheckConfigCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            var report = ConfigLoader.create(env).loadWithReport(file);
            var config = report.config();
            System.out.println(file + ": OK (" + config.deployments().size() + " deployment(s), "
                    + config.models().size() + " model(s))");
            report.formattedWarnings().forEach(warning -> System.out.println("  note: " + warning));
            return 0;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
