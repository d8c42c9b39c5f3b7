package org.sigmascope;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The application's version and build details: the version and build time from {@code sigmascope-version.properties}
 * (filtered by Maven), the git commit and whether the tree was modified from {@code sigmascope-git.properties} (written
 * by the pom's {@code git-commit} execution).
 */
public final class Version {
    private static final Properties PROPERTIES = load();

    private Version() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        for (String resource : new String[] {"/sigmascope-version.properties", "/sigmascope-git.properties"}) {
            try (InputStream in = Version.class.getResourceAsStream(resource)) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // Without the file these details read "unknown"; nothing else depends on them.
            }
        }
        return properties;
    }

    public static String version() {
        return property("version");
    }

    /** The full git commit the build was made from, or {@code unknown} when built outside a git checkout. */
    public static String commit() {
        return property("commit");
    }

    /** When the build was made, UTC, ISO-8601. */
    public static String built() {
        return property("built");
    }

    /** Whether the build included changes not committed to git, which the commit alone would not reproduce. */
    public static boolean modifiedTree() {
        return "modified".equals(PROPERTIES.getProperty("tree"));
    }

    private static String property(String name) {
        String value = PROPERTIES.getProperty(name, "");
        // An unfiltered placeholder means the resource was copied without Maven (an IDE build).
        return value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    /** Several lines: version, commit, build time, Java runtime and operating system. */
    public static String describe() {
        return "Sigmascope " + version() + "\n"
                + "commit " + commit() + (modifiedTree() ? " with uncommitted changes" : "") + "\n"
                + "built " + built() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")\n"
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }
}
