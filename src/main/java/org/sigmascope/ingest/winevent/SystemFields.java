package org.sigmascope.ingest.winevent;

import java.util.Set;

/**
 * The names Sigma gives the System part of a Windows event, as the EVTX flattening produces them. Readers of
 * exports map their own column and key names onto these, so one rule matches the same event in every format.
 */
public final class SystemFields {
    public static final String EVENT_ID = "EventID";
    public static final String EVENT_ID_QUALIFIERS = "EventID_Qualifiers";
    public static final String VERSION = "Version";
    public static final String LEVEL = "Level";
    public static final String TASK = "Task";
    public static final String OPCODE = "Opcode";
    public static final String KEYWORDS = "Keywords";
    public static final String TIME_CREATED = "TimeCreated_SystemTime";
    public static final String RECORD_ID = "EventRecordID";
    public static final String ACTIVITY_ID = "Correlation_ActivityID";
    public static final String RELATED_ACTIVITY_ID = "Correlation_RelatedActivityID";
    public static final String PROCESS_ID = "Execution_ProcessID";
    public static final String THREAD_ID = "Execution_ThreadID";
    public static final String CHANNEL = "Channel";
    public static final String COMPUTER = "Computer";
    public static final String USER_ID = "Security_UserID";
    public static final String PROVIDER_NAME = "Provider_Name";
    public static final String PROVIDER_GUID = "Provider_Guid";
    /** Rendered message text, where an export carries it. Not part of EVTX; kept because analysts search it. */
    public static final String MESSAGE = "Message";
    /** Titles of the rules another tool (Hayabusa, Chainsaw) reported for the event. */
    public static final String RULE_TITLE = "RuleTitle";

    /** System fields the EVTX record holds as integers; exports that give them as text are converted. */
    private static final Set<String> NUMERIC = Set.of(EVENT_ID, EVENT_ID_QUALIFIERS, VERSION, LEVEL, TASK, OPCODE,
            RECORD_ID, PROCESS_ID, THREAD_ID);

    private SystemFields() {
    }

    public static boolean isNumeric(String name) {
        return NUMERIC.contains(name);
    }

    /**
     * A System value as the EVTX flattening types it: the numeric fields as {@link Long} when the text is a
     * decimal number, Keywords as hexadecimal text, anything else unchanged.
     */
    public static Object normalize(String name, Object value) {
        if (value instanceof String text) {
            if (isNumeric(name)) {
                Long number = Numbers.parseLong(text);
                return number != null ? number : value;
            }
            if (name.equals(KEYWORDS)) {
                return KeywordsValue.hex(text);
            }
        }
        if (name.equals(KEYWORDS) && value instanceof Number number) {
            return KeywordsValue.hex(number);
        }
        return value;
    }
}
