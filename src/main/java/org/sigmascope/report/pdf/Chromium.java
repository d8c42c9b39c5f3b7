package org.sigmascope.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium (or Chrome) of this machine, run once per job with a fresh profile, no network services,
 * and a time limit. Found through {@code SIGMASCOPE_CHROMIUM} (a path to the executable), then the usual names
 * on the {@code PATH}, then the usual install places on macOS and Windows.
 */
public final class Chromium {
    /** The environment variable that names the browser executable. */
    public static final String ENVIRONMENT = "SIGMASCOPE_CHROMIUM";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    private static final List<String> PLACES = List.of(
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files\\Chromium\\Application\\chrome.exe");
    private static final long TIMEOUT_SECONDS = 120;
    /** Set to 1 to run the browser without its sandbox where the sandbox cannot start. */
    public static final String NO_SANDBOX = "SIGMASCOPE_CHROMIUM_NO_SANDBOX";

    private final Path executable;

    public Chromium(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    /** The browser, or an exception that says where we looked and how to install one. */
    public static Chromium locate() throws ChromiumNotFoundException {
        return locate(System.getenv(ENVIRONMENT), System.getenv("PATH"), PLACES);
    }

    static Chromium locate(String configured, String pathVariable, List<String> places)
            throws ChromiumNotFoundException {
        return find(configured, pathVariable, places).map(Chromium::new).orElseThrow(() ->
                new ChromiumNotFoundException(
                "no Chromium or Chrome found to print the PDF with (looked at $" + ENVIRONMENT + ", for "
                        + String.join(", ", NAMES) + " on the PATH, and in the usual install folders). Install "
                        + "Chromium (Debian/Ubuntu: apt-get install chromium) or set " + ENVIRONMENT
                        + " to the browser's executable; or export HTML and print it from a browser."));
    }

    public static Optional<Path> find() {
        return find(System.getenv(ENVIRONMENT), System.getenv("PATH"), PLACES);
    }

    /** The browser named by {@code configured} (when set, and only it), else the first on the path or in places. */
    static Optional<Path> find(String configured, String pathVariable, List<String> places) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        if (pathVariable != null) {
            for (String name : NAMES) {
                for (String dir : pathVariable.split(File.pathSeparator)) {
                    if (dir.isEmpty()) {
                        continue;
                    }
                    for (String candidate : List.of(name, name + ".exe")) {
                        Path path = Path.of(dir, candidate);
                        if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                            return Optional.of(path);
                        }
                    }
                }
            }
        }
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The DOM after the page loaded (and after any script ran, if the page let one run). */
    public String dumpDom(Path html) throws IOException {
        return run(List.of("--dump-dom"), html);
    }

    /** A PNG of the page at the given window size (the page's top, {@code height} pixels tall). */
    public void screenshot(Path html, Path png, int width, int height) throws IOException {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath()), html);
    }

    /** Runs the browser headless on a local file and returns what it printed on stdout. */
    String run(List<String> jobArguments, Path html) throws IOException {
        Path profile = Files.createTempDirectory("sigmascope-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless"));
            if (withoutSandbox()) {
                command.add("--no-sandbox");
            }
            command.addAll(List.of("--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-first-run",
                    "--no-default-browser-check", "--mute-audio", "--user-data-dir=" + profile));
            command.addAll(jobArguments);
            command.add(html.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> stdout = drain(process.getInputStream());
            CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String errors = lastLines(new String(stderr.join(), StandardCharsets.UTF_8));
                throw new IOException("Chromium failed (exit " + process.exitValue() + "): " + errors
                        + (errors.contains("sandbox") ? "\n(where Chromium's sandbox cannot run, e.g. in a container, "
                        + "set " + NO_SANDBOX + "=1)" : ""));
            }
            return new String(stdout.join(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Chromium ran", e);
        } finally {
            deleteTree(profile);
        }
    }

    /**
     * Chromium's sandbox cannot run as root (CI, containers); there, and only where asked, it runs without. An
     * analyst's desktop keeps the sandbox, though the page it renders allows no script anyway.
     */
    private static boolean withoutSandbox() {
        return "root".equals(System.getProperty("user.name")) || "1".equals(System.getenv(NO_SANDBOX));
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless; the job's result stands.
        }
    }
}
