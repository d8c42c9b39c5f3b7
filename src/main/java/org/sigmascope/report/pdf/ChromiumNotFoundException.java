package org.sigmascope.report.pdf;

import java.io.IOException;

/** No Chromium or Chrome was found to print a PDF with; the message says where we looked and what to install. */
public final class ChromiumNotFoundException extends IOException {
    public ChromiumNotFoundException(String message) {
        super(message);
    }
}
