import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Packs PNG renderings of the icon into a Windows .ico and a macOS .icns, both of which may hold PNG images as
 * they are (Windows Vista and later, macOS 10.7 and later). Run by make-icons.sh:
 * {@code java IconFiles.java DIR} reads DIR/icon-N.png and writes sigmascope.ico and sigmascope.icns beside this file.
 */
public final class IconFiles {
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    /** ICNS element types and the pixel size of each (Apple's "icns" format; the @2x types hold double sizes). */
    private static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put("icp4", 16);
        ICNS_TYPES.put("icp5", 32);
        ICNS_TYPES.put("icp6", 64);
        ICNS_TYPES.put("ic07", 128);
        ICNS_TYPES.put("ic08", 256);
        ICNS_TYPES.put("ic09", 512);
        ICNS_TYPES.put("ic10", 1024);
        ICNS_TYPES.put("ic11", 32);
        ICNS_TYPES.put("ic12", 64);
        ICNS_TYPES.put("ic13", 256);
        ICNS_TYPES.put("ic14", 512);
    }

    public static void main(String[] args) throws IOException {
        Path pngs = Path.of(args[0]);
        Path out = Path.of(args.length > 1 ? args[1] : ".");
        Files.write(out.resolve("sigmascope.ico"), ico(pngs));
        Files.write(out.resolve("sigmascope.icns"), icns(pngs));
    }

    private static byte[] png(Path folder, int size) throws IOException {
        return Files.readAllBytes(folder.resolve("icon-" + size + ".png"));
    }

    /** ICONDIR, one ICONDIRENTRY per image (little-endian), then the images. */
    static byte[] ico(Path folder) throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * ICO_SIZES.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.length);
        int offset = header.capacity();
        for (int size : ICO_SIZES) {
            byte[] png = png(folder, size);
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            header.put((byte) 0).put((byte) 0); // no palette, reserved
            header.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            header.putInt(png.length).putInt(offset);
            offset += png.length;
            images.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(header.array());
        file.write(images.toByteArray());
        return file.toByteArray();
    }

    /** "icns", total length, then per element its type, its length (including these 8 bytes) and a PNG. */
    static byte[] icns(Path folder) throws IOException {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(elements);
        for (Map.Entry<String, Integer> type : ICNS_TYPES.entrySet()) {
            byte[] png = png(folder, type.getValue());
            out.writeBytes(type.getKey());
            out.writeInt(png.length + 8);
            out.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(elements.size() + 8);
        header.write(elements.toByteArray());
        return file.toByteArray();
    }
}
