package org.sigmascope.generate.evtx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.WinGuid;

/**
 * Names a template: the System template of one computer (and provider, for classic providers), or the
 * EventData/UserData template of one event kind. Windows derives a template's GUID from its content (name-based,
 * version 5); we derive it from this key with SHA-1 the same way, so it is stable across runs and chunks.
 *
 * @param text what the template is, e.g. {@code system/etw/eventdata/WS01.corp.example}
 * @param schema for data templates, the event kind; {@code null} for System templates
 */
record TemplateKey(String text, EventSchema schema) {

    static TemplateKey system(EventSchema schema, String computer) {
        String family = schema.provider().classic()
                ? "classic/" + schema.provider().name() + "/" + schema.channel().channelName()
                : "etw";
        return new TemplateKey("system/" + family + "/" + (schema.userData() != null ? "userdata" : "eventdata")
                + "/" + computer, null);
    }

    static TemplateKey data(EventSchema schema) {
        return new TemplateKey("data/" + schema.key(), schema);
    }

    /** Keys are equal by what they name; the schema only rides along to write the body. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateKey key && key.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    WinGuid guid() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            hash[7] = (byte) ((hash[7] & 0x0f) | 0x50); // version 5 in data3's top nibble
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // RFC 4122 variant
            return WinGuid.fromBytes(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
