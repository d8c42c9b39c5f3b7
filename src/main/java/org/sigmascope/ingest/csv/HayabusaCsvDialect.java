package org.sigmascope.ingest.csv;

import java.time.Instant;
import java.util.List;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Hayabusa's {@code csv-timeline}, in its headers over the years: 2.x {@code Timestamp, RuleTitle, Level,
 * Computer, Channel, EventID, RecordID, Details, ExtraFieldInfo}; 1.x {@code Timestamp, Computer, EventID, Level,
 * RuleTitle, Details, RulePath, FilePath}; pre-1.0 {@code Time, Computername, Eventid, Level, Alert, Details}.
 * One row per detection; {@code Timestamp} carries its offset ({@code +09:00}); channels are abbreviated and
 * expanded back; {@code Level} is the rule's (kept as {@code RuleLevel}). {@code Details} is Hayabusa's summary
 * with short names, split into {@code Details.Name} fields; {@code ExtraFieldInfo} and {@code AllFieldInfo} hold
 * original field names and become fields as they are.
 */
final class HayabusaCsvDialect implements CsvDialect {
    @Override
    public String name() {
        return "Hayabusa CSV timeline";
    }

    @Override
    public boolean matches(CsvHeader header) {
        return header.index("Timestamp", "Time") >= 0 && header.index("RuleTitle", "Alert") >= 0
                && header.index("Details", "ExtraFieldInfo", "AllFieldInfo") >= 0;
    }

    @Override
    public RowMapper bind(CsvHeader header, List<String[]> sample, CsvOptions options, RecordContext context) {
        Columns columns = new Columns(header)
                .map(SystemFields.EVENT_ID, "EventID")
                .map(SystemFields.RECORD_ID, "RecordID")
                .map(SystemFields.COMPUTER, "Computer", "Computername")
                .map(SystemFields.PROVIDER_NAME, "Provider")
                .map(SystemFields.RULE_TITLE, "RuleTitle", "Alert")
                .map("RuleLevel", "Level");
        int time = columns.take("Timestamp", "Time");
        int channel = columns.take("Channel");
        int details = columns.take("Details");
        int extra = columns.take("ExtraFieldInfo");
        int all = columns.take("AllFieldInfo");
        return (row, ctx, events) -> {
            Fields.Builder fields = Fields.builder(32);
            Instant instant = null;
            EventTimes.Parsed parsed = EventTimes.parseIso(CsvHeader.cell(row, time), ctx.localZone());
            if (parsed != null) {
                instant = parsed.instant();
                fields.put(SystemFields.TIME_CREATED, Timestamps.format(instant));
                ctx.timesFrom("Hayabusa Timestamp", !parsed.zoned());
            }
            columns.putSystem(row, fields);
            String channelText = CsvHeader.cell(row, channel);
            if (channelText != null && !channelText.isEmpty()) {
                fields.put(SystemFields.CHANNEL, Channels.fromHayabusa(channelText));
            }
            String detailText = CsvHeader.cell(row, details);
            if (detailText != null) {
                fields.put("Details", detailText);
                HayabusaDetails.split(detailText).forEach((name, value) -> fields.put("Details." + name, value));
            }
            for (int index : new int[] {extra, all}) {
                String text = CsvHeader.cell(row, index);
                if (text != null) {
                    HayabusaDetails.split(text).forEach(fields::put);
                }
            }
            columns.putRest(row, fields);
            ctx.note("hayabusa", "Hayabusa timeline: one row per detection, holding only the fields Hayabusa chose "
                    + "(abbreviated, under Details.*), not the whole event; Level is the rule's level (RuleLevel)");
            events.accept(ctx.event(fields.build(), instant));
        };
    }
}
