package org.sigmascope.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.sigmascope.Version;
import org.sigmascope.logging.AppLog;

/** The {@code sigmascope} command and its subcommands (the command-line contract, docs/cli.md). */
@Command(name = "sigmascope", mixinStandardHelpOptions = true, versionProvider = SigmascopeCommand.VersionText.class,
        description = "Forensic analysis of Windows event logs with Sigma rules. Without a command, opens the app.",
        subcommands = {ScanCommand.class, DumpCommand.class, RulesCommand.class, GenerateCommand.class,
            QueryCommand.class, TreeCommand.class, ImportCommand.class, ReportCommand.class, VerifyCommand.class})
public final class SigmascopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed (scan, dump, rules)");
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failed rules or inputs, 2 usage errors. */
    public static int run(String[] args, OutputStream out, OutputStream err) {
        PrintWriter stdout = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16), false);
        PrintWriter stderr = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)),
                true);
        CommandLine commandLine = new CommandLine(new SigmascopeCommand());
        commandLine.setOut(stdout);
        commandLine.setErr(stderr);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            stdout.flush();
            // The analyst gets a sentence; the stack trace goes to the log file.
            Logger.getLogger(SigmascopeCommand.class.getName()).log(Level.SEVERE, "command failed", e);
            stderr.println("sigmascope: " + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + AppLog.current().map(log -> " (details in " + log + ")").orElse(""));
            return 1;
        });
        try {
            return commandLine.execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** Whether the word names a command, so {@code sigmascope scan} is never taken for a file named scan. */
    public static boolean isCommand(String word) {
        return new CommandLine(new SigmascopeCommand()).getSubcommands().containsKey(word);
    }

    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return Version.describe().split("\n");
        }
    }
}
