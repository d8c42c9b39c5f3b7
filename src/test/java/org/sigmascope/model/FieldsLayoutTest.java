package org.sigmascope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Fields made from a shared {@link Fields.Layout} behave as fields made by the builder. */
class FieldsLayoutTest {
    @Test
    void layoutFieldsEqualBuilderFields() {
        Fields.Layout layout = Fields.Layout.of("EventID", "Channel", "Data", "Empty");
        List<Object> data = new ArrayList<>(List.of("a", "b"));
        Fields fields = layout.fields(new Object[] {4624, "Security", data, null});
        Fields built = Fields.builder().put("EventID", 4624L).put("Channel", "Security").put("Data", List.of("a", "b"))
                .put("Empty", null).build();
        assertEquals(built, fields);
        assertEquals(4624L, fields.get("EventID"), "numbers are normalized to Long");
        assertTrue(fields.contains("Empty"));
        assertNull(fields.get("Empty"));
        assertFalse(fields.contains("Missing"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) fields.get("Data")).clear(),
                "lists are made unmodifiable");
    }

    @Test
    void eventsOfOneLayoutDoNotShareValues() {
        Fields.Layout layout = Fields.Layout.of("A", "B");
        Fields first = layout.fields(new Object[] {"1", "2"});
        Fields second = layout.fields(new Object[] {"3", null});
        assertEquals("1", first.get("A"));
        assertEquals("3", second.get("A"));
        assertEquals(List.of("A", "B"), second.names());
    }

    @Test
    void aRepeatedNameOrAMissingValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Fields.Layout.of("A", "B", "A"));
        assertThrows(IllegalArgumentException.class, () -> Fields.Layout.of("A", "B").fields(new Object[1]));
        assertEquals(Fields.empty(), Fields.Layout.of().fields(new Object[0]));
    }
}
