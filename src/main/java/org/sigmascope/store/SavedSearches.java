package org.sigmascope.store;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Timeline queries the analyst named and kept with the case. */
public final class SavedSearches {
    /** A saved query and the sort it was shown with ({@code null} for the default). */
    public record Search(String name, String query, String sort) {
    }

    private final Db db;

    SavedSearches(Db db) {
        this.db = db;
    }

    /** Saves a search, replacing one of the same name. */
    public void save(Search search) throws IOException {
        db.update("INSERT OR REPLACE INTO saved_searches VALUES (?, ?, ?, ?)", search.name(), search.query(),
                search.sort(), LocalDateTime.now(ZoneOffset.UTC));
    }

    public void delete(String name) throws IOException {
        db.update("DELETE FROM saved_searches WHERE name = ?", name);
    }

    public List<Search> all() throws IOException {
        return db.list("SELECT name, query, sort FROM saved_searches ORDER BY name", List.of(),
                r -> new Search(r.getString(1), r.getString(2), r.getString(3)));
    }
}
