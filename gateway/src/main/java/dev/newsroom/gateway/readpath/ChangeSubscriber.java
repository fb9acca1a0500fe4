package dev.newsroom.gateway.readpath;

import dev.newsroom.readpath.GuardedRedis;
import dev.newsroom.readpath.ReadPathKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.JedisPubSub;

/**
 * Evicts the near cache when any replica's change is announced on
 * {@link ReadPathKeys#CHANGES_CHANNEL} (article-service publishes the News ID before it
 * acknowledges). One thread holds the subscription and re-subscribes after a failure; each
 * (re)subscription clears the whole cache, since announcements may have been missed meanwhile.
 */
public class ChangeSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeSubscriber.class);

    private final GuardedRedis redis;
    private final NearCache cache;
    private final Duration retryAfter;
    private volatile boolean running;
    private volatile JedisPubSub subscription;
    private Thread thread;

    public ChangeSubscriber(GuardedRedis redis, NearCache cache, Duration retryAfter) {
        this.redis = redis;
        this.cache = cache;
        this.retryAfter = retryAfter;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "near-cache-invalidation");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            JedisPubSub pubSub =
                    new JedisPubSub() {
                        @Override
                        public void onSubscribe(String channel, int count) {
                            cache.evictAll();
                        }

                        @Override
                        public void onMessage(String channel, String message) {
                            try {
                                cache.evict(Long.parseLong(message.strip()));
                            } catch (NumberFormatException e) {
                                cache.evictAll();
                            }
                        }
                    };
            subscription = pubSub;
            try {
                redis.unguarded().subscribe(pubSub, ReadPathKeys.CHANGES_CHANNEL);
                warned = false;
            } catch (RuntimeException e) {
                if (!warned && running) {
                    log.warn(
                            "near-cache invalidation: cannot subscribe to Redis ({}); retrying every {}",
                            e.getMessage(),
                            retryAfter);
                    warned = true;
                }
            }
            cache.evictAll();
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(retryAfter.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** True while the subscription is live (for tests and readiness). */
    public boolean subscribed() {
        JedisPubSub current = subscription;
        return current != null && current.isSubscribed();
    }

    @Override
    public void stop() {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException e) {
                // the connection is going away anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
