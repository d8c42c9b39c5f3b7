package org.sigmascope.proctree;

/**
 * Compares executables by file name. Logs spell the same file differently ({@code C:\Windows\system32\x.exe},
 * {@code \Device\HarddiskVolume2\Windows\System32\X.EXE}, a short 8.3 folder), but the file name survives all of
 * them, so two images agree when their last path elements are equal ignoring case.
 */
final class Images {
    private Images() {
    }

    static String baseName(String image) {
        if (image == null) {
            return null;
        }
        int slash = Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/'));
        return image.substring(slash + 1);
    }

    /** Whether the images are known to be the same file name; false when either is unknown. */
    static boolean agree(String a, String b) {
        if (!known(a) || !known(b)) {
            return false;
        }
        int sa = Math.max(a.lastIndexOf('\\'), a.lastIndexOf('/')) + 1;
        int sb = Math.max(b.lastIndexOf('\\'), b.lastIndexOf('/')) + 1;
        int la = a.length() - sa;
        return la == b.length() - sb && a.regionMatches(true, sa, b, sb, la);
    }

    /** Whether the images are both known and name different files. */
    static boolean disagree(String a, String b) {
        return known(a) && known(b) && !agree(a, b);
    }

    /** Whether the text names an image: Windows writes {@code -} or nothing for an unknown one. */
    static boolean known(String image) {
        return image != null && !image.isEmpty() && !image.equals("-");
    }
}
