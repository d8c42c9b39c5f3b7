package org.sigmascope.sigma.modifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sigmascope.sigma.detection.CompareMatcher;
import org.sigmascope.sigma.detection.SigmaValue;
import org.sigmascope.sigma.detection.TimePartMatcher;

/** The registry of modifiers by the names rules write (Sigma 2.1, with pySigma's aliases). */
public final class Modifiers {
    private static final Map<String, Modifier> REGISTRY = new LinkedHashMap<>();

    static {
        register(new Contains());
        register(new StartsWith());
        register(new EndsWith());
        register(new All());
        register(new Cased());
        register(new Neq());
        register(new Windash());
        register(new Base64());
        register(new Base64Offset());
        register(new Utf16("utf16le", Utf16.Form.LITTLE_ENDIAN));
        register(new Utf16("wide", Utf16.Form.LITTLE_ENDIAN));
        register(new Utf16("utf16be", Utf16.Form.BIG_ENDIAN));
        register(new Utf16("utf16", Utf16.Form.WITH_BOM));
        register(new Re());
        register(new RegexFlag("i", SigmaValue.RegexFlag.IGNORECASE));
        register(new RegexFlag("ignorecase", SigmaValue.RegexFlag.IGNORECASE));
        register(new RegexFlag("m", SigmaValue.RegexFlag.MULTILINE));
        register(new RegexFlag("multiline", SigmaValue.RegexFlag.MULTILINE));
        register(new RegexFlag("s", SigmaValue.RegexFlag.DOTALL));
        register(new RegexFlag("dotall", SigmaValue.RegexFlag.DOTALL));
        register(new Cidr());
        register(new Exists());
        for (CompareMatcher.Operator operator : CompareMatcher.Operator.values()) {
            register(new Compare(operator));
        }
        for (TimePartMatcher.Part part : TimePartMatcher.Part.values()) {
            register(new DatePart(part));
        }
        register(new FieldRef());
        register(new Expand());
    }

    private Modifiers() {
    }

    private static void register(Modifier modifier) {
        REGISTRY.put(modifier.name(), modifier);
    }

    public static Optional<Modifier> byName(String name) {
        return Optional.ofNullable(REGISTRY.get(name));
    }

    /** Every modifier name, in the order above. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }
}
