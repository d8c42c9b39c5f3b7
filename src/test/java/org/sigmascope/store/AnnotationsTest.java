package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the analyst adds to a case survives closing it, and the audit log says what was done. */
class AnnotationsTest {
    @TempDir
    Path dir;

    @Test
    void annotationsAndSearchesSurviveReopening() throws Exception {
        Path file = dir.resolve("case.duckdb");
        long noteId;
        try (CaseStore store = TestCases.imported(file, TestCases.SAMPLES)) {
            Annotations a = store.annotations();
            a.tag(6, "persistence");
            a.tag(6, "persistence");
            a.tag(6, " wmi ");
            a.tag(13, "persistence");
            a.star(6, true);
            a.star(7, true);
            a.star(7, false);
            noteId = a.addNote(6, "scrcons.exe ran the consumer's script");
            a.editNote(noteId, "scrcons.exe ran the consumer's JScript");
            a.addNote(-1, "Case opened for incident 2024-031");
            a.addBookmark("first persistence", 6, "Image:*scrcons.exe");
            a.addBookmark("WS02 after 11:00", -1, "Computer:WS02* time:>=2024-03-11T11");
            store.searches().save(new SavedSearches.Search("wmi", "Image:*scrcons*", "-time"));
            store.searches().save(new SavedSearches.Search("wmi", "Image:*scrcons.exe", null));
            store.searches().save(new SavedSearches.Search("logons", "EventID:4624", null));
            store.searches().delete("logons");
        }
        try (CaseStore store = CaseStore.open(file)) {
            Annotations a = store.annotations();
            assertEquals(List.of("persistence", "wmi"), a.tags(6));
            assertEquals(List.of("persistence", "wmi"), a.allTags());
            assertTrue(a.starred(6));
            assertFalse(a.starred(7));
            List<Annotations.Note> notes = a.notes(6);
            assertEquals(1, notes.size());
            assertEquals("scrcons.exe ran the consumer's JScript", notes.get(0).text());
            assertEquals(noteId, notes.get(0).id());
            assertEquals("Case opened for incident 2024-031", a.notes(-1).get(0).text());
            List<Annotations.Bookmark> bookmarks = a.bookmarks();
            assertEquals(2, bookmarks.size());
            assertEquals(6, bookmarks.get(0).eventId());
            assertEquals(-1, bookmarks.get(1).eventId());
            assertEquals(List.of(new SavedSearches.Search("wmi", "Image:*scrcons.exe", null)), store.searches().all());
            assertEquals(2, store.timeline().count(store.timeline().filter("tag:persistence")));
            assertEquals(1, store.timeline().count(store.timeline().filter("is:bookmarked")));
            List<String> actions = store.audit().entries().stream().map(AuditLog.Entry::action).toList();
            assertEquals(List.of("case_created", "import_started", "source_imported"), actions);
            int builtinRules = org.sigmascope.sigma.load.RuleLoader.load(
                    List.of(org.sigmascope.sigma.BuiltinRules.source())).rules().size();
            assertTrue(store.audit().entries().get(1).detail().contains("\"rules\":" + builtinRules),
                    store.audit().entries().get(1).detail());
        }
    }
}
