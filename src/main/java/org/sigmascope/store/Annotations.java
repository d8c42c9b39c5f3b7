package org.sigmascope.store;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * What the analyst adds to events: tags, stars, notes (on an event or on the whole case) and bookmarks. Each
 * change is its own small transaction, committed at once: closing the app never loses one.
 */
public final class Annotations {
    /** A note; {@code eventId} is -1 for a note on the whole case. */
    public record Note(long id, long eventId, String text, Instant createdAt, Instant updatedAt) {
    }

    /** A named place to come back to: an event, a timeline query, or both. */
    public record Bookmark(long id, String name, long eventId, String query, Instant createdAt) {
    }

    private final Db db;

    Annotations(Db db) {
        this.db = db;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.ResultSet r, int column) throws java.sql.SQLException {
        LocalDateTime time = r.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    public void tag(long eventId, String tag) throws IOException {
        String clean = tag.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("a tag needs a name");
        }
        db.update("INSERT OR IGNORE INTO tags VALUES (?, ?, ?)", eventId, clean, now());
    }

    public void untag(long eventId, String tag) throws IOException {
        db.update("DELETE FROM tags WHERE event_id = ? AND tag = ?", eventId, tag.strip());
    }

    public List<String> tags(long eventId) throws IOException {
        return db.list("SELECT tag FROM tags WHERE event_id = ? ORDER BY tag", List.of(eventId), r -> r.getString(1));
    }

    /** Every tag used in the case, for completion in the search bar. */
    public List<String> allTags() throws IOException {
        return db.list("SELECT DISTINCT tag FROM tags ORDER BY tag", List.of(), r -> r.getString(1));
    }

    public void star(long eventId, boolean starred) throws IOException {
        if (starred) {
            db.update("INSERT OR IGNORE INTO stars VALUES (?, ?)", eventId, now());
        } else {
            db.update("DELETE FROM stars WHERE event_id = ?", eventId);
        }
    }

    public boolean starred(long eventId) throws IOException {
        return db.number("SELECT count(*) FROM stars WHERE event_id = ?", eventId) > 0;
    }

    /** Adds a note to an event, or to the case when {@code eventId} is -1; returns its id. */
    public long addNote(long eventId, String text) throws IOException {
        return db.first("INSERT INTO notes (event_id, text, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id",
                Arrays.asList(eventId < 0 ? null : eventId, text, now(), now()), r -> r.getLong(1)).orElseThrow();
    }

    public void editNote(long noteId, String text) throws IOException {
        db.update("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?", text, now(), noteId);
    }

    public void deleteNote(long noteId) throws IOException {
        db.update("DELETE FROM notes WHERE id = ?", noteId);
    }

    /** The notes of an event, or of the case when {@code eventId} is -1, oldest first. */
    public List<Note> notes(long eventId) throws IOException {
        String where = eventId < 0 ? "event_id IS NULL" : "event_id = ?";
        return db.list("SELECT id, coalesce(event_id, -1), text, created_at, updated_at FROM notes WHERE " + where
                        + " ORDER BY id", eventId < 0 ? List.of() : List.of(eventId),
                r -> new Note(r.getLong(1), r.getLong(2), r.getString(3), instant(r, 4), instant(r, 5)));
    }

    /** Adds a bookmark to an event (-1 for none) and/or a query ({@code null} for none); returns its id. */
    public long addBookmark(String name, long eventId, String query) throws IOException {
        return db.first("INSERT INTO bookmarks (name, event_id, query, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                Arrays.asList(name, eventId < 0 ? null : eventId, query, now()),
                r -> r.getLong(1)).orElseThrow();
    }

    public void deleteBookmark(long id) throws IOException {
        db.update("DELETE FROM bookmarks WHERE id = ?", id);
    }

    public List<Bookmark> bookmarks() throws IOException {
        return db.list("SELECT id, name, coalesce(event_id, -1), query, created_at FROM bookmarks ORDER BY id",
                List.of(), r -> new Bookmark(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4),
                        instant(r, 5)));
    }

    /** How many annotations (tags, stars, notes, bookmarks) refer to events of a source. */
    public long countForSource(int sourceId) throws IOException {
        String events = "(SELECT id FROM events WHERE source_id = ?)";
        return db.number("SELECT (SELECT count(*) FROM tags WHERE event_id IN " + events + ") + "
                + "(SELECT count(*) FROM stars WHERE event_id IN " + events + ") + "
                + "(SELECT count(*) FROM notes WHERE event_id IN " + events + ") + "
                + "(SELECT count(*) FROM bookmarks WHERE event_id IN " + events + ")",
                sourceId, sourceId, sourceId, sourceId);
    }
}
