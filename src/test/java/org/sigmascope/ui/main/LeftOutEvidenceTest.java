package org.sigmascope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Evidence an import leaves out because the case holds its bytes already is named in the status bar's sentence. */
class LeftOutEvidenceTest {
    @Test
    void theFeedCollectsWhatTheImportLeftOutAndTheSentenceNamesIt() {
        ImportFeed feed = new ImportFeed();
        assertEquals("", Jobs.leftOut(feed.leftOut()));
        feed.alreadyImported(Path.of("evidence", "copy.evtx"), "WS01/Security.evtx");
        assertEquals("; left out, already in the case: copy.evtx (the same bytes as WS01/Security.evtx)",
                Jobs.leftOut(feed.leftOut()));
        assertEquals("; left out, already in the case: a, b, c and 2 more",
                Jobs.leftOut(List.of("a", "b", "c", "d", "e")));
    }
}
