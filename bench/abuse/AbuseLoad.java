import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of bench/abuse/run, loopback only and bounded in time: READERS well-behaved
 * readers (each its own address through X-Forwarded-For, one request every PACE ms, inside
 * the read budget) for SECONDS, alone ("quiet") or next to one abusive client ("abuse":
 * ABUSERS threads from a single address, no pause, rotating User-Agents, half near-cached
 * story reads and half list reads that reach the service). Prints the readers' latency
 * percentiles and status counts, and what the abuser got.
 *
 * ABUSE_RATE caps the abuser's requests a second (0: as fast as it can).
 *
 *   java AbuseLoad.java BASE_URL STORY_PATH LIST_PATH quiet|abuse SECONDS READERS PACE_MS ABUSERS [ABUSE_RATE]
 */
public class AbuseLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String story = args[1];
        String list = args[2];
        boolean abuse = args[3].equals("abuse");
        long seconds = Long.parseLong(args[4]);
        int readers = Integer.parseInt(args[5]);
        long pace = Long.parseLong(args[6]);
        int abusers = Integer.parseInt(args[7]);
        long abuseRate = args.length > 8 ? Long.parseLong(args[8]) : 0;
        long abuserPauseNanos = abuseRate <= 0 ? 0 : abusers * 1_000_000_000L / abuseRate;
        if (!URI.create(base).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        ConcurrentHashMap<Integer, LongAdder> readerCodes = new ConcurrentHashMap<>();
        ConcurrentHashMap<Integer, LongAdder> abuserCodes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[readers];
        for (int r = 0; r < readers; r++) {
            long[] mine = new long[(int) (seconds * 1000 / Math.max(1, pace)) + 1000];
            latencies.add(mine);
            int reader = r;
            threads.add(
                    start(
                            () -> {
                                String address = "198.51.100." + (10 + reader);
                                int n = 0;
                                while (running.get() && n < mine.length) {
                                    String path = n % 4 == 3 ? list : story;
                                    long start = System.nanoTime();
                                    int code = send(http, base + path, address, "reader-" + reader);
                                    mine[n++] = System.nanoTime() - start;
                                    readerCodes
                                            .computeIfAbsent(code, c -> new LongAdder())
                                            .increment();
                                    sleep(pace);
                                }
                                counts[reader] = n;
                            }));
        }
        if (abuse) {
            for (int a = 0; a < abusers; a++) {
                int abuser = a;
                threads.add(
                        start(
                                () -> {
                                    long n = 0;
                                    while (running.get()) {
                                        String path =
                                                n % 2 == 0
                                                        ? story
                                                        : list.replace(
                                                                "pageSize=10",
                                                                "pageSize=" + (1 + n % 50));
                                        int code =
                                                send(
                                                        http,
                                                        base + path,
                                                        "203.0.113.99",
                                                        "bot-" + abuser + "-" + n++);
                                        abuserCodes
                                                .computeIfAbsent(code, c -> new LongAdder())
                                                .increment();
                                        if (abuserPauseNanos > 0) {
                                            java.util.concurrent.locks.LockSupport.parkNanos(
                                                    abuserPauseNanos);
                                        }
                                    }
                                }));
            }
        }
        Thread.sleep(seconds * 1000);
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int r = 0; r < readers; r++) {
            System.arraycopy(latencies.get(r), 0, all, at, counts[r]);
            at += counts[r];
        }
        Arrays.sort(all);
        System.out.printf(
                "%s: readers %d requests, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, statuses %s%n",
                abuse ? "abuse" : "quiet",
                total,
                ms(all, 0.50),
                ms(all, 0.90),
                ms(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                readerCodes);
        if (abuse) {
            long sum = abuserCodes.values().stream().mapToLong(LongAdder::sum).sum();
            System.out.printf(
                    "abuse: abuser (one address, %d threads) %d requests (%.0f/s), statuses %s%n",
                    abusers, sum, sum / (double) seconds, abuserCodes);
        }
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static int send(HttpClient http, String url, String address, String agent) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("X-Forwarded-For", address)
                        .header("User-Agent", agent)
                        .GET()
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
