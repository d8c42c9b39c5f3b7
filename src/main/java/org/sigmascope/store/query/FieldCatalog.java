package org.sigmascope.store.query;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.sigmascope.store.PromotedFields;

/**
 * Resolves the field names of a query: the events' typed columns (with the names analysts use for them), the
 * promoted fields, the special names ({@code level}, {@code rule}, {@code tag}, {@code note}, {@code source},
 * {@code is}), and every other field name some event of the case has. Names compare ignoring case; a JSON field
 * keeps the spelling the evidence gave it.
 */
public final class FieldCatalog {
    private static final Map<String, FieldRef> FIXED = new HashMap<>();

    static {
        column("time", "e.ts", FieldRef.Kind.TIME, "timestamp", "ts", "@timestamp", "TimeCreated",
                "TimeCreated_SystemTime", "SystemTime");
        column("Computer", "e.computer", FieldRef.Kind.TEXT, "host", "hostname");
        column("Channel", "e.channel", FieldRef.Kind.TEXT);
        column("Provider_Name", "e.provider", FieldRef.Kind.TEXT, "provider");
        column("EventID", "e.event_id", FieldRef.Kind.NUMBER, "event_id", "eid");
        column("EventRecordID", "e.record_id", FieldRef.Kind.NUMBER, "record_id", "record");
        column("id", "e.id", FieldRef.Kind.NUMBER);
        for (String special : new String[] {"level", "rule", "tag", "note", "source", "is"}) {
            FIXED.put(special, new FieldRef.Special(special));
        }
        for (PromotedFields.Promoted p : PromotedFields.ALL) {
            FIXED.put(key(p.field()), new FieldRef.Column(p.field(), "e." + p.column(), FieldRef.Kind.TEXT));
        }
    }

    private static void column(String name, String sql, FieldRef.Kind kind, String... aliases) {
        FieldRef.Column column = new FieldRef.Column(name, sql, kind);
        FIXED.put(key(name), column);
        for (String alias : aliases) {
            FIXED.put(key(alias), column);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private final Map<String, String> jsonNames;

    /** @param fieldNames the field names the case's events have, or {@code null} to take any name as given */
    public FieldCatalog(Set<String> fieldNames) {
        if (fieldNames == null) {
            this.jsonNames = null;
        } else {
            // Sorted, so that of two names differing only in case, the same one always wins.
            Map<String, String> names = new TreeMap<>();
            for (String name : new java.util.TreeSet<>(fieldNames)) {
                names.putIfAbsent(key(name), name);
            }
            for (String name : fieldNames) {
                names.put(name, name);
            }
            this.jsonNames = names;
        }
    }

    /** A catalog that takes any field name as given. */
    public static FieldCatalog open() {
        return new FieldCatalog(null);
    }

    /** What the name refers to, or empty when no event of the case has such a field. */
    public Optional<FieldRef> resolve(String name) {
        FieldRef fixed = FIXED.get(key(name));
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (jsonNames == null) {
            return Optional.of(new FieldRef.JsonField(name));
        }
        String spelled = jsonNames.containsKey(name) ? jsonNames.get(name) : jsonNames.get(key(name));
        return Optional.ofNullable(spelled).map(FieldRef.JsonField::new);
    }

    /** Like {@link #resolve}, but an unknown name is an error at {@code position}. */
    public FieldRef require(String name, int position) throws QuerySyntaxException {
        return resolve(name).orElseThrow(() -> new QuerySyntaxException(position,
                "no event in this case has a field named '" + name + "'"));
    }
}
