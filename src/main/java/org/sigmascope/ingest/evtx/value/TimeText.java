package org.sigmascope.ingest.evtx.value;

/**
 * Formats FILETIME and SYSTEMTIME values as ISO-8601 UTC with 100 ns digits ({@code 2016-07-08T18:12:51.6816408Z}),
 * the way Event Viewer shows {@code SystemTime}. Written by hand because a {@code DateTimeFormatter} per value
 * costs more than the rest of a record.
 */
final class TimeText {
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;
    /** Days from 1601-01-01 to 1970-01-01. */
    private static final long EPOCH_DAYS_1601 = 134_774L;

    private TimeText() {
    }

    /** FILETIME: 100 ns ticks since 1601-01-01 UTC, read as unsigned. */
    static String filetime(AsciiText out, long ticks) {
        if (ticks < 0) {
            // Above 2^63 ticks (year 30828+): not a time Windows writes; keep the raw number visible.
            return Long.toUnsignedString(ticks);
        }
        long days = ticks / TICKS_PER_DAY;
        long rest = ticks % TICKS_PER_DAY;
        long seconds = rest / TICKS_PER_SECOND;
        int fraction = (int) (rest % TICKS_PER_SECOND);
        out.clear();
        appendDate(out, days - EPOCH_DAYS_1601);
        out.append('T');
        appendTime(out, (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
        // 7 digits of 100 ns: one, then three pairs
        out.append('.').append((char) ('0' + fraction / 1_000_000)).two(fraction / 10_000 % 100)
                .two(fraction / 100 % 100).two(fraction % 100);
        return out.append('Z').text();
    }

    /** SYSTEMTIME: eight u16 (year, month, day of week, day, hour, minute, second, milliseconds). */
    static String systemtime(AsciiText out, int year, int month, int day, int hour, int minute, int second,
                             int millis) {
        // u16 fields from the record: any of them may be out of range in a damaged one
        out.clear().digits(year, 4).append('-').digits(month, 2).append('-').digits(day, 2).append('T')
                .digits(hour, 2).append(':').digits(minute, 2).append(':').digits(second, 2);
        return out.append('.').digits(millis * 10_000L, 7).append('Z').text();
    }

    /** Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted). */
    private static void appendDate(AsciiText out, long epochDays) {
        long z = epochDays + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        // FILETIME years are 1601 to 30828: four or five digits
        if (year < 10_000) {
            out.two((int) year / 100).two((int) year % 100);
        } else {
            out.digits(year, 4);
        }
        out.append('-').two((int) month).append('-').two((int) day);
    }

    private static void appendTime(AsciiText out, int hour, int minute, int second) {
        out.two(hour).append(':').two(minute).append(':').two(second);
    }
}
