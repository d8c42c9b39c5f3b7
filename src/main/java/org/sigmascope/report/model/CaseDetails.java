package org.sigmascope.report.model;

import java.time.Instant;

/**
 * Who examined what, as the report's first section says it. Every text is shown as written (escaped); empty texts
 * are left out of the report.
 *
 * @param name        the case's name, e.g. {@code "2024-017 WS01 intrusion"}
 * @param reference   the case or ticket number, or {@code ""}
 * @param examiner    the analyst who made the report, or {@code ""}
 * @param organisation the analyst's organisation or client, or {@code ""}
 * @param description what the case is about, free text (new lines kept), or {@code ""}
 * @param opened      when the case was opened, or {@code null}
 */
public record CaseDetails(String name, String reference, String examiner, String organisation, String description,
                          Instant opened) {
    public CaseDetails {
        name = orEmpty(name);
        reference = orEmpty(reference);
        examiner = orEmpty(examiner);
        organisation = orEmpty(organisation);
        description = orEmpty(description);
    }

    /** Details with only a name, as a one-shot scan has. */
    public static CaseDetails named(String name) {
        return new CaseDetails(name, "", "", "", "", null);
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
