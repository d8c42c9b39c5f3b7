/**
 * Compressed and archived evidence ({@code .gz}, {@code .zip}, {@code .tar}, and these nested), recognised by
 * content. Each member is expanded into a private temporary file, within limits that stop decompression bombs,
 * and read by the reader its content calls for; member names are only ever shown, never used as paths.
 */
package org.sigmascope.ingest.archive;
