package org.sigmascope.caseview;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.sigmascope.store.CaseStore;

/**
 * Settings kept inside a case, so they travel with it: its name and details for reports, and the app's layout of
 * its timeline (columns, widths, order). Rows of the case's {@code meta} table under keys starting {@code app.},
 * which the schema leaves to the app; each write is its own small transaction.
 */
public final class CaseMeta {
    private static final String PREFIX = "app.";
    private final CaseStore store;

    public CaseMeta(CaseStore store) {
        this.store = store;
    }

    public Optional<String> get(String key) throws IOException {
        return store.db().first("SELECT value FROM meta WHERE key = ?", List.of(PREFIX + key), r -> r.getString(1));
    }

    public String get(String key, String fallback) throws IOException {
        return get(key).orElse(fallback);
    }

    /** Sets a value; {@code null} removes it. */
    public void put(String key, String value) throws IOException {
        if (value == null) {
            store.db().update("DELETE FROM meta WHERE key = ?", PREFIX + key);
        } else {
            store.db().update("INSERT OR REPLACE INTO meta VALUES (?, ?)", PREFIX + key, value);
        }
    }
}
