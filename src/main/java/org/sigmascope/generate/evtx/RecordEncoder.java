package org.sigmascope.generate.evtx;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.WinGuid;

/**
 * Encodes one event as an EVTX record in the current chunk, the way the Windows event log service does: a
 * fragment whose template instance is the computer's System template, with the provider's EventData (or
 * UserData) template instance nested as a BinXML value. Templates and names new to the chunk are defined inline.
 */
final class RecordEncoder {
    private final Chunk chunk;
    private final ValueWriter values = new ValueWriter();
    private final Map<TemplateKey, WinGuid> guids = new HashMap<>();
    private final Map<EventSchema, TemplateKey> dataKeys = new IdentityHashMap<>();
    private final Map<EventSchema, TemplateKey> systemKeys = new IdentityHashMap<>();

    RecordEncoder(Chunk chunk) {
        this.chunk = chunk;
    }

    /** Writes the record at the chunk's position; throws {@link ChunkFull} when it does not fit. */
    void encode(SimEvent event, long recordId) {
        ChunkBuffer buffer = chunk.buffer;
        int start = buffer.position();
        buffer.u32(0x00002A2A);
        int sizeAt = buffer.skip(4);
        buffer.u64(recordId);
        buffer.u64(event.filetime());
        BinXmlWriter xml = chunk.xml;
        xml.fragmentHeader();
        EventSchema schema = event.schema();
        TemplateKey systemKey = systemKeys.computeIfAbsent(schema, s -> TemplateKey.system(s, event.computer()));
        templateInstance(systemKey, () -> TemplateBodies.system(xml, schema, event.computer()));
        systemValues(buffer, event, recordId);
        xml.endOfStream();
        // Windows keeps records 8-byte aligned: zeros between the end of the BinXML and the trailing size.
        while ((buffer.position() + 4 - start) % 8 != 0) {
            buffer.u8(0);
        }
        int size = buffer.position() + 4 - start;
        buffer.u32(size);
        buffer.putU32(sizeAt, size);
    }

    private void systemValues(ChunkBuffer buffer, SimEvent event, long recordId) {
        EventSchema schema = event.schema();
        boolean classic = schema.provider().classic();
        int count = classic ? TemplateBodies.CLASSIC_VALUE_COUNT : TemplateBodies.ETW_VALUE_COUNT;
        buffer.u32(count);
        int descriptors = buffer.skip(4 * count);
        for (int i = 0; i < count; i++) {
            int before = buffer.position();
            int type = systemValue(buffer, event, recordId, i, classic);
            describe(buffer, descriptors, i, buffer.position() - before, type);
        }
    }

    private int systemValue(ChunkBuffer buffer, SimEvent event, long recordId, int index, boolean classic) {
        EventSchema schema = event.schema();
        if (index == (classic ? TemplateBodies.CLASSIC_DATA_INDEX : TemplateBodies.ETW_DATA_INDEX)) {
            eventData(event);
            return ValueWriter.BINXML;
        }
        return switch (index) {
            case 0 -> values.write(buffer, FieldType.UINT8, (long) schema.level());
            case 1 -> values.write(buffer, FieldType.UINT8, (long) schema.opcode());
            case 2 -> values.write(buffer, FieldType.UINT16, (long) schema.task());
            case 3 -> values.write(buffer, FieldType.UINT16, (long) schema.eventId());
            case 4 -> schema.qualifiers() < 0 ? ValueWriter.NULL
                    : values.write(buffer, FieldType.UINT16, (long) schema.qualifiers());
            case 5 -> values.write(buffer, FieldType.HEX64, schema.keywords());
            case 6 -> {
                buffer.u64(event.filetime());
                yield ValueWriter.FILETIME;
            }
            case 7 -> event.activityId() == null ? ValueWriter.NULL
                    : values.write(buffer, FieldType.GUID, event.activityId());
            case 8 -> values.write(buffer, FieldType.UINT32, event.processId());
            case 9 -> values.write(buffer, FieldType.UINT32, event.threadId());
            case 10 -> values.write(buffer, FieldType.UINT64, recordId);
            case 11 -> values.write(buffer, FieldType.UINT8, (long) schema.version());
            case 12 -> values.write(buffer, FieldType.SID, event.userSid());
            case 14 -> classic ? ValueWriter.NULL : values.write(buffer, FieldType.STRING, schema.provider().name());
            case 15 -> classic ? ValueWriter.NULL : values.write(buffer, FieldType.GUID, schema.provider().guid());
            case 16 -> classic ? ValueWriter.NULL
                    : values.write(buffer, FieldType.STRING, schema.channel().channelName());
            default -> ValueWriter.NULL; // RelatedActivityID and the classic template's unused slots
        };
    }

    /** The nested BinXML value: a fragment with the provider's template instance. */
    private void eventData(SimEvent event) {
        ChunkBuffer buffer = chunk.buffer;
        EventSchema schema = event.schema();
        chunk.xml.fragmentHeader();
        templateInstance(dataKeys.computeIfAbsent(schema, TemplateKey::data),
                () -> TemplateBodies.data(chunk.xml, schema));
        Object[] data = event.values();
        int count = schema.fieldCount();
        buffer.u32(count);
        int descriptors = buffer.skip(4 * count);
        for (int i = 0; i < count; i++) {
            int before = buffer.position();
            int type = values.write(buffer, schema.fields().get(i).type(), data[i]);
            describe(buffer, descriptors, i, buffer.position() - before, type);
        }
        chunk.xml.endOfStream();
    }

    /**
     * {@code 0C 01 id offset}: refers to the template's definition in this chunk, or defines it right here
     * (the offset then points just past itself): next-in-bucket, GUID, data size, then the body.
     */
    private void templateInstance(TemplateKey key, Runnable body) {
        ChunkBuffer buffer = chunk.buffer;
        WinGuid guid = guids.computeIfAbsent(key, TemplateKey::guid);
        buffer.u8(0x0C);
        buffer.u8(0x01);
        buffer.u32(guid.data1() & 0xffffffffL);
        int defined = chunk.templates.offsetOf(key);
        if (defined >= 0) {
            buffer.u32(defined);
            return;
        }
        int definition = buffer.position() + 4;
        buffer.u32(definition);
        buffer.u32(chunk.templates.add(key, guid, definition));
        ValueWriter.guid(buffer, guid);
        int sizeAt = buffer.skip(4);
        body.run();
        buffer.putU32(sizeAt, buffer.position() - sizeAt - 4);
    }

    private static void describe(ChunkBuffer buffer, int descriptors, int index, int size, int type) {
        if (size > 0xffff) {
            throw new IllegalArgumentException("a value of " + size + " bytes does not fit an EVTX value descriptor");
        }
        int at = descriptors + 4 * index;
        buffer.putU16(at, size);
        buffer.bytes[at + 2] = (byte) type;
        buffer.bytes[at + 3] = 0;
    }
}
