import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** {@code java Zip.java ARCHIVE FOLDER}: zips a folder, names relative to the current one (no zip tool needed). */
public final class Zip {
    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(Path.of(args[0]));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Path path : files) {
                zip.putNextEntry(new ZipEntry(path.toString().replace('\\', '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
    }
}
