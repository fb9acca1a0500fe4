package dev.newsroom.search.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bench/search (d): wrk against the gateway (or OpenSearch), cycling through the queries (loopback only, bounded in time). */
final class Wrk {
    /** What wrk reported: requests per second, latency percentiles, answers that were not 2xx, socket errors (incl. timeouts). */
    record Result(
            double perSecond, double p50Millis, double p99Millis, long non2xx, long socketErrors) {}

    /** Each connection thread cycles through the queries from its own starting point. */
    private static final String SCRIPT =
            """
            local threads = 0
            setup = function(thread)
              thread:set("first", threads * 499)
              threads = threads + 1
            end
            local paths = {}
            local i = 0
            init = function(args)
              for line in io.lines(args[1]) do paths[#paths + 1] = line end
              i = first % #paths
            end
            request = function()
              i = i % #paths + 1
              return wrk.format("GET", paths[i])
            end
            """;

    private Wrk() {}

    /**
     * @param threads     wrk threads; each cycles through the queries from its own starting point
     * @param connections connections over all threads (1: one request at a time, latency without a Java client)
     * @return null when wrk is not installed
     */
    static Result run(
            String searchUrl, List<String> queries, int seconds, int threads, int connections)
            throws IOException, InterruptedException {
        String path = URI.create(searchUrl).getRawPath();
        return runPaths(
                searchUrl,
                queries.stream()
                        .map(q -> path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .toList(),
                seconds,
                threads,
                connections);
    }

    /** As {@link #run}, with the request paths (and their query strings) as given. */
    static Result runPaths(
            String searchUrl, List<String> requestPaths, int seconds, int threads, int connections)
            throws IOException, InterruptedException {
        if (!installed()) {
            return null;
        }
        URI base = URI.create(searchUrl);
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + base);
        }
        Path script = Files.createTempFile("search-bench", ".lua");
        Path paths = Files.createTempFile("search-bench", ".paths");
        Path output = Files.createTempFile("search-bench", ".wrk");
        try {
            Files.writeString(script, SCRIPT);
            Files.write(paths, requestPaths);
            Process wrk =
                    new ProcessBuilder(
                                    "wrk",
                                    "-t" + threads,
                                    "-c" + connections,
                                    "-d" + seconds + "s",
                                    "--latency",
                                    "-s",
                                    script.toString(),
                                    searchUrl,
                                    "--",
                                    paths.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            boolean ended = wrk.waitFor(seconds + 30L, TimeUnit.SECONDS);
            if (!ended) {
                wrk.destroyForcibly();
            }
            String out = Files.readString(output);
            if (!ended || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + out);
            }
            Matcher errors =
                    Pattern.compile(
                                    "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                            .matcher(out);
            long socketErrors = 0;
            if (errors.find()) {
                for (int g = 1; g <= 4; g++) {
                    socketErrors += Long.parseLong(errors.group(g));
                }
            }
            return new Result(
                    number(out, "Requests/sec:\\s+([0-9.]+)"),
                    millis(out, "50%"),
                    millis(out, "99%"),
                    out.contains("Non-2xx")
                            ? (long) number(out, "Non-2xx or 3xx responses:\\s+([0-9]+)")
                            : 0,
                    socketErrors);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(paths);
            Files.deleteIfExists(output);
        }
    }

    private static boolean installed() throws InterruptedException {
        try {
            return new ProcessBuilder("wrk", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    >= 0;
        } catch (IOException absent) {
            return false;
        }
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A latency percentile line such as {@code 50%  812.00us} or {@code 99%  12.31ms}, in ms. */
    private static double millis(String out, String percentile) {
        Matcher m =
                Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)")
                        .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(
                    "no " + percentile + " latency in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
