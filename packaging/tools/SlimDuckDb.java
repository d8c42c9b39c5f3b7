import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes from the DuckDB JDBC jar the native libraries of the other platforms (the jar carries all four, some
 * 240 MB unpacked), keeping the one the package is for. {@code java SlimDuckDb.java JAR linux_amd64}; the names
 * are those of the jar's {@code libduckdb_java.so_<platform>} entries. Fails if that platform's library is missing,
 * so a package never ships without its database engine.
 */
public final class SlimDuckDb {
    private static final String NATIVE = "libduckdb_java.so_";

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String keep = NATIVE + args[1];
        Path slim = jar.resolveSibling(jar.getFileName() + ".slim");
        boolean kept = false;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slim))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(NATIVE) && !entry.getName().equals(keep)) {
                    continue;
                }
                kept |= entry.getName().equals(keep);
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (!kept) {
            Files.delete(slim);
            System.err.println("SlimDuckDb: " + jar + " has no " + keep + "; this DuckDB does not run on that platform");
            System.exit(1);
        }
        Files.move(slim, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
