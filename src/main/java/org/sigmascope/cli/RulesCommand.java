package org.sigmascope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import org.sigmascope.sigma.RuleSet;

/** {@code sigmascope rules …}: work with rule sets. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check Sigma rules, update the rule library.",
        subcommands = {RulesCommand.Check.class, RulesUpdateCommand.class})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed (check, update)");
    }

    /** {@code rules check}: load rules and report each that fails, as {@code path:line: message}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load rules and report each rule that cannot be loaded, as path:line: message. "
                    + "Without -r, checks the built-in rules.")
    static final class Check implements Callable<Integer> {
        @Mixin
        RuleOptions ruleOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RuleSet rules = ruleOptions.load(ruleOptions.rules.isEmpty());
            rules.failures().forEach(out::println);
            out.printf("%d rules loaded, %d failed%n", rules.rules().size(), rules.failures().size());
            out.flush();
            return rules.failures().isEmpty() ? 0 : 1;
        }
    }
}
