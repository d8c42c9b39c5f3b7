package org.sigmascope.store.query;

import java.util.List;

/** What a field name of a query refers to in the case. */
public sealed interface FieldRef {

    /** The kind of values a column holds, which decides how values compare. */
    enum Kind { TEXT, NUMBER, TIME }

    /**
     * A column of the events table.
     *
     * @param name the name the analyst sees ({@code EventID}, {@code Image})
     * @param sql  the column, with the {@code e} alias
     */
    record Column(String name, String sql, Kind kind) implements FieldRef {
        @Override
        public String expression() {
            return sql;
        }

        @Override
        public List<Object> params() {
            return List.of();
        }
    }

    /** A field kept only in the events' JSON, read with a bound JSON path. */
    record JsonField(String name) implements FieldRef {
        @Override
        public String expression() {
            return "json_extract_string(e.fields, ?)";
        }

        @Override
        public List<Object> params() {
            return List.of(path());
        }

        /** The JSON path of the field; names are letters, digits, {@code _ . - @}, so quoting them is enough. */
        public String path() {
            return "$.\"" + name + "\"";
        }
    }

    /** Something about the event that is not one of its fields: its detections, tags, notes, source. */
    record Special(String name) implements FieldRef {
        @Override
        public String expression() {
            throw new IllegalStateException(name + " is not a column");
        }

        @Override
        public List<Object> params() {
            return List.of();
        }
    }

    String name();

    /** The SQL expression of the field's value, with {@link #params()} to bind. */
    String expression();

    List<Object> params();
}
