package org.sigmascope.rulelibrary.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts the rule files of a zip archive, and refuses the whole archive if any entry is unsafe: a name that
 * leaves the target folder ({@code ../}, an absolute path, a drive letter, a backslash), two entries that would
 * land on one file, or more bytes than {@link UpdateLimits} allow, counted while inflating rather than trusted from
 * the archive's headers (a zip bomb lies there). A damaged archive (bad central directory, wrong checksum) is an
 * error that names the entry.
 *
 * <p>Only {@code .yml}/{@code .yaml} files are extracted, and the licence and readme files that the rules' licence
 * asks to keep with them; the rest of the archive stays in the archive.
 */
final class SafeUnzip {
    private final UpdateLimits limits;

    SafeUnzip(UpdateLimits limits) {
        this.limits = limits;
    }

    /** The files extracted, as relative paths with {@code /}. */
    List<String> extract(Path archive, String shownName, Path target) throws UpdateException {
        List<String> extracted = new ArrayList<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new UpdateException(shownName + ": the archive has " + zip.size() + " entries, more than the "
                        + limits.maxEntries() + " a rule archive may have");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = checkedName(shownName, entry.getName());
                if (entry.isDirectory() || !wanted(name)) {
                    continue;
                }
                Path file = target.resolve(name).normalize();
                if (!file.startsWith(target)) {
                    throw new UpdateException(shownName + ": entry '" + entry.getName() + "' leaves the rule folder");
                }
                Files.createDirectories(file.getParent());
                total += copy(zip, entry, shownName, file, limits.maxTotalBytes() - total);
                extracted.add(name);
            }
        } catch (ZipException e) {
            throw new UpdateException(shownName + ": not a valid zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UpdateException(shownName + ": cannot extract: " + e.getMessage(), e);
        }
        return extracted;
    }

    /** The entry's name if it is safe to extract anywhere; otherwise the archive is refused. */
    static String checkedName(String shownName, String name) throws UpdateException {
        String why = null;
        if (name.isEmpty() || name.startsWith("/")) {
            why = "is an absolute path";
        } else if (name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('\0') >= 0) {
            why = "has a backslash, colon or NUL in its name";
        } else {
            String[] parts = name.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = i == parts.length - 1;
                if (parts[i].equals("..") || parts[i].equals(".") || (parts[i].isEmpty() && !last)) {
                    why = "leaves the rule folder";
                    break;
                }
            }
        }
        if (why != null) {
            throw new UpdateException(shownName + ": refused: entry '" + name + "' " + why
                    + "; the archive may be malicious");
        }
        return name;
    }

    private static boolean wanted(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return file.endsWith(".yml") || file.endsWith(".yaml") || file.startsWith("license")
                || file.startsWith("readme") || file.startsWith("copying");
    }

    private long copy(ZipFile zip, ZipEntry entry, String shownName, Path file, long totalLeft)
            throws IOException, UpdateException {
        long limit = Math.min(limits.maxFileBytes(), totalLeft);
        if (entry.getSize() > limit) {
            throw tooLarge(shownName, entry, limit);
        }
        long copied = 0;
        byte[] buffer = new byte[1 << 14];
        // ZipFile does not check an entry's CRC-32 (ZipInputStream does): checked here, so damage is found.
        CRC32 crc = new CRC32();
        // CREATE_NEW: two entries for one file (a duplicate name, or names differing in case on Windows and macOS).
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc);
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                copied += n;
                if (copied > limit) {
                    throw tooLarge(shownName, entry, limit);
                }
                out.write(buffer, 0, n);
            }
            if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
                throw new ZipException("its CRC-32 does not match");
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UpdateException(shownName + ": refused: entry '" + entry.getName()
                    + "' would overwrite another entry of the archive");
        } catch (ZipException e) {
            throw new UpdateException(shownName + ": entry '" + entry.getName() + "' is damaged (" + e.getMessage()
                    + ")", e);
        }
        return copied;
    }

    private UpdateException tooLarge(String shownName, ZipEntry entry, long limit) {
        return new UpdateException(shownName + ": refused: entry '" + entry.getName() + "' unpacks to more than "
                + limit + " bytes" + (limit < limits.maxFileBytes() ? " (the archive's total limit)" : "")
                + "; not a rule file");
    }
}
