package org.sigmascope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.sigmascope.generate.host.Attacks;
import org.sigmascope.generate.host.Background;
import org.sigmascope.generate.host.Boot;
import org.sigmascope.generate.host.HostIdentity;
import org.sigmascope.generate.host.HostSim;
import org.sigmascope.generate.host.Ticks;
import org.sigmascope.generate.scenario.ScenarioPlan;
import org.sigmascope.generate.scenario.ScenarioSpec;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Generates synthetic Windows event logs with ground truth: per host, a boot, a user's session and everyday
 * activity, with the chosen attack scenarios injected; written per host and channel in the chosen format,
 * with {@code ground-truth.sigmascope.jsonl} and {@code generation.sigmascope.json} beside them.
 *
 * <p>Deterministic: each host is simulated alone from a seed derived from the run's seed, so the output is
 * byte-identical for the same options whatever the number of threads. Streaming: a host holds only its live
 * processes and a few seconds of pending events, and each file writer one chunk or buffer.
 */
public final class Generator {
    /** Background activity starts this long after boot, once the user has logged on. */
    private static final long SETTLE = 3 * Ticks.MINUTE;

    private Generator() {
    }

    public static GenerationSummary run(GenerateOptions options, Progress progress, Cancellation cancellation)
            throws IOException {
        return run(options, options.format().factory(), progress, cancellation);
    }

    public static GenerationSummary run(GenerateOptions options, LogWriterFactory factory, Progress progress,
                                        Cancellation cancellation) throws IOException {
        long started = System.nanoTime();
        prepareFolder(options.output());
        long windowStart = Ticks.of(options.start());
        long duration = options.duration().toSeconds() * Ticks.SECOND;
        List<ScenarioPlan> plans = ScenarioSpec.parse(options.scenarios(), options.hosts(), duration, options.seed());
        AtomicLong written = new AtomicLong();
        List<HostResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), options.hosts()), r -> {
            Thread thread = new Thread(r, "sigmascope-generate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<HostResult>> futures = new ArrayList<>();
            for (int i = 0; i < options.hosts(); i++) {
                int index = i;
                futures.add(pool.submit(() -> host(options, factory, index, plans, windowStart, duration, written,
                        cancellation)));
            }
            for (Future<HostResult> future : futures) {
                while (true) {
                    try {
                        results.add(future.get(200, java.util.concurrent.TimeUnit.MILLISECONDS));
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        progress.update(written.get(), options.events(), "generating");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
        List<GenerationSummary.LogFile> files = new ArrayList<>();
        List<GroundTruthEntry> truth = new ArrayList<>();
        for (HostResult result : results) {
            files.addAll(result.files);
            truth.addAll(result.truth);
        }
        GenerationSummary summary = new GenerationSummary(files, plans, truth, written.get(),
                System.nanoTime() - started);
        GroundTruthWriter.write(options.output().resolve("ground-truth.sigmascope.jsonl"), truth);
        Manifest.write(options.output().resolve("generation.sigmascope.json"), options, summary, results.stream()
                .map(r -> r.host).toList());
        progress.update(written.get(), options.events(), "done");
        return summary;
    }

    private static HostResult host(GenerateOptions options, LogWriterFactory factory, int index,
                                   List<ScenarioPlan> plans, long windowStart, long duration, AtomicLong written,
                                   Cancellation cancellation) throws IOException {
        HostIdentity host = HostIdentity.of(index, options.seed());
        long seed = options.seed() * 0x9E3779B97F4A7C15L + index;
        long quota = options.events() / options.hosts() + (index < options.events() % options.hosts() ? 1 : 0);
        List<ScenarioPlan> mine = plans.stream().filter(p -> p.host() == index).toList();
        // A dry run of boot and scenarios alone counts the scenario events, so background fills exactly the rest.
        HostSim dry = new HostSim(host, seed, event -> cancellation.check());
        stage(dry, mine, windowStart, duration, false);
        dry.run();
        long background = quota - dry.injectedEmitted();
        if (background < 0) {
            throw new IllegalArgumentException("--events is too small: the scenarios on " + host.name() + " alone write "
                    + dry.injectedEmitted() + " events, but the host gets " + quota
                    + "; give more events, fewer scenarios, or more hosts");
        }
        HostOutput output = new HostOutput(options.output(), host, factory, written);
        HostSim sim = new HostSim(host, seed, event -> {
            output.accept(event);
            if ((written.get() & 0xffff) == 0) {
                cancellation.check();
            }
        });
        sim.setBackgroundQuota(background);
        stage(sim, mine, windowStart, duration, true);
        sim.run();
        return new HostResult(host, output.close(), output.truth());
    }

    private static void stage(HostSim sim, List<ScenarioPlan> plans, long windowStart, long duration,
                              boolean background) {
        long boot = windowStart + sim.host().index() % 7 * 37 * Ticks.SECOND;
        Boot.schedule(sim, boot);
        if (background) {
            Background.schedule(sim, boot + SETTLE, windowStart + duration);
        }
        for (ScenarioPlan plan : plans) {
            Attacks.schedule(sim, plan, Math.max(boot + SETTLE, windowStart + plan.offsetTicks()));
        }
    }

    /** Refuses to write into a folder that holds anything: generated evidence never overwrites an analyst's. */
    private static void prepareFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(folder + " is not empty: give a new or empty folder");
                }
            }
        } else if (Files.exists(folder)) {
            throw new IOException(folder + " exists and is not a folder");
        }
        Files.createDirectories(folder);
    }

    record HostResult(HostIdentity host, List<GenerationSummary.LogFile> files, List<GroundTruthEntry> truth) {
    }
}
