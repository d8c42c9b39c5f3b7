/** Text evidence: which encoding a file is in (UTF-8 with or without a byte order mark, UTF-16), and decoding it. */
package org.sigmascope.ingest.text;
