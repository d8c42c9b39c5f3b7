package org.sigmascope.sigma.logsource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sigmascope.model.Fields;

/** A value built from several fields by a template split once: placeholders, stray braces, prefixes. */
class FieldMappingFormatTest {

    private static Fields fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Fields.of(map);
    }

    @Test
    void joinsTheFieldsOfTheTemplate() {
        FieldMapping.Format user = new FieldMapping.Format("{SubjectDomainName}\\{SubjectUserName}", null);
        Fields event = fields("SubjectDomainName", "CORP", "SubjectUserName", "alice", "Other", 1L);
        assertTrue(user.has(event));
        assertEquals("CORP\\alice", user.get(event));
        assertEquals(Set.of("SubjectDomainName", "SubjectUserName"), user.sources());
        Fields partial = fields("SubjectUserName", "alice");
        assertFalse(user.has(partial));
        assertEquals("\\alice", user.get(partial), "a missing field reads as empty, as before");
    }

    @Test
    void bracesThatAreNoPlaceholderStayLiteral() {
        FieldMapping.Format odd = new FieldMapping.Format("x{}{{A}}y{B{C}$1\\", null);
        Fields event = fields("A", "a$1\\", "C", 7L, "B", "unused");
        assertTrue(odd.has(event));
        assertEquals("x{}{a$1\\}y{B7$1\\", odd.get(event));
        assertEquals(Set.of("A", "C"), odd.sources());
        assertFalse(odd.has(fields("A", "a")));
    }

    @Test
    void rewritesPrefixesAfterJoining() {
        FieldMapping.Format path = new FieldMapping.Format("{Dir}\\{File}",
                Map.of("\\Device\\HarddiskVolume3\\", "C:\\"));
        assertEquals("C:\\Windows\\cmd.exe", path.get(fields("Dir", "\\Device\\HarddiskVolume3\\Windows",
                "File", "cmd.exe")));
    }
}
