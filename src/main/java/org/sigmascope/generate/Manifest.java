package org.sigmascope.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import org.sigmascope.Version;
import org.sigmascope.codec.JsonCodec;
import org.sigmascope.generate.host.HostIdentity;
import org.sigmascope.generate.host.Ticks;
import org.sigmascope.generate.scenario.ScenarioPlan;

/**
 * Writes {@code generation.sigmascope.json}: the options, the hosts (names, user, what they log, their files and record
 * counts) and the scenarios (where, when, which SigmaHQ rules detect them). Everything needed to check the output
 * or make it again; nothing that changes between runs of the same options.
 */
final class Manifest {
    private Manifest() {
    }

    static void write(Path file, GenerateOptions options, GenerationSummary summary, List<HostIdentity> hosts)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = JsonCodec.MAPPER.getFactory().createGenerator(out)
                     .setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                             .withArrayIndenter(new DefaultIndenter("  ", "\n")))) {
            json.writeStartObject();
            json.writeStringField("generator", "Sigmascope " + Version.version());
            json.writeNumberField("seed", options.seed());
            json.writeNumberField("hosts", options.hosts());
            json.writeNumberField("events", summary.events());
            json.writeStringField("format", options.format().extension());
            json.writeStringField("start", options.start().toString());
            json.writeStringField("duration", options.duration().toString());
            json.writeStringField("scenarios_option", options.scenarios());
            json.writeArrayFieldStart("host_list");
            for (HostIdentity host : hosts) {
                json.writeStartObject();
                json.writeStringField("name", host.name());
                json.writeStringField("computer", host.fqdn());
                json.writeStringField("user", host.user().qualified());
                json.writeBooleanField("user_is_admin", host.admin());
                json.writeStringField("logging", host.audit().describe());
                json.writeArrayFieldStart("files");
                for (GenerationSummary.LogFile log : summary.files()) {
                    if (log.host().equals(host.fqdn())) {
                        json.writeStartObject();
                        json.writeStringField("path", log.path());
                        json.writeStringField("channel", log.channel());
                        json.writeNumberField("records", log.records());
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("scenario_list");
            for (ScenarioPlan plan : summary.scenarios()) {
                json.writeStartObject();
                json.writeStringField("id", plan.id());
                json.writeStringField("scenario", plan.kind().id());
                json.writeStringField("technique", plan.kind().technique());
                json.writeBooleanField("decoy", plan.kind().decoy());
                json.writeStringField("host", hosts.get(plan.host()).fqdn());
                json.writeStringField("start", Ticks.instant(Ticks.of(options.start()) + plan.offsetTicks()).toString());
                json.writeStringField("story", plan.kind().story());
                json.writeArrayFieldStart("sigma_rules");
                for (String rule : plan.kind().sigmaRules()) {
                    json.writeString(rule);
                }
                json.writeEndArray();
                json.writeNumberField("events", summary.truth().stream()
                        .filter(e -> e.injection().scenarioId().equals(plan.id())).count());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
