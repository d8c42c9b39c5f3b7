package org.sigmascope.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;

/**
 * Evidence whose every field is an attack on some output: markup and script for HTML, formulas for spreadsheets,
 * SQL for the case, terminal escape sequences, bidirectional overrides, NUL, XML breakers, template and JNDI
 * lookups. One Sysmon process start per payload, the payload in the computer name, the user, the images, a field
 * name and the command line (which also carries {@code onerror=}, so the hostile test rule fires on every event).
 */
final class HostileEvidence {
    static final List<String> PAYLOADS = List.of(
            "<script>document.title='pwned'</script>",
            "\"><img src=x onerror=alert(1)>",
            "=cmd|' /C calc'!A0",
            "+SUM(1,2)",
            "-2+3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "'; DROP TABLE events; --",
            "\" OR 1=1 --",
            "x'); DELETE FROM sources; SELECT ('",
            "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred",
            "invoice\u202efdp.exe",
            "nul\u0000byte",
            "]]><!--x--><![CDATA[<a/>",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}<%= 7*7 %>");
    /** The test rule, itself hostile: it fires on a command line containing {@code onerror=}. */
    static final Path RULE = Path.of("src/test/resources/org/sigmascope/report/hostile/hostile-rule.yml");

    private HostileEvidence() {
    }

    /**
     * Writes the events as evtx-crate JSON Lines, record ids from {@code firstRecord} (two files must differ: a case
     * leaves out evidence whose bytes it already holds); returns the number written.
     */
    static int write(Path file, int firstRecord) throws IOException {
        List<String> lines = new ArrayList<>();
        int record = 1;
        for (String payload : PAYLOADS) {
            ObjectNode event = JsonCodec.MAPPER.createObjectNode();
            ObjectNode system = event.putObject("Event").putObject("System");
            system.putObject("Provider").putObject("#attributes").put("Name", "Microsoft-Windows-Sysmon");
            system.put("EventID", 1);
            system.put("EventRecordID", firstRecord + record++);
            system.put("Channel", "Microsoft-Windows-Sysmon/Operational");
            system.put("Computer", payload);
            system.putObject("TimeCreated").putObject("#attributes").put("SystemTime",
                    "2024-05-02T10:15:" + String.format("%02d", record) + ".0000000Z");
            ObjectNode data = ((ObjectNode) event.get("Event")).putObject("EventData");
            data.put("Image", "C:\\Temp\\" + payload);
            data.put("CommandLine", payload + " onerror= " + payload);
            data.put("User", payload);
            data.put("ParentImage", payload);
            data.put("ParentCommandLine", payload);
            data.put(payload, payload);
            lines.add(JsonCodec.MAPPER.writeValueAsString(event));
        }
        Files.write(file, lines);
        return lines.size();
    }
}
