package org.sigmascope.ingest.evtx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads XML exports of event records (ours, libevtx's, python-evtx's) into, per {@code <Event>}, its leaves:
 * {@code path=value} for every element text and attribute, and {@code path} for an empty element. A lenient
 * reader on purpose: reference exports are not always well-formed (control characters, several roots).
 */
final class XmlLeaves {
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/]+)\\s*=\\s*\"([^\"]*)\"");

    private XmlLeaves() {
    }

    /** One record: its EventRecordID (or -1) and its leaves. */
    record Record(long recordId, List<String> leaves) {
    }

    /**
     * Records of an export. Each {@code <Event} that starts a line starts a record: libevtx does not escape markup
     * inside values, and an unbalanced tag there must not swallow the records after it.
     */
    static List<Record> parse(String xml) {
        List<Record> records = new ArrayList<>();
        int start = 0;
        while (start < xml.length()) {
            int next = xml.indexOf("\n<Event ", start + 1);
            int end = next < 0 ? xml.length() : next + 1;
            records.addAll(parseOne(xml.substring(start, end)));
            start = end;
        }
        return records;
    }

    private static List<Record> parseOne(String xml) {
        List<Record> records = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> hadContent = new ArrayDeque<>();
        List<String> leaves = null;
        long recordId = -1;
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c != '<') {
                int next = xml.indexOf('<', i);
                text.append(xml, i, next < 0 ? xml.length() : next);
                i = next < 0 ? xml.length() : next;
                continue;
            }
            if (xml.startsWith("<!--", i)) {
                i = skip(xml, i, "-->");
                continue;
            }
            if (xml.startsWith("<?", i)) {
                i = skip(xml, i, "?>");
                continue;
            }
            if (xml.startsWith("<![CDATA[", i)) {
                int end = xml.indexOf("]]>", i);
                text.append(xml, i + 9, end < 0 ? xml.length() : end);
                i = end < 0 ? xml.length() : end + 3;
                continue;
            }
            int end = xml.indexOf('>', i);
            if (end < 0) {
                break;
            }
            String tag = xml.substring(i + 1, end);
            i = end + 1;
            if (tag.startsWith("/")) {
                String value = FieldNormalizer.text(unescape(text.toString()).strip());
                text.setLength(0);
                if (leaves != null && !path.isEmpty()) {
                    String at = String.join("/", reversed(path));
                    if (!value.isEmpty()) {
                        leaves.add(at + "=" + value);
                        if (at.equals("Event/System/EventRecordID")) {
                            recordId = parseId(value);
                        }
                    } else if (Boolean.FALSE.equals(hadContent.peek())) {
                        leaves.add(at);
                    }
                }
                path.poll();
                hadContent.poll();
                if (path.isEmpty() && leaves != null) {
                    records.add(new Record(recordId, leaves));
                    leaves = null;
                }
                continue;
            }
            if (tag.isEmpty() || !Character.isLetter(tag.charAt(0))) {
                text.append('<').append(tag).append('>');
                continue;
            }
            boolean empty = tag.endsWith("/");
            String body = empty ? tag.substring(0, tag.length() - 1) : tag;
            String name = body.split("\\s", 2)[0];
            text.setLength(0);
            if (name.equals("Events") && leaves == null) {
                continue;
            }
            if (!hadContent.isEmpty()) {
                hadContent.pop();
                hadContent.push(true);
            }
            if (path.isEmpty() && name.equals("Event")) {
                leaves = new ArrayList<>();
                recordId = -1;
            }
            path.push(name);
            hadContent.push(false);
            String at = String.join("/", reversed(path));
            boolean attributes = false;
            Matcher m = ATTRIBUTE.matcher(body);
            while (m.find()) {
                String value = FieldNormalizer.text(unescape(m.group(2)).strip());
                if (leaves != null && !value.isEmpty() && !m.group(1).startsWith("xmlns")) {
                    leaves.add(at + "/@" + m.group(1) + "=" + value);
                    attributes = true;
                }
            }
            if (attributes) {
                hadContent.pop();
                hadContent.push(true);
            }
            if (empty) {
                if (leaves != null && !attributes) {
                    leaves.add(at);
                }
                path.pop();
                hadContent.pop();
                if (path.isEmpty() && leaves != null) {
                    records.add(new Record(recordId, leaves));
                    leaves = null;
                }
            }
        }
        if (leaves != null) {
            records.add(new Record(recordId, leaves));
        }
        return records;
    }

    private static List<String> reversed(Deque<String> path) {
        List<String> list = new ArrayList<>(path);
        java.util.Collections.reverse(list);
        return list;
    }

    private static int skip(String xml, int from, String terminator) {
        int end = xml.indexOf(terminator, from);
        return end < 0 ? xml.length() : end + terminator.length();
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? text.indexOf(';', i) : -1;
            if (semicolon < 0 || semicolon - i > 10) {
                out.append(c);
                i++;
                continue;
            }
            String entity = text.substring(i + 1, semicolon);
            switch (entity) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    try {
                        int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                                : entity.startsWith("#") ? Integer.parseInt(entity.substring(1)) : -1;
                        if (code >= 0 && Character.isValidCodePoint(code)) {
                            out.appendCodePoint(code);
                        } else {
                            out.append(text, i, semicolon + 1);
                        }
                    } catch (NumberFormatException e) {
                        out.append(text, i, semicolon + 1);
                    }
                }
            }
            i = semicolon + 1;
        }
        return out.toString();
    }
}
