package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.caseview.Gap;
import org.sigmascope.caseview.GapFinder;

/**
 * The gap search on a real case file whose logs are written to have every kind of gap, each in one log only: the
 * logs (source, computer, channel) are told apart, recovered records and records without an id are left out, and
 * the gaps come in event-id order.
 */
class GapFinderTest {
    @TempDir
    Path dir;

    private long id;

    @Test
    void findsEveryKindOfGapInItsOwnLog() throws IOException {
        try (CaseStore store = CaseStore.open(dir.resolve("gaps.duckdb"))) {
            Db db = store.db();
            // Source 1, WS01 Security: record ids 1, 2, 5 (two missing), written out of order.
            insert(db, 1, 5, "2024-03-11 10:03:00", "WS01", "Security", 4624, false);
            insert(db, 1, 1, "2024-03-11 10:00:00", "WS01", "Security", 4624, false);
            insert(db, 1, 2, "2024-03-11 10:01:00", "WS01", "Security", 4624, false);
            // Source 1, WS02 Security: its own sequence, 1 and 2 again: no gap although WS01 has the same ids.
            insert(db, 1, 1, "2024-03-11 10:00:30", "WS02", "Security", 4624, false);
            insert(db, 1, 2, "2024-03-11 10:00:40", "WS02", "Security", 4624, false);
            // Source 1, WS01 System: time runs back 2 minutes, then 7 hours of silence, then 30 s back (not reported).
            insert(db, 1, 10, "2024-03-11 12:00:00", "WS01", "System", 7036, false);
            long backwards = insert(db, 1, 11, "2024-03-11 11:58:00", "WS01", "System", 7036, false);
            long silence = insert(db, 1, 12, "2024-03-11 18:58:00", "WS01", "System", 7036, false);
            insert(db, 1, 13, "2024-03-11 18:57:30", "WS01", "System", 7036, false);
            // A recovered record and a record without an id in between leave no gap and make none.
            insert(db, 1, 100, "2024-03-11 18:59:00", "WS01", "System", 7036, true);
            insert(db, 1, null, "2024-03-11 18:59:10", "WS01", "System", 7036, false);
            insert(db, 1, 14, "2024-03-11 19:00:00", "WS01", "System", 7036, false);
            // Source 2: the same computer and channel, another file: its own sequence, starting at 40.
            insert(db, 2, 40, "2024-03-11 10:00:00", "WS01", "Security", 4688, false);
            long cleared = insert(db, 2, 41, "2024-03-11 10:00:01", "WS01", "Security", 1102, false);
            long missing = insert(db, 2, 43, "2024-03-11 10:00:02", "WS01", "Security", 4688, false);
            long systemCleared = insert(db, 2, 44, "2024-03-11 10:00:03", "WS01", "System", 104, false);
            // 1102 outside the Security log is not a cleared log.
            insert(db, 2, 45, "2024-03-11 10:00:04", "WS01", "Application", 1102, false);
            // Source 3, one log (as an EVTX file is): a record id gap, out of order.
            long single = insert(db, 3, 9, "2024-03-11 10:00:09", "WS03", "Security", 4624, false);
            insert(db, 3, 7, "2024-03-11 10:00:07", "WS03", "Security", 4624, false);
            // Source 4: one computer, and records without one: two logs, so 1 and 3 leave a gap, 2 is apart.
            insert(db, 4, 1, "2024-03-11 10:00:01", "WS04", "Security", 4624, false);
            insert(db, 4, 2, "2024-03-11 10:00:02", null, "Security", 4624, false);
            long withoutComputer = insert(db, 4, 3, "2024-03-11 10:00:03", "WS04", "Security", 4624, false);

            List<Gap> gaps = GapFinder.find(db);

            assertEquals(List.of(
                    new Gap(1, 1, Gap.Kind.RECORD_IDS,
                            "2 records are missing before this one (record ids 3 to 4)"),
                    new Gap(backwards, 1, Gap.Kind.TIME_BACKWARDS,
                            "time runs backwards by 2 min 0 s from the previous record (10)"),
                    new Gap(silence, 1, Gap.Kind.SILENCE, "no record for 7 h 0 min before this one"),
                    new Gap(missing, 2, Gap.Kind.RECORD_IDS,
                            "1 record is missing before this one (record ids 42 to 42)"),
                    new Gap(single, 3, Gap.Kind.RECORD_IDS,
                            "1 record is missing before this one (record ids 8 to 8)"),
                    new Gap(withoutComputer, 4, Gap.Kind.RECORD_IDS,
                            "1 record is missing before this one (record ids 2 to 2)"),
                    new Gap(cleared, 2, Gap.Kind.LOG_CLEARED, "the Security log was cleared (event 1102)"),
                    new Gap(systemCleared, 2, Gap.Kind.LOG_CLEARED,
                            "an event log was cleared (System event 104)")), gaps);
        }
    }

    private long insert(Db db, int source, Integer record, String time, String computer, String channel,
                        int eventId, boolean recovered) throws IOException {
        long event = ++id;
        db.update("INSERT INTO events (id, source_id, record_id, ts, computer, channel, event_id, fields, recovered) "
                + "VALUES (?, ?, ?, CAST(? AS TIMESTAMP_NS), ?, ?, ?, '{}', ?)", event, source, record, time, computer,
                channel, eventId, recovered);
        return event;
    }
}
