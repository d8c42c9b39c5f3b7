package org.sigmascope.generate.evtx;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.Provider;

/**
 * The template definitions, token by token as Windows writes them (copied from the corpus: Sysmon and Security
 * records of Windows 10, the Service Control Manager's classic records). Substitution indexes, dependency ids
 * and the literal Computer name are as in the real templates.
 */
final class TemplateBodies {
    static final String EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event";
    /** Index of the EventData/UserData BinXML value in the System template of ETW and classic providers. */
    static final int ETW_DATA_INDEX = 17;
    static final int CLASSIC_DATA_INDEX = 19;
    static final int ETW_VALUE_COUNT = 18;
    static final int CLASSIC_VALUE_COUNT = 20;

    private TemplateBodies() {
    }

    /** The System template: everything but EventData/UserData, which it takes as one BinXML substitution. */
    static void system(BinXmlWriter x, EventSchema schema, String computer) {
        Provider provider = schema.provider();
        boolean classic = provider.classic();
        int dataIndex = classic ? CLASSIC_DATA_INDEX : ETW_DATA_INDEX;
        x.fragmentHeader();
        long event = x.openElement("Event", dataIndex, true);
        x.attribute("xmlns", false);
        x.text(EVENT_NS);
        x.closeStartTag(event);
        long system = x.openElement("System", BinXmlWriter.NO_DEPENDENCY, false);
        x.closeStartTag(system);

        long providerElement = x.openElement("Provider", BinXmlWriter.NO_DEPENDENCY, true);
        if (classic) {
            x.attribute("Name", true);
            x.text(provider.name());
            x.attribute("Guid", true);
            x.text(provider.guid().braced().toLowerCase(java.util.Locale.ROOT));
            x.attribute("EventSourceName", false);
            x.text(provider.eventSourceName());
        } else {
            x.attribute("Name", true);
            x.substitution(true, 14, 0x01);
            x.attribute("Guid", false);
            x.substitution(true, 15, 0x0F);
        }
        x.closeEmptyElement(providerElement);

        long eventId = x.openElement("EventID", 3, true);
        x.attribute("Qualifiers", false);
        x.substitution(true, 4, 0x06);
        x.closeStartTag(eventId);
        x.substitution(true, 3, 0x06);
        x.endElement(eventId);
        simple(x, "Version", 11, 0x04);
        simple(x, "Level", 0, 0x04);
        simple(x, "Task", 2, 0x06);
        simple(x, "Opcode", 1, 0x04);
        simple(x, "Keywords", 5, 0x15);

        long timeCreated = x.openElement("TimeCreated", BinXmlWriter.NO_DEPENDENCY, true);
        x.attribute("SystemTime", false);
        x.substitution(true, 6, 0x11);
        x.closeEmptyElement(timeCreated);
        simple(x, "EventRecordID", 10, 0x0A);

        long correlation = x.openElement("Correlation", BinXmlWriter.NO_DEPENDENCY, true);
        x.attribute("ActivityID", true);
        x.substitution(true, 7, 0x0F);
        x.attribute("RelatedActivityID", false);
        x.substitution(true, classic ? 18 : 13, 0x0F);
        x.closeEmptyElement(correlation);

        long execution = x.openElement("Execution", BinXmlWriter.NO_DEPENDENCY, true);
        x.attribute("ProcessID", true);
        x.substitution(true, 8, 0x08);
        x.attribute("ThreadID", false);
        x.substitution(true, 9, 0x08);
        x.closeEmptyElement(execution);

        if (classic) {
            literal(x, "Channel", schema.channel().channelName());
        } else {
            simple(x, "Channel", 16, 0x01);
        }
        literal(x, "Computer", computer);

        long security = x.openElement("Security", BinXmlWriter.NO_DEPENDENCY, true);
        x.attribute("UserID", false);
        x.substitution(true, 12, 0x13);
        x.closeEmptyElement(security);
        x.endElement(system);

        if (schema.userData() != null) {
            long userData = x.openElement("UserData", BinXmlWriter.NO_DEPENDENCY, false);
            x.closeStartTag(userData);
            x.substitution(true, dataIndex, 0x21);
            x.endElement(userData);
        } else {
            x.substitution(true, dataIndex, 0x21);
        }
        x.endElement(event);
        x.endOfStream();
    }

    /** The provider's template: {@code <EventData><Data Name="…">%n</Data>…</EventData>}, or the UserData element. */
    static void data(BinXmlWriter x, EventSchema schema) {
        x.fragmentHeader();
        if (schema.userData() != null) {
            long root = x.openElement(schema.userData(), BinXmlWriter.NO_DEPENDENCY, true);
            x.attribute("xmlns", false);
            x.text(schema.userDataNs());
            x.closeStartTag(root);
            for (int i = 0; i < schema.fieldCount(); i++) {
                Field field = schema.fields().get(i);
                long element = x.openElement(field.name(), BinXmlWriter.NO_DEPENDENCY, false);
                x.closeStartTag(element);
                x.substitution(false, i, field.type().templateCode());
                x.endElement(element);
            }
            x.endElement(root);
        } else {
            long eventData = x.openElement("EventData", BinXmlWriter.NO_DEPENDENCY, false);
            x.closeStartTag(eventData);
            for (int i = 0; i < schema.fieldCount(); i++) {
                Field field = schema.fields().get(i);
                long data = x.openElement("Data", BinXmlWriter.NO_DEPENDENCY, true);
                x.attribute("Name", false);
                x.text(field.name());
                x.closeStartTag(data);
                x.substitution(false, i, field.type().templateCode());
                x.endElement(data);
            }
            x.endElement(eventData);
        }
        x.endOfStream();
    }

    private static void simple(BinXmlWriter x, String name, int index, int type) {
        long element = x.openElement(name, index, false);
        x.closeStartTag(element);
        x.substitution(true, index, type);
        x.endElement(element);
    }

    private static void literal(BinXmlWriter x, String name, String value) {
        long element = x.openElement(name, BinXmlWriter.NO_DEPENDENCY, false);
        x.closeStartTag(element);
        x.text(value);
        x.endElement(element);
    }
}
