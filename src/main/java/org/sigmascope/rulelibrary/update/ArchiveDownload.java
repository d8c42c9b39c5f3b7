package org.sigmascope.rulelibrary.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sigmascope.Version;
import org.sigmascope.task.Progress;

/**
 * Fetches a rule archive over HTTP(S) into a file. This and nothing else in Sigmascope opens a network
 * connection, and only when the analyst asks for an update (a test checks that). Redirects are followed, except
 * from HTTPS to plain HTTP; the archive's size and the time taken are bounded.
 */
final class ArchiveDownload {
    private final UpdateLimits limits;

    ArchiveDownload(UpdateLimits limits) {
        this.limits = limits;
    }

    /** Writes the archive at the address to {@code target}; returns its size in bytes. */
    long fetch(ArchiveOrigin.Remote origin, Path target, Progress progress) throws UpdateException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
        HttpRequest request = HttpRequest.newBuilder(origin.uri())
                .timeout(limits.connectTimeout())
                .header("User-Agent", "Sigmascope/" + Version.version())
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpdateException(origin + ": cannot fetch: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateException(origin + ": the download was interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new UpdateException(origin + ": the server answered HTTP " + response.statusCode()
                        + (response.uri().equals(origin.uri()) ? "" : " (at " + response.uri() + ")"));
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (total > limits.maxArchiveBytes()) {
                throw new UpdateException(origin + ": the archive is " + total + " bytes, more than the "
                        + limits.maxArchiveBytes() + " a rule archive may have");
            }
            return copy(origin, body, target, total, progress);
        } catch (IOException e) {
            throw new UpdateException(origin + ": the download failed: " + describe(e), e);
        }
    }

    private long copy(ArchiveOrigin.Remote origin, InputStream body, Path target, long total, Progress progress)
            throws IOException, UpdateException {
        // The client's timeout covers the response headers only; a server that stalls mid-body is cut off here.
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture.delayedExecutor(limits.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            timedOut.set(true);
            try {
                body.close();
            } catch (IOException e) {
                // closing is all that is wanted
            }
        });
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                copied += n;
                if (copied > limits.maxArchiveBytes()) {
                    throw new UpdateException(origin + ": the archive is larger than the "
                            + limits.maxArchiveBytes() + " bytes a rule archive may have");
                }
                out.write(buffer, 0, n);
                progress.update(copied, total, "downloading");
            }
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new UpdateException(origin + ": the download took longer than "
                        + limits.downloadTimeout().toSeconds() + " s", e);
            }
            throw e;
        }
        if (total >= 0 && copied != total) {
            throw new UpdateException(origin + ": the download ended after " + copied + " of " + total + " bytes");
        }
        return copied;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** How long to wait for the server to answer at all. */
    static Duration defaultConnectTimeout() {
        return Duration.ofSeconds(30);
    }
}
