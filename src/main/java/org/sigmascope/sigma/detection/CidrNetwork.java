package org.sigmascope.sigma.detection;

import java.util.Locale;

/**
 * An IPv4 or IPv6 network, and the parsing of addresses as events write them. Addresses are parsed here, never
 * with {@code InetAddress.getByName}, which would look host names up in DNS.
 *
 * @param address the network's address bytes (4 or 16), host bits cleared
 * @param prefix  the prefix length
 * @param text    the network as the rule wrote it
 */
public record CidrNetwork(byte[] address, int prefix, String text) {
    public CidrNetwork {
        address = address.clone();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    /** Parses {@code 10.0.0.0/8}, {@code fe80::/10}, or a single address (a /32 or /128 network). */
    public static CidrNetwork parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length after '/'");
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
            }
        }
        byte[] network = address.clone();
        for (int bit = prefix; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new CidrNetwork(network, prefix, text);
    }

    /**
     * Whether an address, as text, lies in this network. An IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3},
     * as Windows writes IPv4 peers of dual-stack sockets) is compared as the IPv4 address it carries.
     */
    public boolean contains(String text) {
        return containsAddress(address(text));
    }

    /** An address as {@link #contains} reads it, to test it against many networks; {@code null} when none. */
    public static byte[] address(String text) {
        return parseAddress(text.trim());
    }

    /** Whether an address made by {@link #address} lies in this network ({@code null}: never). */
    public boolean containsAddress(byte[] parsed) {
        byte[] candidate = parsed;
        if (candidate == null) {
            return false;
        }
        if (candidate.length == 16 && address.length == 4 && isIpv4Mapped(candidate)) {
            candidate = java.util.Arrays.copyOfRange(candidate, 12, 16);
        }
        if (candidate.length != address.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    /** The bytes of an IPv4 or IPv6 address (zone id and brackets allowed), or {@code null}. */
    static byte[] parseAddress(String text) {
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') >= 0) {
            return parseIpv6(s.toLowerCase(Locale.ROOT));
        }
        return parseIpv4(s);
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] parseIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        byte[] headBytes = groups(head, tail.isEmpty() || gap < 0);
        byte[] tailBytes = gap >= 0 ? groups(tail, true) : new byte[0];
        if (headBytes == null || tailBytes == null) {
            return null;
        }
        int total = headBytes.length + tailBytes.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, out, 16 - tailBytes.length, tailBytes.length);
        return out;
    }

    /** The bytes of colon-separated hex groups; the last may be a dotted IPv4 address when {@code mayEndInIpv4}. */
    private static byte[] groups(String s, boolean mayEndInIpv4) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] parts = s.split(":", -1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && part.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(part);
                if (v4 == null) {
                    return null;
                }
                out.write(v4, 0, 4);
            } else {
                if (part.isEmpty() || part.length() > 4) {
                    return null;
                }
                int value;
                try {
                    value = Integer.parseInt(part, 16);
                } catch (NumberFormatException e) {
                    return null;
                }
                out.write(value >>> 8);
                out.write(value & 0xff);
            }
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrNetwork other && prefix == other.prefix
                && java.util.Arrays.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(address) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
