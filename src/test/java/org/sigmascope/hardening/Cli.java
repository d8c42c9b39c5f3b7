package org.sigmascope.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.sigmascope.cli.SigmascopeCommand;

/** The command line in-process, with what it printed. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SigmascopeCommand.run(args, out, err);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
