package org.sigmascope;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version and build details, from {@code sigmascope-version.properties} (filled in by Maven). */
public final class Version {
    private static final Properties PROPERTIES = load();

    private Version() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/sigmascope-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Without the file the version reads "unknown"; nothing else depends on it.
        }
        return properties;
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** Several lines: version, build time, Java runtime. */
    public static String describe() {
        return "Sigmascope " + version() + "\n"
                + "built " + PROPERTIES.getProperty("built", "unknown") + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }
}
