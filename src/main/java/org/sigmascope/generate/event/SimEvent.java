package org.sigmascope.generate.event;

/**
 * One generated event, before it is written in any format.
 *
 * @param schema        its kind
 * @param computer      the host's fully qualified name
 * @param filetime      when it was logged (FILETIME: 100 ns since 1601, UTC)
 * @param processId     the logging process ({@code Execution ProcessID})
 * @param threadId      the logging thread ({@code Execution ThreadID})
 * @param userSid       the {@code Security UserID}, or {@code null} when the provider writes none
 * @param activityId    the {@code Correlation ActivityID}, or {@code null}
 * @param values        the field values in schema order: String, Long, Boolean, or {@link WinGuid}; SIDs as text
 * @param injection     the scenario that injected it, or {@code null} for background activity
 */
public record SimEvent(EventSchema schema, String computer, long filetime, long processId, long threadId,
                       String userSid, WinGuid activityId, Object[] values, Injection injection) {

    public Object value(String field) {
        return values[schema.indexOf(field)];
    }
}
